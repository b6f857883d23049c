import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportsProjectDocument, ReportsProjectOptionsDocument } from '../../gql/graphql';

export interface ProjectPickerProps {
  /** Only projects this organisation takes part in; null: any project (ADMIN), searched on the hub. */
  organisationId: string | null;
  value: string | null;
  onChange(id: string | null): void;
  label: string;
  placeholder?: string;
  description?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  clearable?: boolean;
  w?: number | string;
}

/**
 * Chooses a project: a partner from the projects its organisation takes part in (all listed,
 * filtered as one types); an administrator from every project, searched by title on the hub.
 */
export function ProjectPicker({ organisationId, value, onChange, label, placeholder, description, error, required, disabled, clearable, w }: ProjectPickerProps) {
  const { t } = useTranslation(['reports', 'common']);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const everyProject = organisationId === null;
  const options = useQuery(ReportsProjectOptionsDocument, {
    variables: everyProject ? { filter: { search: debounced || null }, first: 50 } : { filter: { organisationIds: [organisationId] }, first: 500 },
    // A user of no organisation takes part in no project.
    skip: organisationId === '',
  });
  const chosen = useQuery(ReportsProjectDocument, { variables: { id: value ?? '' }, skip: !value, fetchPolicy: 'cache-first' });
  const data = (options.data?.projects.nodes ?? []).map((project) => ({ value: project.id, label: project.title ?? t('reports:untitledProject') }));
  if (value && chosen.data?.project && !data.some((option) => option.value === value)) {
    data.unshift({ value, label: chosen.data.project.title ?? t('reports:untitledProject') });
  }
  return (
    <Select
      label={label}
      placeholder={placeholder}
      description={description}
      error={error}
      required={required}
      disabled={disabled}
      clearable={clearable}
      searchable
      data={data}
      value={value}
      onChange={onChange}
      onSearchChange={everyProject ? setSearch : undefined}
      filter={everyProject ? ({ options: all }) => all : undefined}
      nothingFoundMessage={options.loading ? t('common:loading') : t('reports:form.noProjects')}
      w={w}
    />
  );
}
