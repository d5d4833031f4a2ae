// Is a function of one variable convex over an interval? Convex means it curves up everywhere: f'' ≥ 0.
// We sample the exact second derivative; a sampled check can miss a dip narrower than the spacing.

export interface CurvatureRange {
  min: number;
  max: number;
  /** Where f'' is smallest. */
  argMin: number;
  convex: boolean;
}

export function curvatureRange(secondDerivative: (x: number) => number, domain: readonly [number, number], samples = 401): CurvatureRange {
  let min = Infinity;
  let max = -Infinity;
  let argMin = domain[0];
  for (let i = 0; i < samples; ++i) {
    const x = domain[0] + (i / (samples - 1)) * (domain[1] - domain[0]);
    const c = secondDerivative(x);
    if (c < min) [min, argMin] = [c, x];
    if (c > max) max = c;
  }
  return { min, max, argMin, convex: min >= 0 };
}
