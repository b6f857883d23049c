import { ActionIcon, Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantRole } from '../../gql/graphql';
import { newKey, type ParticipantRow, ROLES } from './model';

export interface OrganisationOption {
  value: string;
  label: string;
}

/** Organisations taking part and their roles, one row each, added and removed by the user. */
export function ParticipantsEditor({
  rows,
  onChange,
  organisations,
  errors,
  ownOrganisation,
  creating,
}: {
  rows: ParticipantRow[];
  onChange(rows: ParticipantRow[]): void;
  organisations: OrganisationOption[];
  errors: Record<string, string | undefined>;
  /** The partner's own organisation, when the user is a partner editor. */
  ownOrganisation: { id: string; name: string } | null;
  creating: boolean;
}) {
  const { t } = useTranslation(['projectEditor', 'projects']);
  const update = (key: string, change: Partial<ParticipantRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const nameOf = (id: string | null) => organisations.find((option) => option.value === id)?.label ?? '';
  return (
    <Stack gap="sm">
      {ownOrganisation && (
        <Alert color="blue" variant="light" p="xs" role="note">
          {t(creating ? 'projectEditor:participants.ownOnCreate' : 'projectEditor:participants.ownOnEdit', { name: ownOrganisation.name })}
        </Alert>
      )}
      {errors.participants && (
        <Alert color="red" role="alert" p="xs">
          {errors.participants}
        </Alert>
      )}
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('projectEditor:participants.none')}
        </Text>
      )}
      {rows.map((row, index) => {
        const number = index + 1;
        return (
          <Group key={row.key} align="flex-start" gap="xs" wrap="wrap" role="group" aria-label={t('projectEditor:participants.row', { number, name: nameOf(row.organisationId) })}>
            <Select
              label={t('projectEditor:participants.organisation', { number })}
              placeholder={t('projectEditor:participants.organisationPlaceholder')}
              searchable
              data={organisations}
              value={row.organisationId}
              onChange={(value) => update(row.key, { organisationId: value })}
              error={errors[`participants.${index}.organisationId`] ?? errors[`participants.${index}`]}
              nothingFoundMessage={t('projectEditor:participants.noOrganisation')}
              style={{ flex: '1 1 260px' }}
            />
            <Select
              label={t('projectEditor:participants.role', { number })}
              data={ROLES.map((role) => ({ value: role, label: t(`projects:role.${role}`) }))}
              value={row.role}
              allowDeselect={false}
              onChange={(value) => update(row.key, { role: value as ParticipantRole | null })}
              error={errors[`participants.${index}.role`]}
              style={{ flex: '0 1 220px' }}
            />
            <ActionIcon
              mt={26}
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('projectEditor:participants.remove', { number, name: nameOf(row.organisationId) })}
              onClick={() => onChange(rows.filter((entry) => entry.key !== row.key))}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        );
      })}
      <div>
        <Button variant="light" size="xs" onClick={() => onChange([...rows, { key: newKey(), organisationId: null, role: 'FUNDING' }])}>
          {t('projectEditor:participants.add')}
        </Button>
      </div>
    </Stack>
  );
}
