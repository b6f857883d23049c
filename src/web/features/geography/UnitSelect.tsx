import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitNameDocument, UnitSearchDocument } from '../../gql/graphql';

/**
 * Picks one administrative unit by typing its name in any script (Cyrillic or Latin) or its
 * code; each option says where the unit lies, so namesakes can be told apart.
 */
export function UnitSelect({
  value,
  onChange,
  label,
  placeholder,
  w,
}: {
  value: string | null;
  onChange(code: string | null): void;
  label: string;
  placeholder?: string;
  w?: number;
}) {
  const { t } = useTranslation('geography');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery(UnitSearchDocument, { variables: { search: debounced, first: 20 }, skip: debounced.length < 2 });
  const chosen = useQuery(UnitNameDocument, { variables: { code: value ?? '' }, skip: !value });
  const options = (found.data?.adminUnits.nodes ?? []).map((unit) => ({
    value: unit.code,
    label: [unit.name ?? unit.code, unit.parent?.name].filter(Boolean).join(' — ') + ` (${t(`level.${unit.level}`)})`,
  }));
  if (value && chosen.data?.adminUnit && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: `${chosen.data.adminUnit.name ?? value} (${t(`level.${chosen.data.adminUnit.level}`)})` });
  }
  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('search.placeholder')}
      searchable
      clearable
      filter={({ options: all }) => all}
      data={options}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      nothingFoundMessage={debounced.length < 2 ? t('search.typeMore') : found.loading ? t('common:loading') : t('search.none')}
      w={w}
    />
  );
}
