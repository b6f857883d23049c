import { useQuery } from '@apollo/client/react';
import { Button, Group, NativeSelect, SegmentedControl } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { OrganisationOptionsDocument, ThemeOptionsDocument } from '../../gql/graphql';
import { DateRangeInput } from '../../app/dates';
import type { MapFilters } from './map-filters';
import { CURRENCIES } from './map-view';
import classes from './MapFiltersBar.module.css';

/**
 * What the map shows: level, measure, theme, organisation, period. All of it is in the URL.
 * Native selects: the public's first page stays light (Mantine's combobox alone is about 30 KB
 * gzip), and phones show their own pickers; typing a letter still jumps through a list. On a
 * phone the filters fold behind a button that counts those in use, so the map is on the first
 * screen.
 */
export function MapFiltersBar({ filters }: { filters: MapFilters }) {
  const { t } = useTranslation('map');
  const themes = useQuery(ThemeOptionsDocument);
  const organisations = useQuery(OrganisationOptionsDocument);
  const { set } = filters;
  const [opened, { toggle }] = useDisclosure(false);
  const inUse = [filters.measure !== 'projects', filters.theme, filters.organisation, filters.period !== 'now'].filter(Boolean).length;
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
      <Button variant="default" hiddenFrom="xs" onClick={toggle} aria-expanded={opened} aria-controls="map-filters">
        {inUse ? t('filters.inUse', { count: inUse }) : t('filters.toggle')}
      </Button>
      <div id="map-filters" className={classes.more} data-open={opened || undefined}>
        <NativeSelect
          label={t('measure.label')}
          value={filters.measure}
          onChange={(event) => set({ measure: event.currentTarget.value === 'projects' ? null : event.currentTarget.value })}
          data={(['projects', 'organisations', 'funding'] as const).map((value) => ({ value, label: t(`measure.${value}`) }))}
          w={{ base: '100%', xs: 200 }}
        />
        {filters.measure === 'funding' && (
          <NativeSelect
            label={t('currency')}
            value={filters.currency}
            onChange={(event) => set({ currency: event.currentTarget.value === 'USD' ? null : event.currentTarget.value })}
            data={[...CURRENCIES]}
            w={100}
          />
        )}
        <NativeSelect
          label={t('theme')}
          value={filters.theme ?? ''}
          onChange={(event) => set({ theme: event.currentTarget.value || null })}
          data={[{ value: '', label: t('allThemes') }, ...(themes.data?.themes ?? []).map((theme) => ({ value: theme.code, label: theme.name ?? theme.code }))]}
          w={{ base: '100%', xs: 240 }}
        />
        <NativeSelect
          label={t('organisation')}
          value={filters.organisation ?? ''}
          onChange={(event) => set({ org: event.currentTarget.value || null })}
          w={{ base: '100%', xs: 260 }}
        >
          {/* Plain options: a national hub lists hundreds of organisations, each cheap this way. */}
          <option value="">{t('allOrganisations')}</option>
          {(organisations.data?.organisations.nodes ?? []).map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.acronym ? `${organisation.acronym} — ${organisation.name}` : (organisation.name ?? organisation.id)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          label={t('period.label')}
          value={filters.period}
          onChange={(event) => set({ period: event.currentTarget.value === 'now' ? null : event.currentTarget.value, from: null, to: null })}
          data={(['now', 'year', 'all', 'custom'] as const).map((value) => ({ value, label: t(`period.${value}`) }))}
          w={{ base: '100%', xs: 250 }}
        />
        {filters.period === 'custom' && (
          <DateRangeInput
            label={t('period.custom')}
            placeholder={t('period.pick')}
            value={[filters.from, filters.to]}
            onChange={([from, to]) => set({ period: 'custom', from, to })}
            w={260}
          />
        )}
        <Button variant="subtle" onClick={() => set({ level: null, measure: null, currency: null, theme: null, org: null, period: null, from: null, to: null, unit: null })}>
          {t('reset')}
        </Button>
      </div>
    </Group>
  );
}
