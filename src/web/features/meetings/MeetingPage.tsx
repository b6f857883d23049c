import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { MeetingDetailDocument, type MeetingDetailQuery } from '../../gql/graphql';
import { currentLanguage } from '../../app/i18n';
import { RequireRole, STAFF, useSession } from '../../app/session';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { ActionItemsSection } from './ActionItemsSection';
import { AgendaSection } from './AgendaSection';
import { AttendanceSection } from './AttendanceSection';
import { meetingWhen } from './bishkek';
import { DecisionsSection } from './DecisionsSection';
import { pickText } from './feedback';
import { MeetingActions } from './MeetingActions';
import { StatusBadge } from './StatusBadge';

export type MeetingData = NonNullable<MeetingDetailQuery['meeting']>;

const TABS = ['agenda', 'attendance', 'decisions', 'actions'] as const;
type Tab = (typeof TABS)[number];

/** One meeting: when and where, the agenda, who came and the quorum, decisions and action items. */
export default function MeetingPage() {
  return (
    <RequireRole>
      <Meeting />
    </RequireRole>
  );
}

function Meeting() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['meetings', 'common']);
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const { data, loading, error } = useQuery(MeetingDetailDocument, { variables: { id } });
  const meeting = data?.meeting;
  const locale = i18n.resolvedLanguage ?? 'ky';
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'agenda';

  if (!loading && !error && data && !meeting) {
    return (
      <Alert color="orange" title={t('meetings:meeting.notFound')} role="alert">
        <Anchor component={Link} to="/app/meetings">
          {t('meetings:meeting.backToList')}
        </Anchor>
      </Alert>
    );
  }
  const staff = !!user && STAFF.includes(user.role);
  const editable = staff && meeting?.status !== 'CANCELLED';
  const title = pickText(meeting?.titles, locale);
  const language = currentLanguage();

  return (
    <QueryState loading={loading && !data} error={error}>
      {meeting && (
        <Stack>
          <div>
            <Anchor component={Link} to="/app/meetings" size="sm">
              ← {t('meetings:meeting.backToList')}
            </Anchor>
            <PageTitle title={t('meetings:numbered', { number: meeting.number, title: title?.text ?? meeting.title ?? '' })}>
              <span lang={title?.lang}>{t('meetings:numbered', { number: meeting.number, title: title?.text ?? meeting.title ?? '' })}</span>
            </PageTitle>
            <Text c="dimmed" mt={-8} mb="xs">
              {meeting.body?.name}
            </Text>
            <Group gap="xs" mb={4}>
              <StatusBadge status={meeting.status} />
              <Badge variant="outline">{t(`meetings:format.${meeting.format}`)}</Badge>
              {meeting.sequence > 0 && meeting.status === 'PLANNED' && (
                <Badge variant="outline" color="gray.8">
                  {t('meetings:meeting.moved')}
                </Badge>
              )}
            </Group>
            <Text fw={500}>
              {meetingWhen(meeting, locale)}{' '}
              <Text span size="sm" c="dimmed">
                {t('meetings:meeting.bishkekTime')}
              </Text>
            </Text>
            {(meeting.place || meeting.address) && <Text>{[meeting.place?.name, meeting.address].filter(Boolean).join(', ')}</Text>}
            {meeting.onlineLink && (
              <Text>
                {t('meetings:meeting.online')}{' '}
                <Anchor href={meeting.onlineLink} target="_blank" rel="noopener noreferrer">
                  {meeting.onlineLink}
                </Anchor>
              </Text>
            )}
            {meeting.status === 'CANCELLED' && (
              <Alert color="gray" mt="sm" title={t('meetings:meeting.cancelled')}>
                {meeting.cancellationReason ?? t('meetings:meeting.noReason')}
              </Alert>
            )}
          </div>
          <Group gap="sm" wrap="wrap">
            <Button component="a" href={`/meetings/${meeting.id}/briefing?lang=${language}`} target="_blank" rel="noopener" variant="light">
              {t('meetings:meeting.briefing')}
              <VisuallyHidden>{t('meetings:meeting.newTab')}</VisuallyHidden>
            </Button>
            <Button component="a" href={`/meetings/${meeting.id}/invite.ics?lang=${language}`} download variant="light">
              {t('meetings:meeting.invitation')}
            </Button>
            {staff && <MeetingActions meeting={meeting} />}
          </Group>
          <Tabs
            value={tab}
            onChange={(value) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (value && value !== 'agenda') next.set('tab', value);
                  else next.delete('tab');
                  return next;
                },
                { replace: true },
              )
            }
            keepMounted
          >
            <Tabs.List>
              <Tabs.Tab value="agenda">{t('meetings:tabs.agenda', { number: meeting.agenda.length })}</Tabs.Tab>
              <Tabs.Tab value="attendance">{t('meetings:tabs.attendance')}</Tabs.Tab>
              <Tabs.Tab value="decisions">{t('meetings:tabs.decisions', { number: meeting.decisions.length })}</Tabs.Tab>
              <Tabs.Tab value="actions">{t('meetings:tabs.actions', { number: meeting.actionItems.length })}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="agenda" pt="md">
              <AgendaSection meeting={meeting} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="attendance" pt="md">
              <AttendanceSection meeting={meeting} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="decisions" pt="md">
              <DecisionsSection meeting={meeting} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="actions" pt="md">
              <ActionItemsSection meeting={meeting} editable={editable} staff={staff} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}
