import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AttendanceStatus, RecordAttendanceDocument } from '../../gql/graphql';
import { type ServerError, serverErrors } from '../../app/errors';
import { useFormat } from '../../app/format';
import { notifyDone, ReasonAlert, useReasonText } from './feedback';
import type { MeetingData } from './MeetingPage';
import { countQuorum, NOT_COUNTED_ROLES, type QuorumCount } from './quorum';

const STATUSES: AttendanceStatus[] = ['PRESENT', 'EXCUSED', 'ABSENT'];

interface Entry {
  status: AttendanceStatus | '';
  people: string;
}

function entriesOf(meeting: MeetingData): Record<string, Entry> {
  const entries: Record<string, Entry> = {};
  for (const member of meeting.body?.members.nodes ?? []) if (member.organisation) entries[member.organisation.id] = { status: '', people: '' };
  for (const row of meeting.attendance) if (row.organisation) entries[row.organisation.id] = { status: row.status, people: row.people.join(', ') };
  return entries;
}

const names = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter(Boolean);

/**
 * Attendance of every active member organisation (present, excused, absent, and who came),
 * with the quorum counted live as the secretary marks people present, the way the hub counts
 * it; after saving, the hub's own count is shown.
 */
export function AttendanceSection({ meeting, editable }: { meeting: MeetingData; editable: boolean }) {
  const { t } = useTranslation(['meetings', 'common', 'council']);
  const describe = useReasonText('meetings');
  const members = meeting.body?.members.nodes ?? [];
  const saved = useMemo(() => entriesOf(meeting), [meeting]);
  const [entries, setEntries] = useState(saved);
  useEffect(() => setEntries(saved), [saved]);
  const [record, { loading }] = useMutation(RecordAttendanceDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [confirmed, setConfirmed] = useState<QuorumCount | null>(null);

  const counted = members.filter((member) => !NOT_COUNTED_ROLES.includes(member.role) && member.organisation).map((member) => member.organisation!.id);
  const present = Object.entries(entries)
    .filter(([, entry]) => entry.status === 'PRESENT')
    .map(([id]) => id);
  const live = countQuorum(counted, present, meeting.body?.quorumPercent ?? 50);
  const changed = Object.keys(entries).some((id) => entries[id].status !== saved[id]?.status || names(entries[id].people).join(',') !== names(saved[id]?.people ?? '').join(','));

  const set = (id: string, change: Partial<Entry>) => {
    setConfirmed(null);
    setEntries((current) => ({ ...current, [id]: { ...current[id], ...change } }));
  };

  const save = async () => {
    setErrors([]);
    const attendance = Object.entries(entries)
      .filter(([, entry]) => entry.status !== '')
      .map(([organisationId, entry]) => ({ organisationId, status: entry.status as AttendanceStatus, people: names(entry.people) }));
    try {
      const result = await record({ variables: { meetingId: meeting.id, attendance } });
      setConfirmed(result.data?.recordAttendance.quorum ?? null);
      notifyDone(t('meetings:attendance.saved'), t('meetings:closeDialog'));
    } catch (error) {
      setErrors(serverErrors(error));
    }
  };

  return (
    <Stack component="section" aria-labelledby="attendance-heading">
      <Title order={2} size="h3" id="attendance-heading">
        {t('meetings:attendance.title')}
      </Title>
      <QuorumIndicator live={live} server={confirmed ?? (changed ? null : meeting.quorum)} changed={changed} percent={meeting.body?.quorumPercent ?? 50} />
      <ReasonAlert errors={errors} describe={describe} />
      {members.length === 0 ? (
        <Text c="dimmed">{t('meetings:attendance.noMembers')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meetings:attendance.organisation')}</Table.Th>
                <Table.Th w={330}>{t('meetings:attendance.status')}</Table.Th>
                <Table.Th w={260}>{t('meetings:attendance.people')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => {
                const organisation = member.organisation;
                if (!organisation) return null;
                const name = organisation.name ?? organisation.acronym ?? '';
                const entry = entries[organisation.id] ?? { status: '', people: '' };
                const observer = NOT_COUNTED_ROLES.includes(member.role);
                return (
                  <Table.Tr key={member.id} data-organisation={organisation.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`council:role.${member.role}`)}
                        {observer && ` · ${t('meetings:attendance.notCounted')}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {editable ? (
                        <Stack gap={2}>
                          <SegmentedControl
                            size="xs"
                            aria-label={t('meetings:attendance.statusOf', { organisation: name })}
                            value={entry.status}
                            onChange={(value) => set(organisation.id, { status: value as AttendanceStatus })}
                            data={STATUSES.map((status) => ({ value: status, label: t(`meetings:attendance.${status}`) }))}
                          />
                          {entry.status === '' && (
                            <Text size="xs" c="dimmed">
                              {t('meetings:attendance.notMarked')}
                            </Text>
                          )}
                        </Stack>
                      ) : (
                        <Text size="sm">{entry.status ? t(`meetings:attendance.${entry.status}`) : t('meetings:attendance.notMarked')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {editable ? (
                        <TextInput
                          size="xs"
                          aria-label={t('meetings:attendance.peopleOf', { organisation: name })}
                          placeholder={member.representatives.map((person) => person.name).join(', ') || t('meetings:attendance.peoplePlaceholder')}
                          value={entry.people}
                          disabled={entry.status !== 'PRESENT'}
                          onChange={(event) => set(organisation.id, { people: event.currentTarget.value })}
                        />
                      ) : (
                        <Text size="sm">{entry.people}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable && members.length > 0 && (
        <Group>
          <Button onClick={save} loading={loading} disabled={!changed}>
            {t('meetings:attendance.save')}
          </Button>
          {changed && (
            <Text size="sm" c="orange.9">
              {t('meetings:attendance.unsaved')}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** How many members are present against how many are needed, in words (and a bar). */
function QuorumIndicator({ live, server, changed, percent }: { live: QuorumCount; server: QuorumCount | null; changed: boolean; percent: number }) {
  const { t } = useTranslation(['meetings', 'common']);
  const format = useFormat();
  const values = { present: format.number(live.present), members: format.number(live.members), required: format.number(live.required), percent: format.number(percent) };
  return (
    <Paper withBorder p="md" radius="md" bg={live.reached ? 'green.0' : 'orange.0'}>
      <Stack gap="xs">
        <Text fw={700} role="status" aria-live="polite" data-testid="quorum-live">
          {live.members === 0 ? t('meetings:quorum.noMembers') : live.reached ? t('meetings:quorum.reached', values) : t('meetings:quorum.notReached', values)}
        </Text>
        <Progress
          value={live.members ? Math.min(100, (live.present / live.required) * 100) : 0}
          color={live.reached ? 'green' : 'orange'}
          aria-label={t('meetings:quorum.bar', values)}
        />
        <Text size="sm">{t('meetings:quorum.rule', values)}</Text>
        {server && !changed && (
          <Alert color={server.reached ? 'green' : 'gray'} variant="light" p="xs" data-testid="quorum-server">
            {server.reached
              ? t('meetings:quorum.serverReached', { present: format.number(server.present), members: format.number(server.members), required: format.number(server.required) })
              : t('meetings:quorum.serverNotReached', { present: format.number(server.present), members: format.number(server.members), required: format.number(server.required) })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
