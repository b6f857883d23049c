import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CancelMeetingDocument, CloseMeetingDocument, MeetingDetailDocument, RescheduleMeetingDocument } from '../../gql/graphql';
import { applyServerErrors, hasCode, type ServerError, serverErrors } from '../../app/errors';
import { ConflictAlert } from '../../app/ui/ConflictAlert';
import { notifyDone, ReasonAlert, useReasonText } from './feedback';
import type { MeetingData } from './MeetingPage';
import { SCHEDULE_FIELDS, ScheduleFields, scheduleInput, scheduleOf, scheduleRules, type ScheduleValues } from './schedule';

/** Reschedule, cancel (with a reason) or close (mark as held) a meeting. */
export function MeetingActions({ meeting }: { meeting: MeetingData }) {
  const { t } = useTranslation(['meetings', 'common']);
  const [open, setOpen] = useState<'reschedule' | 'cancel' | 'close' | null>(null);
  if (meeting.status === 'CANCELLED') return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen('reschedule')}>
        {t('meetings:reschedule.open')}
      </Button>
      {meeting.status === 'PLANNED' && (
        <>
          <Button variant="default" onClick={() => setOpen('close')}>
            {t('meetings:close.open')}
          </Button>
          <Button variant="default" color="red" onClick={() => setOpen('cancel')}>
            {t('meetings:cancelMeeting.open')}
          </Button>
        </>
      )}
      <RescheduleModal meeting={meeting} opened={open === 'reschedule'} onClose={() => setOpen(null)} />
      <CancelModal meeting={meeting} opened={open === 'cancel'} onClose={() => setOpen(null)} />
      <CloseModal meeting={meeting} opened={open === 'close'} onClose={() => setOpen(null)} />
    </>
  );
}

function RescheduleModal({ meeting, opened, onClose }: { meeting: MeetingData; opened: boolean; onClose(): void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const client = useApolloClient();
  const describe = useReasonText('meetings');
  const [reschedule, { loading }] = useMutation(RescheduleMeetingDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(meeting.version);
  const form = useForm<ScheduleValues>({ initialValues: scheduleOf(meeting), validate: scheduleRules(t) });
  useEffect(() => {
    // Each time it opens: the meeting as it is now.
    if (!opened) return;
    form.setValues(scheduleOf(meeting));
    setVersion(meeting.version);
    setErrors([]);
    setConflict(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening (or another record) only: Mantine's form is a new object on every render, and a refetch of the same record must not reset what is typed
  }, [opened]);

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    setConflict(false);
    try {
      await reschedule({ variables: { id: meeting.id, input: { ...scheduleInput(values), version } } });
      notifyDone(t('meetings:reschedule.done'), t('meetings:closeDialog'));
      onClose();
    } catch (error) {
      if (hasCode(error, 'CONFLICT') && !hasCode(error, 'BAD_USER_INPUT')) setConflict(true);
      else setErrors(applyServerErrors(form, error, describe, SCHEDULE_FIELDS));
    }
  });

  return (
    <Modal closeButtonProps={{ 'aria-label': t('meetings:closeDialog') }} opened={opened} onClose={onClose} title={t('meetings:reschedule.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {conflict && (
            <ConflictAlert
              onReload={async () => {
                const fresh = await client.query({ query: MeetingDetailDocument, variables: { id: meeting.id }, fetchPolicy: 'network-only' });
                if (fresh.data?.meeting) setVersion(fresh.data.meeting.version);
                setConflict(false);
              }}
            />
          )}
          <ReasonAlert errors={errors} describe={describe} />
          <Text size="sm">{t('meetings:reschedule.explain')}</Text>
          <ScheduleFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('meetings:reschedule.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CancelModal({ meeting, opened, onClose }: { meeting: MeetingData; opened: boolean; onClose(): void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const describe = useReasonText('meetings');
  const [cancel, { loading }] = useMutation(CancelMeetingDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (value) => (value.trim() ? null : t('meetings:cancelMeeting.reasonRequired')) } });
  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      await cancel({ variables: { id: meeting.id, reason: values.reason.trim() } });
      notifyDone(t('meetings:cancelMeeting.done'), t('meetings:closeDialog'));
      form.reset();
      onClose();
    } catch (error) {
      setErrors(applyServerErrors(form, error, describe, { reason: 'reason' }));
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('meetings:closeDialog') }} opened={opened} onClose={onClose} title={t('meetings:cancelMeeting.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ReasonAlert errors={errors} describe={describe} />
          <Text size="sm">{t('meetings:cancelMeeting.explain')}</Text>
          <Textarea label={t('meetings:cancelMeeting.reason')} required autosize minRows={3} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('meetings:keep')}
            </Button>
            <Button type="submit" color="red" loading={loading}>
              {t('meetings:cancelMeeting.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CloseModal({ meeting, opened, onClose }: { meeting: MeetingData; opened: boolean; onClose(): void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const describe = useReasonText('meetings');
  const [close, { loading }] = useMutation(CloseMeetingDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  return (
    <Modal closeButtonProps={{ 'aria-label': t('meetings:closeDialog') }} opened={opened} onClose={onClose} title={t('meetings:close.title')}>
      <Stack>
        <ReasonAlert errors={errors} describe={describe} />
        <Text size="sm">{t('meetings:close.explain')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button
            loading={loading}
            onClick={async () => {
              setErrors([]);
              try {
                await close({ variables: { id: meeting.id } });
                notifyDone(t('meetings:close.done'), t('meetings:closeDialog'));
                onClose();
              } catch (error) {
                setErrors(serverErrors(error));
              }
            }}
          >
            {t('meetings:close.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
