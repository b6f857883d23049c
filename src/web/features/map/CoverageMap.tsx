import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LatLngBoundsExpression, Layer, Path, PathOptions } from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
// Each by its own path: react-leaflet's index links every component, and with it parts of Leaflet
// the build leaves out (features/map/leaflet-parts.mjs).
import { AttributionControl } from 'react-leaflet/AttributionControl';
import { GeoJSON } from 'react-leaflet/GeoJSON';
import { useMap } from 'react-leaflet/hooks';
import { MapContainer } from 'react-leaflet/MapContainer';
import classes from './CoverageMap.module.css';

const KYRGYZSTAN: LatLngBoundsExpression = [
  [39.15, 69.25],
  [43.27, 80.3],
];

export interface MapUnit {
  code: string;
  geometry: Geometry;
  /** What a person reads for the unit: its name and figure. */
  label: string;
  style: PathOptions;
}

/** Keeps the map filling its box when the page around it reflows (phone, side panel). */
function FitOnResize() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

/**
 * Units drawn from their shipped boundaries (no tile server: it works offline), coloured by the
 * caller. With `onSelect`, each unit is a keyboard-reachable button (Tab, then Enter) as well as
 * clickable; without, the map only shows.
 */
export function CoverageMap({
  units,
  selected,
  onSelect,
  label,
  attribution,
}: {
  units: MapUnit[];
  selected: string | null;
  onSelect?: (code: string) => void;
  label: string;
  attribution: string;
}) {
  const select = useRef(onSelect);
  select.current = onSelect;
  const data = useMemo<FeatureCollection<Geometry, { code: string }>>(
    () => ({
      type: 'FeatureCollection',
      features: units.map((unit): Feature<Geometry, { code: string }> => ({ type: 'Feature', properties: { code: unit.code }, geometry: unit.geometry })),
    }),
    [units],
  );
  const byCode = useMemo(() => new Map(units.map((unit) => [unit.code, unit])), [units]);
  // GeoJSON layers do not follow new props: a new key draws them again with the new styles.
  const key = useMemo(() => units.map((unit) => `${unit.code}:${unit.style.fillColor}:${unit.label}`).join('|') + `|${selected}`, [units, selected]);

  const styleOf = (feature?: Feature<Geometry, { code: string }>): PathOptions => {
    const unit = feature ? byCode.get(feature.properties.code) : undefined;
    const chosen = feature?.properties.code === selected;
    return {
      weight: chosen ? 3 : 1,
      color: chosen ? '#212529' : '#495057',
      fillOpacity: 0.85,
      ...unit?.style,
      ...(chosen ? { color: '#212529', weight: 3, dashArray: undefined } : {}),
    };
  };

  const bind = (feature: Feature<Geometry, { code: string }>, layer: Layer) => {
    const unit = byCode.get(feature.properties.code);
    if (!unit) return;
    layer.bindTooltip(unit.label, { sticky: true });
    if (!select.current) return;
    layer.on('click', () => select.current?.(unit.code));
    layer.on('add', () => {
      const element = (layer as Path).getElement();
      if (!element) return;
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'button');
      element.setAttribute('aria-label', unit.label);
      element.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Enter' || (event as KeyboardEvent).key === ' ') {
          event.preventDefault();
          select.current?.(unit.code);
        }
      });
    });
  };

  return (
    <div role="region" aria-label={label} className={classes.frame}>
      <MapContainer bounds={KYRGYZSTAN} className={classes.map} attributionControl={false} scrollWheelZoom={false} zoomSnap={0.25}>
        <AttributionControl prefix={false} />
        <FitOnResize />
        <GeoJSON key={key} data={data} style={styleOf} onEachFeature={bind} attribution={attribution} />
      </MapContainer>
    </div>
  );
}
