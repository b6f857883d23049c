import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BodyRosterDocument, EndMembershipDocument } from '../../gql/graphql';
import { applyServerErrors, hasCode, type ServerError } from '../../app/errors';
import { DateField } from '../../app/dates';
import { todayInBishkek } from '../../app/bishkek-day';
import { ConflictAlert } from '../../app/ui/ConflictAlert';
import { notifyDone, ReasonAlert, useReasonText } from '../meetings/feedback';
import type { RosterMember } from './RosterPage';

/** Ends a membership on a day the secretary chooses, after saying what that means. */
export function EndMembershipModal({ member, bodyName, onClose, onReload }: { member: RosterMember | null; bodyName: string; onClose(): void; onReload(): Promise<unknown> }) {
  const { t } = useTranslation(['council', 'common']);
  const describe = useReasonText('council');
  const [end, { loading }] = useMutation(EndMembershipDocument, { refetchQueries: [BodyRosterDocument], awaitRefetchQueries: true });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState<number | null>(null);
  const form = useForm({
    initialValues: { endDate: todayInBishkek() as string | null },
    validate: { endDate: (value) => (value ? null : t('council:end.dateRequired')) },
  });
  useEffect(() => {
    if (member) {
      form.setValues({ endDate: todayInBishkek() });
      setVersion(member.version);
    }
    setErrors([]);
    setConflict(false);
    // A new member to end: start afresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening (or another record) only: Mantine's form is a new object on every render, and a refetch of the same record must not reset what is typed
  }, [member?.id]);
  const organisation = member?.organisation?.name ?? member?.organisation?.acronym ?? '';

  const submit = form.onSubmit(async (values) => {
    if (!member) return;
    setErrors([]);
    setConflict(false);
    try {
      await end({ variables: { id: member.id, input: { endDate: values.endDate!, version } } });
      notifyDone(t('council:end.done', { organisation }), t('council:closeDialog'));
      onClose();
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) setConflict(true);
      else setErrors(applyServerErrors(form, error, describe, { 'input.endDate': 'endDate' }));
    }
  });

  return (
    <Modal closeButtonProps={{ 'aria-label': t('council:closeDialog') }} opened={member != null} onClose={onClose} title={t('council:end.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {conflict && (
            <ConflictAlert
              onReload={async () => {
                const fresh = (await onReload()) as { data?: { coordinationBody?: { members: { nodes: RosterMember[] } } | null } };
                const latest = fresh.data?.coordinationBody?.members.nodes.find((entry) => entry.id === member?.id);
                if (latest) setVersion(latest.version);
                setConflict(false);
              }}
            />
          )}
          <ReasonAlert errors={errors} describe={describe} />
          <Text>{t('council:end.explain', { organisation, body: bodyName })}</Text>
          <DateField
            label={t('council:end.date')}
            required
            clearable={false}
            value={form.values.endDate}
            onChange={(value) => form.setFieldValue('endDate', value)}
            error={form.errors.endDate as string | undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" color="red" loading={loading}>
              {t('council:end.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
