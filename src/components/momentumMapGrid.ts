// The grid of the momentum page's (η, μ) map and the options of lib's convergenceMap that fill it: one run of the
// heavy ball per cell, until the loss falls below the tolerance or the steps run out.
import { logSpace, type ConvergenceMapOptions } from "../lib/analysis/convergenceMap.js";
import type { ObjectiveSpec } from "../lib/types.js";

/** The momentum coefficients of the map's rows: 0, 0.05, …, 0.95. */
export const mapBetas: readonly number[] = Array.from({ length: 20 }, (_, i) => Math.round(i * 5) / 100);

/** The map's learning rates for a ravine of condition number κ: 30 log-spaced from 0.02/κ to 4/κ. */
export const mapLrs = (kappa: number): number[] => logSpace(0.02 / kappa, 4 / kappa, 30);

export const mapTolerance = 1e-6;
export const mapMaxSteps = 300;

/** The options of lib's convergenceMap for this objective and start (the page's ✏️ cell) at condition number κ. */
export function mapOptions(objective: ObjectiveSpec, start: number[], kappa: number): ConvergenceMapOptions {
  return { objective, start, lrs: mapLrs(kappa), betas: mapBetas, tolerance: mapTolerance, maxSteps: mapMaxSteps };
}
