import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProjectMapDistrictsDocument } from '../../gql/graphql';
import { useShapes } from '../map/map-shapes';
import { PageLoader } from '../../app/ui/PageLoader';
import type { MapUnit } from '../map/CoverageMap';

const CoverageMap = lazy(() => import('../map/CoverageMap').then((module) => ({ default: module.CoverageMap })));

/**
 * Where a project works, drawn on the districts: a district is marked when the project covers
 * it, something inside it (an ayil aimak), or something containing it (its region, the country).
 */
export function ProjectCoverageMap({ coverage }: { coverage: { unit: { code: string; ancestors: { code: string }[] } }[] }) {
  const { t } = useTranslation(['projects', 'map']);
  const districts = useQuery(ProjectMapDistrictsDocument, { fetchPolicy: 'cache-first' });
  const { shapes } = useShapes(['DISTRICT']);
  const units = useMemo<MapUnit[]>(() => {
    const covered = new Set(coverage.flatMap((entry) => [entry.unit.code, ...entry.unit.ancestors.map((ancestor) => ancestor.code)]));
    const coveredCodes = new Set(coverage.map((entry) => entry.unit.code));
    return (districts.data?.adminUnits.nodes ?? []).flatMap((district) => {
      const geometry = shapes?.get(district.code);
      if (!geometry) return [];
      const inside = covered.has(district.code) || district.ancestors.some((ancestor) => coveredCodes.has(ancestor.code));
      return [
        {
          code: district.code,
          geometry,
          label: `${district.name ?? district.code}: ${inside ? t('projects:coverage.covered') : t('projects:coverage.notCovered')}`,
          style: { fillColor: inside ? '#1c7ed6' : '#f8f9fa', fillOpacity: inside ? 0.7 : 0.6 },
        },
      ];
    });
  }, [districts.data, shapes, coverage, t]);
  return (
    <div style={{ height: 320, marginBottom: 'var(--mantine-spacing-sm)' }}>
      <Suspense fallback={<PageLoader />}>
        <CoverageMap units={units} selected={null} label={t('projects:coverage.mapLabel')} attribution={t('map:attribution')} />
      </Suspense>
    </div>
  );
}
