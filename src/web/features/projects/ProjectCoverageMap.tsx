import { useQuery } from '@apollo/client/react';
import type { Geometry } from 'geojson';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DistrictShapesDocument } from '../../gql/graphql';
import { PageLoader } from '../../app/ui/PageLoader';
import type { MapUnit } from '../map/CoverageMap';

const CoverageMap = lazy(() => import('../map/CoverageMap').then((module) => ({ default: module.CoverageMap })));

/**
 * Where a project works, drawn on the districts: a district is marked when the project covers
 * it, something inside it (an ayil aimak), or something containing it (its region, the country).
 */
export function ProjectCoverageMap({ coverage }: { coverage: { unit: { code: string; ancestors: { code: string }[] } }[] }) {
  const { t } = useTranslation(['projects', 'map']);
  const shapes = useQuery(DistrictShapesDocument, { fetchPolicy: 'cache-first' });
  const units = useMemo<MapUnit[]>(() => {
    const covered = new Set(coverage.flatMap((entry) => [entry.unit.code, ...entry.unit.ancestors.map((ancestor) => ancestor.code)]));
    const coveredCodes = new Set(coverage.map((entry) => entry.unit.code));
    return (shapes.data?.adminUnits.nodes ?? []).flatMap((district) => {
      if (!district.geometry) return [];
      const inside = covered.has(district.code) || district.ancestors.some((ancestor) => coveredCodes.has(ancestor.code));
      return [
        {
          code: district.code,
          geometry: district.geometry as Geometry,
          label: `${district.name ?? district.code}: ${inside ? t('projects:coverage.covered') : t('projects:coverage.notCovered')}`,
          style: { fillColor: inside ? '#1c7ed6' : '#f8f9fa', fillOpacity: inside ? 0.7 : 0.6 },
        },
      ];
    });
  }, [shapes.data, coverage, t]);
  return (
    <div style={{ height: 320 }}>
      <Suspense fallback={<PageLoader />}>
        <CoverageMap units={units} selected={null} label={t('projects:coverage.mapLabel')} attribution={t('map:attribution')} />
      </Suspense>
    </div>
  );
}
