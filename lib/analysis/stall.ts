// Reading a run near a saddle: when the gradient first looks converged, how small it gets, and when the run
// leaves the view (a saddle of an unbounded function lets an escaping run fall forever).
import type { Trace } from "../types.js";

export interface StallReport {
  /** First step whose gradient norm fell below `threshold` (where a gradient-norm stopping rule would stop), or undefined. */
  looksConverged?: number;
  /** How many steps in a row the gradient norm stayed below `threshold` (the length of the stall). */
  stalledFor: number;
  minGradNorm: number;
  minGradStep: number;
  /** Index of the first point of the path outside `box` (the run escaped), or undefined. */
  exit?: number;
}

export interface StallOptions {
  threshold: number;
  box: { x: readonly [number, number]; y: readonly [number, number] };
}

export function stallReport(trace: Trace, { threshold, box }: StallOptions): StallReport {
  const exitIndex = trace.path.findIndex(([x, y]) => !(x >= box.x[0] && x <= box.x[1] && y >= box.y[0] && y <= box.y[1]));
  const exit = exitIndex < 0 ? undefined : exitIndex;
  const norms = trace.gradNorm.slice(0, exit ?? trace.gradNorm.length);
  const first = norms.findIndex((g) => g < threshold);
  let stalledFor = 0;
  for (let k = Math.max(first, 0); first >= 0 && k < norms.length && norms[k] < threshold; ++k) stalledFor++;
  let minGradStep = 0;
  norms.forEach((g, k) => {
    if (g < norms[minGradStep]) minGradStep = k;
  });
  return { looksConverged: first < 0 ? undefined : first, stalledFor, minGradNorm: norms[minGradStep] ?? NaN, minGradStep, exit };
}
