// The exact minimiser of the mean absolute error of a line ŷ = w·x + b (one feature), for the MAE-vs-MSE figure.
import { featureMatrix, targetVector } from "../objectives/design.js";

/**
 * Params [w, b] minimising mean(|w·x + b − y|). Some best line always passes through two of the
 * samples (the loss is piecewise linear and convex), so we try every line through two samples with
 * distinct x and keep the lowest: O(n³), about 0.1 ms-scale work for the page's 60-odd points.
 */
export function leastAbsoluteDeviations(x: readonly number[], y: readonly number[]): number[] {
  const { n, d, data: xs } = featureMatrix(x as number[], "x");
  if (d !== 1) throw new Error("leastAbsoluteDeviations takes one feature per sample");
  const ys = targetVector(y, n, "y");
  let best = [0, median(ys)]; // a flat line at the median: the answer when all x are equal
  let bestLoss = meanAbsolute(xs, ys, best[0], best[1]);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (xs[i] === xs[j]) continue;
      const w = (ys[j] - ys[i]) / (xs[j] - xs[i]);
      const b = ys[i] - w * xs[i];
      const loss = meanAbsolute(xs, ys, w, b);
      if (loss < bestLoss) [best, bestLoss] = [[w, b], loss];
    }
  }
  return best;
}

function meanAbsolute(xs: Float64Array, ys: Float64Array, w: number, b: number): number {
  let total = 0;
  for (let k = 0; k < xs.length; k++) total += Math.abs(w * xs[k] + b - ys[k]);
  return total / xs.length;
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
