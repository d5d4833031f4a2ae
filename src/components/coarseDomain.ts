// Axis domains rounded outwards coarsely, so that the next position of a slider usually lands on the same domain and
// a layered figure (./layers.ts) keeps the axes it has already drawn. Used by the batch-size and saddle-point charts.

/**
 * A log-axis domain holding `values` (only finite positive ones count), its ends on whole decades that are multiples
 * of `lowerStep` (below) and `upperStep` (above): with a lower step of 4, a minimum anywhere in (10⁻⁸, 10⁻⁴] gives
 * 10⁻⁸. Noisy minima (a single sample's loss, a gradient that dives past zero) then rarely move the axis.
 */
export function coarseLogDomain(values: Iterable<number>, { lowerStep = 1, upperStep = 1, fallback = [0.1, 10] as [number, number] } = {}): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return fallback;
  // A hair of tolerance so that 1000 (log10 = 2.9999999999999996) stays on 10³.
  const a = Math.floor(Math.log10(lo) / lowerStep + 1e-9) * lowerStep;
  let b = Math.ceil(Math.log10(hi) / upperStep - 1e-9) * upperStep;
  if (b <= a) b = a + upperStep;
  return [10 ** a, 10 ** b];
}

/** The smallest of 1, 2 and 5 times a power of ten that is at least `value` (a round end for a log axis of counts). */
export function ceilOneTwoFive(value: number): number {
  if (!(value > 1)) return 1;
  const decade = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * decade >= value - 1e-9 * decade) return m * decade;
  return 10 * decade;
}
