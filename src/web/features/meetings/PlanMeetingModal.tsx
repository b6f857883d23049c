import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MeetingListDocument, PlanMeetingDocument } from '../../gql/graphql';
import { applyServerErrors, type ServerError } from '../../app/errors';
import { notifyDone, ReasonAlert, useReasonText } from './feedback';
import { TranslationsFields } from './TranslationsFields';
import { EMPTY_SCHEDULE, SCHEDULE_FIELDS, ScheduleFields, scheduleInput, scheduleRules, type ScheduleValues } from './schedule';

interface Values extends ScheduleValues {
  bodyId: string | null;
  title: { ky: string; ru: string; en: string };
}

/** Plans a meeting of a body: what it is called, when (Bishkek time) and where. */
export function PlanMeetingModal({
  opened,
  onClose,
  bodies,
  defaultBodyId,
}: {
  opened: boolean;
  onClose(): void;
  bodies: { id: string; name?: string | null }[];
  defaultBodyId: string | null;
}) {
  const { t } = useTranslation(['meetings', 'common']);
  const navigate = useNavigate();
  const describe = useReasonText('meetings');
  const [plan, { loading }] = useMutation(PlanMeetingDocument, { refetchQueries: [MeetingListDocument] });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const form = useForm<Values>({
    initialValues: { ...EMPTY_SCHEDULE, bodyId: defaultBodyId ?? bodies[0]?.id ?? null, title: { ky: '', ru: '', en: '' } },
    validate: {
      ...scheduleRules(t),
      bodyId: (value) => (value ? null : t('meetings:plan.bodyRequired')),
      title: { ky: (_, values) => (values.title.ky.trim() || values.title.ru.trim() || values.title.en.trim() ? null : t('meetings:titleRequired')) },
    },
  });
  useEffect(() => {
    // The bodies arrive after the page: offer the chosen (or largest) one when the form opens.
    if (opened && !form.values.bodyId) form.setFieldValue('bodyId', defaultBodyId ?? bodies[0]?.id ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening (or another record) only: Mantine's form is a new object on every render, and a refetch of the same record must not reset what is typed
  }, [opened, bodies, defaultBodyId]);
  const close = () => {
    form.reset();
    setErrors([]);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      const result = await plan({
        variables: {
          input: {
            ...scheduleInput(values),
            bodyId: values.bodyId!,
            title: { ky: values.title.ky.trim() || null, ru: values.title.ru.trim() || null, en: values.title.en.trim() || null },
          },
        },
      });
      const meeting = result.data!.planMeeting;
      notifyDone(t('meetings:plan.done', { number: meeting.number }), t('meetings:closeDialog'));
      close();
      void navigate(`/app/meetings/${meeting.id}`);
    } catch (error) {
      setErrors(applyServerErrors(form, error, describe, { ...SCHEDULE_FIELDS, 'input.title': 'title.ky', 'input.bodyId': 'bodyId' }));
    }
  });

  return (
    <Modal closeButtonProps={{ 'aria-label': t('meetings:closeDialog') }} opened={opened} onClose={close} title={t('meetings:plan.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ReasonAlert errors={errors} describe={describe} />
          <Select
            label={t('meetings:plan.body')}
            data={bodies.map((body) => ({ value: body.id, label: body.name ?? body.id }))}
            allowDeselect={false}
            searchable
            required
            {...form.getInputProps('bodyId')}
          />
          <TranslationsFields form={form} path="title" legend={t('meetings:titleLegend')} />
          <ScheduleFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('meetings:plan.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
