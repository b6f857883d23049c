import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomePartnerDocument, HomeStaffDocument, type HomeActionItemFragment, type HomeMeetingFragment } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { RequireRole, STAFF, useSession } from '../../app/session';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { meetingWhen } from '../meetings/bishkek';
import { pickText } from '../meetings/feedback';
import { organisationNames } from '../projects/project-labels';

/** Where a signed-in user lands: what needs their attention, by role. */
export default function HomePage() {
  return (
    <RequireRole>
      <Home />
    </RequireRole>
  );
}

function Home() {
  const { user } = useSession();
  const { t } = useTranslation(['home', 'common']);
  if (!user) return null;
  const staff = STAFF.includes(user.role);
  return (
    <Stack>
      <PageTitle title={t('home:title')} />
      <Text>
        {t('home:welcome', { name: user.name })}{' '}
        <Text span c="dimmed">
          {t(`common:role.${user.role}`)}
          {user.organisation ? ` · ${user.organisation.name ?? user.organisation.acronym ?? ''}` : ''}
        </Text>
      </Text>
      {staff ? <StaffHome /> : user.organisation ? <PartnerHome organisationId={user.organisation.id} /> : <Text>{t('home:noOrganisation')}</Text>}
    </Stack>
  );
}

function Panel({ id, title, children, link }: { id: string; title: string; children: ReactNode; link?: { to: string; label: string } }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="xs" h="100%">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <div style={{ flex: 1 }}>{children}</div>
        {link && (
          <Anchor component={Link} to={link.to} size="sm">
            {link.label}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/** A count said in words, large. */
function BigNumber({ value, text }: { value: number; text: string }) {
  const format = useFormat();
  return (
    <Group gap="xs" align="baseline" wrap="nowrap">
      <Text fz={32} fw={700} lh={1}>
        {format.number(value)}
      </Text>
      <Text>{text}</Text>
    </Group>
  );
}

function NextMeeting({ meeting, emptyText, link }: { meeting: HomeMeetingFragment | undefined; emptyText: string; link: { to: string; label: string } }) {
  const { t, i18n } = useTranslation(['home', 'meetings', 'common']);
  const locale = i18n.resolvedLanguage ?? 'ky';
  // The list puts meetings not yet ended first: the first is the next one, unless all have ended.
  const upcoming = meeting && new Date(meeting.endsAt).getTime() >= Date.now() ? meeting : undefined;
  const title = pickText(upcoming?.titles, locale);
  return (
    <Panel id="home-next-meeting" title={t('home:nextMeeting.title')} link={link}>
      {upcoming ? (
        <Stack gap={4}>
          <Anchor component={Link} to={`/app/meetings/${upcoming.id}`} fw={500} lang={title?.lang}>
            {t('meetings:numbered', { number: upcoming.number, title: title?.text ?? upcoming.title ?? '' })}
          </Anchor>
          <Text size="sm">{upcoming.body?.name}</Text>
          <Text size="sm" fw={500}>
            {meetingWhen(upcoming, locale)}
          </Text>
          <Text size="sm">{[t(`meetings:format.${upcoming.format}`), upcoming.place?.name, upcoming.address].filter(Boolean).join(' · ')}</Text>
        </Stack>
      ) : (
        <Text c="dimmed">{emptyText}</Text>
      )}
    </Panel>
  );
}

function ActionList({ items, emptyText, showOwner = true }: { items: HomeActionItemFragment[]; emptyText: string; showOwner?: boolean }) {
  const { t } = useTranslation(['home', 'common']);
  const format = useFormat();
  if (items.length === 0) return <Text c="dimmed">{emptyText}</Text>;
  return (
    <List spacing="xs" listStyleType="none" p={0}>
      {items.map((item) => (
        <List.Item key={item.id}>
          <Anchor component={Link} to={`/app/meetings/${item.meetingId}?tab=actions`} size="sm">
            {item.description}
          </Anchor>
          <Text size="xs">
            {showOwner && `${item.owner?.acronym ?? item.owner?.name ?? ''} · `}
            <Text span size="xs" c={item.overdue ? 'red.9' : undefined} fw={item.overdue ? 700 : undefined}>
              {item.overdue ? t('home:tasks.overdueSince', { date: format.date(item.dueDate) }) : t('home:tasks.due', { date: format.date(item.dueDate) })}
            </Text>
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function StaffHome() {
  const { t } = useTranslation(['home', 'meetings', 'common']);
  const format = useFormat();
  const { data, loading, error } = useQuery(HomeStaffDocument);
  return (
    <QueryState loading={loading && !data} error={error}>
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NextMeeting meeting={data.nextMeeting.nodes[0]} emptyText={t('home:nextMeeting.noneStaff')} link={{ to: '/app/meetings', label: t('home:nextMeeting.all') }} />
          <Panel id="home-review" title={t('home:review.title')} link={{ to: '/app/review', label: t('home:review.link') }}>
            <BigNumber value={data.awaitingReview.totalCount} text={t('home:review.count', { count: data.awaitingReview.totalCount })} />
          </Panel>
          <Panel id="home-overdue" title={t('home:overdue.title')} link={{ to: '/app/meetings', label: t('home:nextMeeting.all') }}>
            <Stack gap="xs">
              {data.overdue.totalCount > 0 && <BigNumber value={data.overdue.totalCount} text={t('home:overdue.count', { count: data.overdue.totalCount })} />}
              <ActionList items={data.overdue.nodes} emptyText={t('home:overdue.none')} />
            </Stack>
          </Panel>
          <Panel id="home-hotspots" title={t('home:hotspots.title')} link={{ to: '/', label: t('home:hotspots.link') }}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('home:hotspots.explain')}
            </Text>
            {data.hotspots.nodes.length === 0 ? (
              <Text c="dimmed">{t('home:hotspots.none')}</Text>
            ) : (
              <List spacing={4}>
                {data.hotspots.nodes.map((hotspot) => (
                  <List.Item key={`${hotspot.unit.code}:${hotspot.theme.code}`}>
                    <Text size="sm">
                      {t('home:hotspots.item', {
                        unit: hotspot.unit.name ?? hotspot.unit.code,
                        theme: hotspot.theme.name ?? hotspot.theme.code,
                        organisations: format.number(hotspot.organisationCount),
                        projects: format.number(hotspot.projectCount),
                      })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Panel>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="home-changes" style={{ gridColumn: '1 / -1' }}>
            <Title order={2} size="h4" id="home-changes" mb="xs">
              {t('home:changes.title')}
            </Title>
            {data.auditEvents.nodes.length === 0 ? (
              <Text c="dimmed">{t('home:changes.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing={4} striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('home:changes.when')}</Table.Th>
                      <Table.Th>{t('home:changes.who')}</Table.Th>
                      <Table.Th>{t('home:changes.what')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.auditEvents.nodes.map((event) => (
                      <Table.Tr key={event.id}>
                        <Table.Td>
                          <Text size="sm">{format.dateTime(event.occurredAt)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {event.user?.name ?? t('home:changes.system')}
                            {event.organisation && (
                              <Text span size="xs" c="dimmed">
                                {' · '}
                                {event.organisation.acronym ?? event.organisation.name}
                              </Text>
                            )}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <ChangeText action={event.action} entityType={event.entityType} entityId={event.entityId} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </SimpleGrid>
      )}
    </QueryState>
  );
}

/** "Changed: meeting", with a link where the record has a page. */
function ChangeText({ action, entityType, entityId }: { action: string; entityType: string; entityId: string }) {
  const { t, i18n } = useTranslation(['home']);
  const what = i18n.exists(`home:entity.${entityType}`) ? t(`home:entity.${entityType}`) : t('home:entity.other');
  const verb = i18n.exists(`home:action.${action}`) ? t(`home:action.${action}`) : action;
  const to = entityType === 'Project' ? `/projects/${entityId}` : entityType === 'Meeting' ? `/app/meetings/${entityId}` : null;
  return (
    <Text size="sm">
      {verb}:{' '}
      {to && action !== 'DELETE' ? (
        <Anchor component={Link} to={to} size="sm">
          {what}
        </Anchor>
      ) : (
        what
      )}
    </Text>
  );
}

function PartnerHome({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation(['home', 'common']);
  const { data, loading, error } = useQuery(HomePartnerDocument, { variables: { organisationId } });
  return (
    <QueryState loading={loading && !data} error={error}>
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NextMeeting meeting={data.nextMeeting.nodes[0]} emptyText={t('home:nextMeeting.noneMember')} link={{ to: '/app/meetings', label: t('home:nextMeeting.all') }} />
          <Panel id="home-projects" title={t('home:projects.title')} link={{ to: '/app/projects', label: t('home:projects.link') }}>
            <BigNumber value={data.projects.totalCount} text={t('home:projects.count', { count: data.projects.totalCount })} />
          </Panel>
          <Panel id="home-reports" title={t('home:reports.title')} link={{ to: '/app/reports', label: t('home:reports.link') }}>
            <Stack gap="xs">
              <BigNumber value={data.reports.totalCount} text={t('home:reports.count', { count: data.reports.totalCount })} />
              {data.reports.nodes.length > 0 && (
                <List spacing={4} listStyleType="none" p={0}>
                  {data.reports.nodes.map((report) => (
                    <List.Item key={report.id}>
                      <Group gap="xs" wrap="nowrap">
                        <Badge size="sm" variant="outline" color={report.status === 'RETURNED' ? 'red.9' : 'gray.8'}>
                          {t(`home:reports.status.${report.status}`)}
                        </Badge>
                        <Text size="sm">{report.title ?? t('home:reports.untitled')}</Text>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Panel>
          <Panel id="home-overlaps" title={t('home:overlaps.title')}>
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('home:overlaps.explain')}
              </Text>
              <BigNumber value={data.overlaps.totalCount} text={t('home:overlaps.count', { count: data.overlaps.totalCount })} />
              {data.overlaps.nodes.length > 0 && (
                <List spacing="xs" listStyleType="none" p={0}>
                  {data.overlaps.nodes.map((overlap) => (
                    <List.Item key={`${overlap.projectA.id}:${overlap.projectB.id}`}>
                      <Text size="sm">
                        <Anchor component={Link} to={`/projects/${overlap.projectA.id}`} size="sm">
                          {overlap.projectA.title ?? overlap.projectA.id}
                        </Anchor>
                        {' × '}
                        <Anchor component={Link} to={`/projects/${overlap.projectB.id}`} size="sm">
                          {overlap.projectB.title ?? overlap.projectB.id}
                        </Anchor>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('home:overlaps.detail', {
                          organisations: organisationNames(overlap.projectB.participants.flatMap((p) => (p.organisation ? [{ role: p.role, organisation: p.organisation }] : []))),
                          places: overlap.sharedUnits
                            .slice(0, 3)
                            .map((unit) => unit.name ?? unit.code)
                            .join(', '),
                        })}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Panel>
          <Panel id="home-tasks" title={t('home:tasks.title')}>
            <ActionList items={data.tasks.nodes} emptyText={t('home:tasks.none')} showOwner={false} />
          </Panel>
        </SimpleGrid>
      )}
    </QueryState>
  );
}
