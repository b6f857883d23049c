import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, CloseButton, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuditPeopleDocument, AuditTrailDocument, type AuditTrailQuery } from '../../gql/graphql';
import { DateRangeInput } from '../../app/dates';
import { useFormat } from '../../app/format';
import { RequireRole, STAFF, useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { useOrganisationChoices } from '../users/user-choices';
import { bishkekDayEnd, bishkekDayStart, ChangesTable } from './changes';

const PAGE_SIZE = 20;

/** Kinds of records the hub audits (the ORM's entity names, as the trail stores them). */
export const ENTITY_TYPES = [
  'Project',
  'ProjectCoverage',
  'ProjectParticipant',
  'FundingTransaction',
  'Budget',
  'ExchangeRate',
  'Organisation',
  'CoordinationBody',
  'Membership',
  'Meeting',
  'AgendaItem',
  'Attendance',
  'Decision',
  'ActionItem',
  'ActivityReport',
  'ActivityPlace',
  'Theme',
  'AdminUnit',
  'User',
  'ApiToken',
] as const;

type AuditEvent = AuditTrailQuery['auditEvents']['nodes'][number];

/** Who changed what and when: the audit trail for the secretariat and administrators. */
export default function AuditPage() {
  return (
    <RequireRole roles={STAFF}>
      <AuditTrail />
    </RequireRole>
  );
}

function AuditTrail() {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const { user: me } = useSession();
  const isAdmin = me?.role === 'ADMIN';
  const url = useUrlState<'user' | 'org' | 'type' | 'id' | 'from' | 'to'>();
  const [recordId, setRecordId] = useState(url.get('id'));
  const setIdInUrl = useDebouncedCallback((value: string) => url.set({ id: value.trim() || null }), 300);
  const organisations = useOrganisationChoices();
  const organisationNames = useMemo(() => new Map(organisations.map((choice) => [choice.value, choice.label])), [organisations]);
  const people = useQuery(AuditPeopleDocument, { skip: !isAdmin });
  const from = url.get('from') || null;
  const to = url.get('to') || null;
  const { data, loading, error } = useQuery(AuditTrailDocument, {
    variables: {
      filter: {
        userId: url.get('user') || null,
        organisationId: url.get('org') || null,
        entityType: url.get('type') || null,
        entityId: url.get('id') || null,
        from: from ? bishkekDayStart(from) : null,
        to: to ? bishkekDayEnd(to) : null,
      },
      first: PAGE_SIZE,
      offset: (url.page - 1) * PAGE_SIZE,
    },
  });
  const events = data?.auditEvents;
  const typeLabel = (type: string) => (i18n.exists(`audit:entity.${type}`) ? t(`audit:entity.${type}`) : type);
  // The secretariat cannot list users: the chosen person is named from the events shown.
  const chosenPerson = url.get('user') ? events?.nodes.find((event) => event.user?.id === url.get('user'))?.user : null;

  return (
    <Stack>
      <PageTitle title={t('audit:title')} />
      <Text c="dimmed" size="sm" maw={760}>
        {t('audit:intro')}
      </Text>
      <Group align="flex-end" wrap="wrap" gap="sm">
        {isAdmin && (
          <Select
            label={t('audit:filter.who')}
            placeholder={t('audit:filter.anyone')}
            clearable
            searchable
            value={url.get('user') || null}
            onChange={(value) => url.set({ user: value })}
            data={(people.data?.users.nodes ?? []).map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))}
            w={280}
          />
        )}
        <Select
          label={t('audit:filter.organisation')}
          placeholder={t('common:all')}
          clearable
          searchable
          value={url.get('org') || null}
          onChange={(value) => url.set({ org: value })}
          data={organisations}
          w={260}
        />
        <Select
          label={t('audit:filter.type')}
          placeholder={t('common:all')}
          clearable
          searchable
          value={url.get('type') || null}
          onChange={(value) => url.set({ type: value })}
          data={ENTITY_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
          w={240}
        />
        <TextInput
          label={t('audit:filter.record')}
          placeholder={t('audit:filter.recordPlaceholder')}
          value={recordId}
          onChange={(event) => {
            setRecordId(event.currentTarget.value);
            setIdInUrl(event.currentTarget.value);
          }}
          w={300}
        />
        <DateRangeInput
          label={t('audit:filter.when')}
          value={[from, to]}
          onChange={([start, end]) => url.set({ from: start, to: end })}
          clearLabel={t('audit:filter.clearWhen')}
          w={260}
        />
      </Group>
      {!isAdmin && url.get('user') && (
        <Group gap="xs">
          <Badge variant="light" size="lg" rightSection={<CloseButton size="xs" aria-label={t('audit:filter.clearWho')} onClick={() => url.set({ user: null })} />}>
            {t('audit:filter.onlyPerson', { name: chosenPerson?.name ?? t('audit:filter.chosenPerson') })}
          </Badge>
        </Group>
      )}
      <QueryState loading={loading && !data} error={error} empty={events?.nodes.length === 0} emptyText={t('audit:none')}>
        {events && (
          <>
            <Text size="sm" c="dimmed">
              {t('audit:count', { count: events.totalCount })}
            </Text>
            <Stack gap="sm">
              {events.nodes.map((event) => (
                <EventCard
                  key={event.id}
                  event={event}
                  typeLabel={typeLabel(event.entityType)}
                  organisationNames={organisationNames}
                  onPerson={(id) => url.set({ user: id })}
                  onRecord={() => {
                    setRecordId(event.entityId);
                    url.set({ type: event.entityType, id: event.entityId });
                  }}
                />
              ))}
            </Stack>
            <Pager page={url.page} size={PAGE_SIZE} total={events.totalCount} onChange={url.setPage} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** Badge looks per action, each with text contrast of at least 4.5:1 (WCAG AA). */
const ACTION_BADGES: Record<string, { color: string; variant: 'light' | 'filled' }> = {
  CREATE: { color: 'blue', variant: 'filled' },
  UPDATE: { color: 'blue', variant: 'light' },
  DELETE: { color: 'red.9', variant: 'filled' },
  LOGIN: { color: 'gray', variant: 'light' },
  LOGOUT: { color: 'gray', variant: 'light' },
};

/** Where a record can be read in the UI, if anywhere. */
function recordLink(event: AuditEvent): string | null {
  if (event.action === 'DELETE') return null;
  if (event.entityType === 'Organisation') return `/organisations/${event.entityId}`;
  if (event.entityType === 'Project') return `/projects/${event.entityId}`;
  return null;
}

function EventCard({
  event,
  typeLabel,
  organisationNames,
  onPerson,
  onRecord,
}: {
  event: AuditEvent;
  typeLabel: string;
  organisationNames: Map<string, string>;
  onPerson(id: string): void;
  onRecord(): void;
}) {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const format = useFormat();
  const action = i18n.exists(`audit:action.${event.action}`) ? t(`audit:action.${event.action}`) : event.action;
  const link = recordLink(event);
  const who = event.user ? event.user.name : t('audit:system');
  const organisation = event.organisation ? (event.organisation.acronym ?? event.organisation.name) : null;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={`${action}: ${typeLabel} · ${format.dateTime(event.occurredAt)}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge {...(ACTION_BADGES[event.action] ?? { color: 'gray', variant: 'light' })}>{action}</Badge>
          <Title order={2} size="h5">
            {typeLabel}{' '}
            {link ? (
              <Anchor component={Link} to={link} size="sm" ff="monospace">
                {event.entityId}
              </Anchor>
            ) : (
              <Text span size="sm" ff="monospace">
                {event.entityId}
              </Text>
            )}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
        </Text>
      </Group>
      <Group gap="xs" mt={4} wrap="wrap">
        <Text size="sm">
          {t('audit:by', { who })}
          {organisation ? ` · ${organisation}` : ''}
        </Text>
        {event.user && (
          <Button size="compact-xs" variant="subtle" onClick={() => onPerson(event.user!.id)} aria-label={t('audit:onlyPersonWho', { name: event.user.name })}>
            {t('audit:onlyPerson')}
          </Button>
        )}
        <Button size="compact-xs" variant="subtle" onClick={onRecord} aria-label={t('audit:onlyRecordWhich', { type: typeLabel, id: event.entityId })}>
          {t('audit:onlyRecord')}
        </Button>
      </Group>
      <ChangesTable action={event.action} changes={event.changes} organisationNames={organisationNames} />
    </Paper>
  );
}
