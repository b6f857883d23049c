import { useQuery } from '@apollo/client/react';
import { Grid, Paper, Stack, Tabs, Text } from '@mantine/core';
import type { Geometry } from 'geojson';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CoverageMapDocument, type CoverageMapQuery } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { PageLoader } from '../../app/ui/PageLoader';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { classBreaks, classOf, colourOf, GAP_STROKE, UNKNOWN_FILL } from './classes';
import type { MapUnit } from './CoverageMap';
import type { CoverageRow } from './CoverageTable';
import { useMapFilters } from './map-filters';
import { MapFiltersBar } from './MapFiltersBar';
import { MapLegend } from './MapLegend';
import { mapQueries } from './map-view';
import { useShapes } from './map-shapes';
import { UnitPanel } from './UnitPanel';
import { loadedMapCode, loadedTableCode, loadMapCode, loadTableCode } from './early';
import { currentLanguage } from '../../app/i18n';
import { ExportLinks } from '../exports/ExportLinks';
import { coverageGeoJsonUrl, threeWUrl } from '../exports/export-links';

// Leaflet is the heaviest part of the page: it arrives in a chunk of its own.
const LazyCoverageMap = lazy(() => loadMapCode().then((code) => ({ default: code.CoverageMap })));
// The table view's code (Mantine's table and scroll area) comes only when the table is opened.
const LazyCoverageTable = lazy(() => loadTableCode().then((code) => ({ default: code.CoverageTable })));

