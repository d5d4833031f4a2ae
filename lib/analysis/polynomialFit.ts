// Least-squares polynomials of one feature, and how far one extra point moves them.
import { polynomialFeatures } from "../objectives/design.js";
import { leastSquares } from "../objectives/leastSquares.js";
import { standardize } from "../objectives/standardize.js";

/**
 * The degree-`degree` polynomial minimising the MSE on (x, y), as a function of x in original units.
 * Fitted on standardised x: powers of raw horsepower (150¹⁰ ≈ 6·10²¹) would make the columns
 * differ by twenty orders of magnitude.
 */
export function fitPolynomial(x: readonly number[], y: readonly number[], degree: number): (x: number) => number {
  const scale = standardize(x, "x");
  const params = leastSquares(polynomialFeatures(scale.values, degree), y);
  return (v) => {
    const z = (v - scale.mean) / scale.std;
    let p = params[degree - 1];
    for (let k = degree - 2; k >= 0; k--) p = p * z + params[k];
    return p * z + params[degree];
  };
}

/** The largest |f(x) − g(x)| over `samples` points spread evenly across [lo, hi]. */
export function largestGap(f: (x: number) => number, g: (x: number) => number, [lo, hi]: readonly [number, number], samples = 200): number {
  let gap = 0;
  for (let i = 0; i < samples; i++) {
    const v = lo + ((hi - lo) * i) / (samples - 1);
    gap = Math.max(gap, Math.abs(f(v) - g(v)));
  }
  return gap;
}
