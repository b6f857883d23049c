import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BodyOptionsDocument, MeetingListDocument, type MeetingStatus } from '../../gql/graphql';
import { RequireRole, STAFF, useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { meetingWhen } from './bishkek';
import { pickText } from './feedback';
import { PlanMeetingModal } from './PlanMeetingModal';
import { StatusBadge } from './StatusBadge';

const PAGE_SIZE = 20;
export const STATUSES: MeetingStatus[] = ['PLANNED', 'HELD', 'CANCELLED'];

/** Meetings of the coordination bodies, the coming ones first; the secretariat plans new ones here. */
export default function MeetingsPage() {
  return (
    <RequireRole>
      <Meetings />
    </RequireRole>
  );
}

function Meetings() {
  const { t, i18n } = useTranslation(['meetings', 'common']);
  const { user } = useSession();
  const staff = !!user && STAFF.includes(user.role);
  const url = useUrlState<'body' | 'status'>();
  const [planning, setPlanning] = useState(false);
  const bodies = useQuery(BodyOptionsDocument);
  const status = (STATUSES as string[]).includes(url.get('status')) ? (url.get('status') as MeetingStatus) : null;
  const {
    data: current,
    previousData,
    loading,
    error,
  } = useQuery(MeetingListDocument, {
    variables: {
      filter: { bodyId: url.get('body') || null, status: status ? [status] : null },
      order: 'UPCOMING_FIRST',
      first: PAGE_SIZE,
      offset: (url.page - 1) * PAGE_SIZE,
    },
  });
  // The previous page stays on screen while the next one loads.
  const data = current ?? previousData;
  const meetings = data?.meetings;
  const locale = i18n.resolvedLanguage ?? 'ky';
  const now = Date.now();

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle title={t('meetings:list.title')} />
        {staff && <Button onClick={() => setPlanning(true)}>{t('meetings:plan.open')}</Button>}
      </Group>
      <Text maw={760}>{staff ? t('meetings:list.introStaff') : t('meetings:list.introMember')}</Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('meetings:list.body')}
          placeholder={t('meetings:list.allBodies')}
          clearable
          data={(bodies.data?.coordinationBodies ?? []).map((body) => ({ value: body.id, label: body.name ?? body.id }))}
          value={url.get('body') || null}
          onChange={(value) => url.set({ body: value })}
          w={{ base: '100%', sm: 420 }}
        />
        <Select
          label={t('meetings:list.status')}
          placeholder={t('common:all')}
          clearable
          data={STATUSES.map((value) => ({ value, label: t(`meetings:status.${value}`) }))}
          value={status}
          onChange={(value) => url.set({ status: value })}
          w={{ base: '100%', sm: 220 }}
        />
      </Group>
      <QueryState loading={loading && !data} error={error} empty={meetings?.nodes.length === 0} emptyText={staff ? t('meetings:list.none') : t('meetings:list.noneMember')}>
        {meetings && (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('meetings:list.meeting')}</Table.Th>
                    <Table.Th miw={190}>{t('meetings:list.when')}</Table.Th>
                    <Table.Th>{t('meetings:list.where')}</Table.Th>
                    <Table.Th miw={140}>{t('meetings:list.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {meetings.nodes.map((meeting) => {
                    const title = pickText(meeting.titles, locale);
                    const upcoming = meeting.status === 'PLANNED' && new Date(meeting.endsAt).getTime() >= now;
                    return (
                      <Table.Tr key={meeting.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/app/meetings/${meeting.id}`} fw={500} lang={title?.lang}>
                            {t('meetings:numbered', { number: meeting.number, title: title?.text ?? meeting.title ?? '' })}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {meeting.body?.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{meetingWhen(meeting, locale)}</Text>
                          {upcoming && (
                            <Badge size="xs" variant="outline" color="blue.8">
                              {t('meetings:list.upcoming')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t(`meetings:format.${meeting.format}`)}</Text>
                          <Text size="xs" c="dimmed">
                            {[meeting.place?.name, meeting.address].filter(Boolean).join(', ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={meeting.status} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={url.page} size={PAGE_SIZE} total={meetings.totalCount} onChange={url.setPage} />
          </>
        )}
      </QueryState>
      {staff && <PlanMeetingModal opened={planning} onClose={() => setPlanning(false)} bodies={bodies.data?.coordinationBodies ?? []} defaultBodyId={url.get('body') || null} />}
    </Stack>
  );
}
