// Log-axis domains rounded outwards to whole decades, or coarser, so that the next position of a slider usually lands
// on the same domain and a layered figure (./layers.ts) keeps the axes it has already drawn.

export interface CoarseLogOptions {
  /** The lower end is a multiple of this many decades (default 1). */
  lowerStep?: number;
  /** The upper end is a multiple of this many decades (default 1). */
  upperStep?: number;
  /** The domain when no value is finite and positive (default [0.1, 10]). */
  fallback?: [number, number];
  /** Room around the values, as factors: the smallest is divided by the first, the largest multiplied by the second. */
  room?: readonly [number, number];
}

/**
 * A log-axis domain holding `values` (only finite positive ones count), its ends on whole decades that are multiples
 * of `lowerStep` (below) and `upperStep` (above), at least one step wide: with a lower step of 4, a minimum anywhere
 * in (10⁻⁸, 10⁻⁴] gives 10⁻⁸. Noisy minima (a single sample's loss, a gradient that dives past zero) then rarely
 * move the axis.
 */
export function coarseLogDomain(values: Iterable<number>, { lowerStep = 1, upperStep = 1, fallback = [0.1, 10], room = [1, 1] }: CoarseLogOptions = {}): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return fallback;
  [lo, hi] = [lo / room[0], hi * room[1]];
  // A hair of tolerance so that 1000 (log10 = 2.9999999999999996) stays on 10³.
  const a = Math.floor(Math.log10(lo) / lowerStep + 1e-9) * lowerStep;
  let b = Math.ceil(Math.log10(hi) / upperStep - 1e-9) * upperStep;
  if (b <= a) b = a + upperStep;
  return [10 ** a, 10 ** b];
}

/**
 * A log domain [10^a, 10^b] widened to a bottom at a multiple of `decades` decades and a top beyond 10³ at a
 * multiple of ten decades: runs that diverge to 1e37 or to 1e43 share the top 1e50.
 */
export function widenLogDomain([lo, hi]: readonly [number, number], decades: number): [number, number] {
  if (decades <= 1) return [lo, hi];
  const [a, b] = [Math.round(Math.log10(lo)), Math.round(Math.log10(hi))];
  const power = (n: number) => Number(`1e${n}`); // exact, where 10 ** -5 is 0.000009999999999999999
  return [power(decades * Math.floor(a / decades)), power(b > 3 ? 10 * Math.ceil(b / 10) : b)];
}

/** The smallest of 1, 2 and 5 times a power of ten that is at least `value` (a round end for a log axis of counts). */
export function ceilOneTwoFive(value: number): number {
  if (!(value > 1)) return 1;
  const decade = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * decade >= value - 1e-9 * decade) return m * decade;
  return 10 * decade;
}
