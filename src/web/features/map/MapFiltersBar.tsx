import { useQuery } from '@apollo/client/react';
import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OrganisationOptionsDocument, ThemeOptionsDocument } from '../../gql/graphql';
import { DateRangeInput } from '../../app/dates';
import { CURRENCIES, type MapFilters } from './map-filters';

/** What the map shows: level, measure, theme, organisation, period. All of it is in the URL. */
export function MapFiltersBar({ filters }: { filters: MapFilters }) {
  const { t } = useTranslation('map');
  const themes = useQuery(ThemeOptionsDocument);
  const organisations = useQuery(OrganisationOptionsDocument);
  const { set } = filters;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('level.label')}
        value={filters.level}
        onChange={(value) => set({ level: value === 'REGION' ? 'REGION' : null, unit: null })}
        data={[
          { value: 'REGION', label: t('level.REGION') },
          { value: 'DISTRICT', label: t('level.DISTRICT') },
        ]}
      />
      <Select
        label={t('measure.label')}
        value={filters.measure}
        allowDeselect={false}
        onChange={(value) => set({ measure: value === 'projects' ? null : value })}
        data={(['projects', 'organisations', 'funding'] as const).map((value) => ({ value, label: t(`measure.${value}`) }))}
        w={200}
      />
      {filters.measure === 'funding' && (
        <Select label={t('currency')} value={filters.currency} allowDeselect={false} onChange={(value) => set({ currency: value === 'USD' ? null : value })} data={[...CURRENCIES]} w={100} />
      )}
      <Select
        label={t('theme')}
        placeholder={t('allThemes')}
        clearable
        value={filters.theme}
        onChange={(value) => set({ theme: value })}
        data={(themes.data?.themes ?? []).map((theme) => ({ value: theme.code, label: theme.name ?? theme.code }))}
        w={240}
      />
      <Select
        label={t('organisation')}
        placeholder={t('allOrganisations')}
        clearable
        searchable
        nothingFoundMessage={t('common:empty')}
        value={filters.organisation}
        onChange={(value) => set({ org: value })}
        data={(organisations.data?.organisations.nodes ?? []).map((organisation) => ({ value: organisation.id, label: organisation.acronym ? `${organisation.acronym} — ${organisation.name}` : (organisation.name ?? organisation.id) }))}
        w={260}
      />
      <Select
        label={t('period.label')}
        value={filters.period}
        allowDeselect={false}
        onChange={(value) => set({ period: value === 'now' ? null : value, from: null, to: null })}
        data={(['now', 'year', 'all', 'custom'] as const).map((value) => ({ value, label: t(`period.${value}`) }))}
        w={210}
      />
      {filters.period === 'custom' && (
        <DateRangeInput label={t('period.custom')} placeholder={t('period.pick')} value={[filters.from, filters.to]} onChange={([from, to]) => set({ period: 'custom', from, to })} w={260} />
      )}
      <Button variant="subtle" onClick={() => set({ level: null, measure: null, currency: null, theme: null, org: null, period: null, from: null, to: null, unit: null })}>
        {t('reset')}
      </Button>
    </Group>
  );
}
