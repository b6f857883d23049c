import { useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BodyOptionsDocument, BodyRosterDocument, type BodyRosterQuery } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { RequireRole, STAFF } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { AddMembershipModal } from './AddMembershipModal';
import { EndMembershipModal } from './EndMembershipModal';
import { QuorumForm } from './QuorumForm';
import { Representatives } from './Representatives';

const PAGE_SIZE = 50;

export type RosterMember = NonNullable<BodyRosterQuery['coordinationBody']>['members']['nodes'][number];

/** The secretariat's roster of a body: members, adding and ending memberships, the quorum. */
export default function RosterPage() {
  return (
    <RequireRole roles={STAFF}>
      <Roster />
    </RequireRole>
  );
}

function Roster() {
  const { t } = useTranslation(['council', 'common']);
  const format = useFormat();
  const url = useUrlState<'body' | 'ended'>();
  const bodies = useQuery(BodyOptionsDocument);
  const bodyId = url.get('body') || bodies.data?.coordinationBodies[0]?.id || '';
  const includeEnded = url.get('ended') === '1';
  const roster = useQuery(BodyRosterDocument, {
    variables: { id: bodyId, includeEnded, first: PAGE_SIZE, offset: (url.page - 1) * PAGE_SIZE },
    skip: !bodyId,
  });
  // While another page or "ended" loads, the same body's roster stays on screen.
  const shown = roster.data ?? (roster.previousData?.coordinationBody?.id === bodyId ? roster.previousData : undefined);
  const body = shown?.coordinationBody;
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<RosterMember | null>(null);
  useEffect(() => setEnding(null), [bodyId]);

  return (
    <Stack>
      <PageTitle title={t('council:roster.title')} />
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('council:roster.body')}
          data={(bodies.data?.coordinationBodies ?? []).map((option) => ({ value: option.id, label: option.name ?? option.id }))}
          value={bodyId || null}
          onChange={(value) => url.set({ body: value })}
          allowDeselect={false}
          searchable
          w={{ base: '100%', sm: 520 }}
        />
        <Switch label={t('council:roster.showEnded')} checked={includeEnded} onChange={(event) => url.set({ ended: event.currentTarget.checked ? '1' : null })} mb={8} />
      </Group>
      <QueryState loading={(bodies.loading && !bodies.data) || (roster.loading && !shown)} error={bodies.error ?? roster.error}>
        {body && (
          <>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="roster-summary">
              <Title order={2} size="h4" id="roster-summary" mb="xs">
                {body.name}
              </Title>
              <Text>
                {body.seatCount != null
                  ? t('council:seats.filled', { filled: format.number(body.memberCount), seats: format.number(body.seatCount) })
                  : t('council:seats.unknown', { members: format.number(body.memberCount) })}
              </Text>
              <QuorumForm body={body} />
            </Paper>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="roster-members">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4" id="roster-members">
                  {t('council:roster.members')}
                </Title>
                <Button onClick={() => setAdding(true)}>{t('council:add.open')}</Button>
              </Group>
              <QueryState loading={false} empty={body.members.nodes.length === 0} emptyText={t('council:public.noMembers')}>
                <Table.ScrollContainer minWidth={760}>
                  <Table striped verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('council:organisation')}</Table.Th>
                        <Table.Th>{t('council:roleLabel')}</Table.Th>
                        <Table.Th miw={180}>{t('council:period')}</Table.Th>
                        <Table.Th>{t('council:representatives')}</Table.Th>
                        <Table.Th>{t('common:actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {body.members.nodes.map((member) => {
                        const name = member.organisation?.name ?? member.organisation?.acronym ?? '';
                        return (
                          <Table.Tr key={member.id}>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {name}
                              </Text>
                              {member.organisation?.acronym && member.organisation.name && (
                                <Text size="xs" c="dimmed">
                                  {member.organisation.acronym}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{t(`council:role.${member.role}`)}</Text>
                              {!member.active && (
                                <Text size="xs" fw={700}>
                                  {t('council:roster.ended')}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{member.startDate ? t('council:roster.from', { date: format.date(member.startDate) }) : t('council:roster.fromUnknown')}</Text>
                              {member.endDate && <Text size="sm">{t('council:roster.until', { date: format.date(member.endDate) })}</Text>}
                            </Table.Td>
                            <Table.Td>
                              <Representatives people={member.representatives} />
                            </Table.Td>
                            <Table.Td>
                              {member.active && (
                                <Button size="xs" variant="default" onClick={() => setEnding(member)} aria-label={t('council:end.openFor', { organisation: name })}>
                                  {t('council:end.open')}
                                </Button>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Pager page={url.page} size={PAGE_SIZE} total={body.members.totalCount} onChange={url.setPage} />
              </QueryState>
            </Paper>
            <AddMembershipModal opened={adding} onClose={() => setAdding(false)} body={body} memberIds={body.activeMembers.nodes.map((member) => member.organisation?.id ?? '')} />
            <EndMembershipModal member={ending} bodyName={body.name ?? ''} onClose={() => setEnding(null)} onReload={() => roster.refetch()} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
