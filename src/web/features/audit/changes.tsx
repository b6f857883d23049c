import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';

/** The first instant of a Bishkek day (UTC+6, no daylight saving), for `from`. */
export function bishkekDayStart(day: string): string {
  return `${day}T00:00:00+06:00`;
}

/** The first instant after a Bishkek day, for `to` (exclusive). */
export function bishkekDayEnd(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)}T00:00:00+06:00`;
}

const REDACTED = '[redacted]';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** PostgreSQL writes array columns as {a,b}. */
const PG_ARRAY = /^\{(.*)\}$/;

/** Fields whose value is an organisation's id: shown by its name. */
const ORGANISATION_FIELDS = new Set(['organisation', 'provider', 'receiver', 'owner', 'agency']);

/** One value before or after a change, written for a person. */
function useValueText(organisationNames: Map<string, string>) {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const format = useFormat();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common:none');
    if (typeof value === 'string' && field === 'role' && i18n.exists(`common:role.${value}`)) return t(`common:role.${value}`);
    if (typeof value === 'string' && ORGANISATION_FIELDS.has(field) && organisationNames.has(value)) return organisationNames.get(value)!;
    if (value === REDACTED) return t('audit:redacted');
    if (typeof value === 'boolean') return value ? t('common:yes') : t('common:no');
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') {
      if (INSTANT.test(value)) return format.dateTime(value);
      if (DAY.test(value)) return format.date(value);
      const list = PG_ARRAY.exec(value);
      if (list)
        return list[1]
          ? list[1]
              .split(',')
              .map((item) => item.replace(/^"|"$/g, ''))
              .join(', ')
          : t('common:none');
      return value;
    }
    if (Array.isArray(value)) return value.length ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ') : t('common:none');
    return JSON.stringify(value);
  };
}

/** A record's changed fields, each before → after (a new record: only after). */
export function ChangesTable({ action, changes, organisationNames }: { action: string; changes: unknown; organisationNames: Map<string, string> }) {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const text = useValueText(organisationNames);
  const entries = Object.entries((changes ?? {}) as Record<string, { before?: unknown; after?: unknown }>).filter(
    // A new record's id is the record itself; a value that stays empty says nothing.
    ([field, change]) => !(action === 'CREATE' && field === 'id') && !(change?.before == null && change?.after == null),
  );
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed" mt="xs">
        {t('audit:noFields')}
      </Text>
    );
  }
  const fieldLabel = (field: string) => (i18n.exists(`audit:field.${field}`) ? t(`audit:field.${field}`) : field);
  const created = action === 'CREATE';
  return (
    <Table.ScrollContainer minWidth={480} mt="xs">
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="28%">{t('audit:change.field')}</Table.Th>
            {!created && <Table.Th>{t('audit:change.before')}</Table.Th>}
            <Table.Th>{created ? t('audit:change.value') : t('audit:change.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map(([field, change]) => (
            <Table.Tr key={field}>
              <Table.Td>{fieldLabel(field)}</Table.Td>
              {!created && <Table.Td style={{ overflowWrap: 'anywhere' }}>{text(field, change?.before)}</Table.Td>}
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{text(field, change?.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
