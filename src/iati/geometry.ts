/** [longitude, latitude] as GeoJSON writes positions. */
type Position = [number, number];
type Ring = Position[];

/** Twice the signed area of a ring and its centroid's moments (the shoelace formula, in degrees). */
function ringMoments(ring: Ring): { area2: number; cx: number; cy: number } {
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    const cross = x0 * y1 - x1 * y0;
    area2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { area2, cx, cy };
}

/**
 * The area-weighted centroid of a GeoJSON Polygon or MultiPolygon as [latitude, longitude]
 * (holes subtracted), or null for anything else or a shape without area. Computed in degrees:
 * for units the size of a Kyrgyz rayon or oblast the difference from an equal-area projection
 * is far below what an "approximate" location (IATI exactness 2) promises. The centroid of a
 * strongly concave shape can lie outside it.
 */
export function centroidOf(geometry: Record<string, unknown> | null | undefined): [number, number] | null {
  if (!geometry) return null;
  const polygons: Ring[][] = geometry.type === 'Polygon' ? [geometry.coordinates as Ring[]] : geometry.type === 'MultiPolygon' ? (geometry.coordinates as Ring[][]) : [];
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      const moments = ringMoments(ring);
      // The outer ring adds its area and the holes take theirs away, whichever way each winds.
      const sign = (index === 0 ? 1 : -1) * Math.sign(moments.area2);
      area2 += sign * moments.area2;
      cx += sign * moments.cx;
      cy += sign * moments.cy;
    });
  }
  if (!Number.isFinite(area2) || Math.abs(area2) < 1e-12) return null;
  return [cy / (3 * area2), cx / (3 * area2)];
}
