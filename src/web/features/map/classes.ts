/**
 * Colour classes of a choropleth: five blues from light to dark for values above zero, split
 * at quantiles so that each colour holds about as many units; zero is a gap, drawn apart.
 */
export const PALETTE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const GAP_FILL = '#fff4e6';
export const GAP_STROKE = '#c92a2a';
export const UNKNOWN_FILL = '#dee2e6';

/** Rounds down to two significant digits (1234 → 1200), so money classes read well. */
function roundDown(value: number): number {
  if (value < 100) return Math.floor(value);
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.floor(value / magnitude) * magnitude;
}

/** Lower bounds of the classes, ascending and distinct; empty when no value is above zero. */
export function classBreaks(values: number[], count: number = PALETTE.length): number[] {
  const positive = values.filter((value) => value > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const breaks: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const bound = roundDown(positive[Math.floor((index * positive.length) / count)]);
    if (breaks.length === 0 || bound > breaks[breaks.length - 1]) breaks.push(Math.max(bound, index === 0 ? 0 : 1));
  }
  return breaks;
}

/** The class of a value: -1 for zero (a gap), else the index of the highest bound it reaches. */
export function classOf(value: number, breaks: number[]): number {
  if (value <= 0 || breaks.length === 0) return -1;
  let found = 0;
  breaks.forEach((bound, index) => {
    if (value >= bound) found = index;
  });
  return found;
}

/** The colour of a class, spread over the palette when there are fewer classes than colours. */
export function colourOf(classIndex: number, classCount: number): string {
  if (classIndex < 0) return GAP_FILL;
  if (classCount <= 1) return PALETTE[PALETTE.length - 1];
  return PALETTE[Math.round((classIndex * (PALETTE.length - 1)) / (classCount - 1))];
}
