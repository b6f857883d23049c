import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingDetailDocument, RecordDecisionDocument } from '../../gql/graphql';
import { applyServerErrors, type ServerError } from '../../app/errors';
import { notifyDone, pickText, ReasonAlert, useReasonText } from './feedback';
import type { MeetingData } from './MeetingPage';
import { TranslationsFields } from './TranslationsFields';

/** The meeting's decisions, each with the agenda item it decides, and a form to record one. */
export function DecisionsSection({ meeting, editable }: { meeting: MeetingData; editable: boolean }) {
  const { t, i18n } = useTranslation(['meetings', 'common']);
  const locale = i18n.resolvedLanguage ?? 'ky';
  const describe = useReasonText('meetings');
  const [recordDecision, { loading }] = useMutation(RecordDecisionDocument, { refetchQueries: [MeetingDetailDocument], awaitRefetchQueries: true });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const form = useForm({
    initialValues: { text: { ky: '', ru: '', en: '' }, agendaItemId: null as string | null },
    validate: { text: { ky: (_, values) => (values.text.ky.trim() || values.text.ru.trim() || values.text.en.trim() ? null : t('meetings:decisions.textRequired')) } },
  });
  const agendaTitle = (id: string | null | undefined) => {
    const item = meeting.agenda.find((entry) => entry.id === id);
    return item ? `${item.position}. ${pickText(item.titles, locale)?.text ?? item.title ?? ''}` : null;
  };

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      await recordDecision({
        variables: {
          meetingId: meeting.id,
          input: { agendaItemId: values.agendaItemId, text: { ky: values.text.ky.trim() || null, ru: values.text.ru.trim() || null, en: values.text.en.trim() || null } },
        },
      });
      notifyDone(t('meetings:decisions.recorded'), t('meetings:closeDialog'));
      form.reset();
    } catch (error) {
      setErrors(applyServerErrors(form, error, describe, { 'input.text': 'text.ky', 'input.agendaItemId': 'agendaItemId' }));
    }
  });

  return (
    <Stack component="section" aria-labelledby="decisions-heading">
      <Title order={2} size="h3" id="decisions-heading">
        {t('meetings:decisions.title')}
      </Title>
      {meeting.decisions.length === 0 ? (
        <Text c="dimmed">{t('meetings:decisions.none')}</Text>
      ) : (
        <Stack component="ol" gap="xs" pl="lg" m={0}>
          {meeting.decisions.map((decision) => {
            const text = pickText(decision.texts, locale);
            const on = agendaTitle(decision.agendaItemId);
            return (
              <li key={decision.id}>
                <Text lang={text?.lang} style={{ whiteSpace: 'pre-line' }}>
                  {text?.text ?? decision.text}
                </Text>
                {on && (
                  <Text size="sm" c="dimmed">
                    {t('meetings:decisions.onItem', { item: on })}
                  </Text>
                )}
              </li>
            );
          })}
        </Stack>
      )}
      {editable && (
        <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="decision-form-heading">
          <Stack>
            <Title order={3} size="h5" id="decision-form-heading">
              {t('meetings:decisions.add')}
            </Title>
            <ReasonAlert errors={errors} describe={describe} />
            <TranslationsFields form={form} path="text" legend={t('meetings:decisions.text')} multiline />
            <Select
              label={t('meetings:decisions.agendaItem')}
              placeholder={t('meetings:decisions.noItem')}
              clearable
              data={meeting.agenda.map((item) => ({ value: item.id, label: agendaTitle(item.id) ?? item.id }))}
              {...form.getInputProps('agendaItemId')}
            />
            <Group>
              <Button type="submit" loading={loading}>
                {t('meetings:decisions.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
