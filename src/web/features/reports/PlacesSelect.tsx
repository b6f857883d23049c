import { useQuery } from '@apollo/client/react';
import { Alert, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportsUnitSearchDocument } from '../../gql/graphql';
import { isOutsideCoverage, type UnitPlace } from './report-labels';

/** A unit as the picker shows it: its name, where it lies, its level. */
export interface KnownUnit extends UnitPlace {
  label: string;
}

interface UnitRow {
  code: string;
  name?: string | null;
  level: string;
  parent?: { name?: string | null } | null;
  ancestors: { code: string }[];
}

export function unitLabel(unit: UnitRow, levelName: (level: string) => string): string {
  return `${[unit.name ?? unit.code, unit.parent?.name].filter(Boolean).join(' — ')} (${levelName(unit.level)})`;
}

export function knownUnit(unit: UnitRow, levelName: (level: string) => string): KnownUnit {
  return { code: unit.code, ancestors: unit.ancestors.map((ancestor) => ancestor.code), label: unitLabel(unit, levelName) };
}

export interface PlacesSelectProps {
  value: string[];
  onChange(codes: string[]): void;
  /** Units already chosen (a saved report's places), so their names show before any search. */
  initial: KnownUnit[];
  /** The project's coverage; places outside it are flagged. Null while no project is chosen. */
  coverage: UnitPlace[] | null;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
}

/**
 * Several administrative units, found by typing a name in any script (Cyrillic or Latin) or a
 * code; each option says where the unit lies, so namesakes can be told apart. Places outside
 * the project's coverage are allowed, and named under the field.
 */
export function PlacesSelect({ value, onChange, initial, coverage, label, description, error, required }: PlacesSelectProps) {
  const { t } = useTranslation(['reports', 'geography', 'common']);
  const levelName = (level: string) => t(`geography:level.${level}`);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [known, setKnown] = useState<Map<string, KnownUnit>>(() => new Map(initial.map((unit) => [unit.code, unit])));
  const found = useQuery(ReportsUnitSearchDocument, { variables: { search: debounced, first: 20 }, skip: debounced.length < 2 });
  const foundUnits = (found.data?.adminUnits.nodes ?? []).map((unit) => knownUnit(unit, levelName));
  const data = [...value.map((code) => known.get(code) ?? { code, label: code, ancestors: [] }), ...foundUnits.filter((unit) => !value.includes(unit.code))].map((unit) => ({
    value: unit.code,
    label: unit.label,
  }));
  const outside = coverage ? value.map((code) => known.get(code)).filter((unit): unit is KnownUnit => !!unit && isOutsideCoverage(unit, coverage)) : [];

  return (
    <Stack gap={6}>
      <MultiSelect
        label={label}
        description={description}
        error={error}
        required={required}
        placeholder={value.length ? undefined : t('geography:search.placeholder')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={data}
        value={value}
        onChange={(codes) => {
          setKnown((current) => {
            const next = new Map(current);
            for (const unit of foundUnits) if (codes.includes(unit.code)) next.set(unit.code, unit);
            return next;
          });
          onChange(codes);
        }}
        hidePickedOptions
        nothingFoundMessage={debounced.length < 2 ? t('geography:search.typeMore') : found.loading ? t('common:loading') : t('geography:search.none')}
      />
      {outside.length > 0 && (
        <Alert color="yellow" variant="light" p="xs" role="status">
          <Text size="sm">{t('reports:form.outsideCoverage', { count: outside.length, places: outside.map((unit) => unit.label).join('; ') })}</Text>
        </Alert>
      )}
    </Stack>
  );
}