/** The public map: who works where, by region or district, with gaps, legend and a table. */
export default function PublicMapPage() {
  const { t } = useTranslation(['map', 'projects']);
  const format = useFormat();
  // Loaded already on a first visit (routes.tsx held the first render for it): no loader to show.
  const [CoverageMap] = useState(() => loadedMapCode()?.CoverageMap ?? LazyCoverageMap);
  const [CoverageTable] = useState(() => loadedTableCode()?.CoverageTable ?? LazyCoverageTable);
  const filters = useMapFilters();
  const districts = filters.level === 'DISTRICT';
  // The route started these requests (map-queries.ts) with fresh coverage; here they are read.
  const [own, regions] = mapQueries(filters);
  const { shapes, error: shapesError } = useShapes(regions ? [own.level, regions.level] : [own.level]);
  const coverage = useQuery(own.coverage.query, { variables: own.coverage.variables, fetchPolicy: 'cache-first' });
  // Bishkek's city districts have no boundaries of their own: on the map of districts the city
  // is drawn whole, with its figures as a region (the table keeps its districts).
  const regionCoverage = useQuery(CoverageMapDocument, { variables: regions?.coverage.variables ?? own.coverage.variables, fetchPolicy: 'cache-first', skip: !regions });
  const pending = [coverage, ...(regions ? [regionCoverage] : [])];
  const drawsMap = filters.view === 'map';

  const toRows = useCallback(
    (cells: CoverageMapQuery['coverage']['nodes']): CoverageRow[] =>
      cells.map((cell) => {
        const funding = cell.funding.complete && cell.funding.committed != null ? Number(cell.funding.committed) : null;
        return {
          code: cell.unit.code,
          parentCode: cell.unit.parent?.code ?? null,
          name: cell.unit.name ?? cell.unit.code,
          projects: cell.projectCount,
          organisations: cell.organisationCount,
          funding,
          // Written when read: the first currency formatter costs ~30 ms to make (its locale
          // data), and the default map shows no money.
          get fundingText() {
            return funding == null ? t('map:noRate') : format.money(cell.funding.committed, filters.currency);
          },
          gap: cell.projectCount === 0,
        };
      }),
    [format, filters.currency, t],
  );
  const rows = useMemo(() => toRows(coverage.data?.coverage.nodes ?? []), [toRows, coverage.data]);
  const regionRows = useMemo(() => (districts ? toRows(regionCoverage.data?.coverage.nodes ?? []) : []), [districts, toRows, regionCoverage.data]);

  const valueOf = (row: CoverageRow): number | null => (filters.measure === 'projects' ? row.projects : filters.measure === 'organisations' ? row.organisations : row.funding);
  const textOf = (row: CoverageRow) => (filters.measure === 'funding' ? row.fundingText : format.number(valueOf(row)));
  const breaks = classBreaks([...rows, ...regionRows.filter((region) => rows.some((row) => row.parentCode === region.code))].map((row) => valueOf(row) ?? 0));
  const measureTitle = filters.measure === 'funding' ? t('map:measure.fundingIn', { currency: filters.currency }) : t(`map:measure.${filters.measure}`);

  /** The rows the map draws: the cells with a boundary, and for cells without one their region. */
  const drawn = useMemo(() => {
    const geometry = shapes ?? new Map<string, Geometry>();
    const standIns = new Map(regionRows.map((row) => [row.code, row]));
    const result = new Map<string, { row: CoverageRow; shape: Geometry }>();
    for (const row of rows) {
      const own = geometry.get(row.code);
      const region = !own && row.parentCode ? standIns.get(row.parentCode) : undefined;
      const shape = own ?? (region ? geometry.get(region.code) : null);
      if (shape) result.set((region ?? row).code, { row: region ?? row, shape });
    }
    return [...result.values()];
  }, [rows, regionRows, shapes]);

  const units = useMemo<MapUnit[]>(() => {
    return drawn.flatMap(({ row, shape }) => {
      const value = valueOf(row);
      const unknown = value === null && !row.gap;
      const classIndex = classOf(value ?? 0, breaks);
      return [
        {
          code: row.code,
          geometry: shape,
          label: `${row.name}: ${row.gap ? t('map:legend.gap') : `${textOf(row)} (${measureTitle.toLowerCase()})`}`,
          style: unknown
            ? { fillColor: UNKNOWN_FILL }
            : classIndex < 0
              ? { fillColor: colourOf(-1, 0), color: GAP_STROKE, dashArray: '4 3', weight: 1.5 }
              : { fillColor: colourOf(classIndex, breaks.length) },
        },
      ];
    });
    // valueOf/textOf depend only on the measure and rows.
  }, [drawn, breaks.join(','), filters.measure, measureTitle, t]); // eslint-disable-line react-hooks/exhaustive-deps

  const selected = rows.find((row) => row.code === filters.unit) ?? regionRows.find((row) => row.code === filters.unit) ?? null;
  const select = (code: string) => filters.set({ unit: code });
  const gaps = rows.filter((row) => row.gap).length;

  return (
    <Stack gap="md">
      <div>
        <PageTitle title={t('map:title')} />
        <Text c="dimmed" maw={760}>
          {t('map:intro')}
        </Text>
      </div>
      <MapFiltersBar filters={filters} />
      <ExportLinks
        links={[
          { href: coverageGeoJsonUrl({ level: filters.level, ...filters.coverageFilter }, currentLanguage(), filters.currency), label: t('common:export.geojson') },
          { href: threeWUrl('csv', filters.coverageFilter, currentLanguage(), filters.currency), label: t('common:export.csv') },
          { href: threeWUrl('xlsx', filters.coverageFilter, currentLanguage(), filters.currency), label: t('common:export.xlsx') },
        ]}
      />
      {/* Drawn once everything has arrived: each partial answer would redraw every shape. */}
      <QueryState
        loading={(drawsMap && !shapes && !shapesError) || pending.some((query) => query.loading && !query.data)}
        error={pending.find((query) => query.error)?.error ?? (drawsMap ? shapesError : null)}
      >
        <Text size="sm" aria-live="polite">
          {t('map:summary', { count: rows.length, gaps, level: t(`map:levelOf.${filters.level}`) })}
        </Text>
        <Tabs value={filters.view} onChange={(view) => filters.set({ view: view === 'table' ? 'table' : null })} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="map">{t('map:tab.map')}</Tabs.Tab>
            <Tabs.Tab value="table">{t('map:tab.table')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="map" pt="sm">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: selected ? 8 : 10 }} h={{ base: 420, md: 560 }}>
                <Suspense fallback={<PageLoader />}>
                  <CoverageMap units={units} selected={filters.unit} onSelect={select} label={t('map:mapLabel', { measure: measureTitle })} attribution={t('map:attribution')} />
                </Suspense>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: selected ? 4 : 2 }}>
                <Stack>
                  <Paper withBorder p="sm">
                    <MapLegend
                      breaks={breaks}
                      title={measureTitle}
                      format={(value) => (filters.measure === 'funding' ? format.money(String(value), filters.currency) : format.number(value))}
                      showUnknown={filters.measure === 'funding'}
                    />
                  </Paper>
                  {selected && (
                    <UnitPanel
                      code={selected.code}
                      name={selected.name}
                      figures={[
                        t('map:figure.projects', { count: selected.projects }),
                        t('map:figure.organisations', { count: selected.organisations }),
                        `${t('map:measure.fundingIn', { currency: filters.currency })}: ${selected.fundingText}`,
                      ]}
                      filters={filters}
                      onClose={() => filters.set({ unit: null })}
                    />
                  )}
                </Stack>
              </Grid.Col>
            </Grid>
          </Tabs.Panel>
          <Tabs.Panel value="table" pt="sm">
            <Stack>
              {selected && (
                <UnitPanel
                  code={selected.code}
                  name={selected.name}
                  figures={[t('map:figure.projects', { count: selected.projects }), t('map:figure.organisations', { count: selected.organisations })]}
                  filters={filters}
                  onClose={() => filters.set({ unit: null })}
                />
              )}
              <Suspense fallback={<PageLoader />}>
                <CoverageTable rows={rows} onSelect={select} formatNumber={format.number} />
              </Suspense>
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </QueryState>
    </Stack>
  );
}
