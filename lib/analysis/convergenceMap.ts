// Steps to converge over a grid of (learning rate, momentum) on one objective: the data of the momentum map.
import type { ObjectiveSpec, OptimizerSpec } from "../types.js";
import { runOptimizer } from "../run.js";

export interface ConvergenceMapOptions {
  objective: ObjectiveSpec;
  start: number[];
  /** Learning rates (columns) and momentum coefficients (rows) to try. */
  lrs: readonly number[];
  betas: readonly number[];
  /** The optimizer at one grid point; by default PyTorch's heavy ball, sgd({lr, momentum: beta}). */
  optimizer?: (lr: number, beta: number) => OptimizerSpec;
  /** Converged means the loss fell below this. */
  tolerance: number;
  /** Step budget per run. */
  maxSteps: number;
}

export interface ConvergenceCell {
  lr: number;
  beta: number;
  /** Steps taken to fall below the tolerance, or null when the run did not get there. */
  steps: number | null;
  /** "diverged" includes runs still finite but ending above their starting loss. */
  outcome: "converged" | "tooSlow" | "diverged";
}

const heavyBall = (lr: number, beta: number): OptimizerSpec => ({ name: "sgd", lr, momentum: beta });

/** One row of the map (fixed β): cheap enough to compute a row per animation frame. */
export function convergenceRow(options: ConvergenceMapOptions, beta: number): ConvergenceCell[] {
  const { objective, start, lrs, optimizer = heavyBall, tolerance, maxSteps } = options;
  return lrs.map((lr) => {
    const trace = runOptimizer({ objective, start, optimizer: optimizer(lr, beta), steps: maxSteps, tolerance });
    const converged = trace.stop.reason === "tolerance";
    // A run that ends above its starting loss is moving away: count it as diverging even before it overflows.
    const growing = trace.stop.reason === "diverged" || trace.loss[trace.loss.length - 1] > trace.loss[0];
    const outcome = converged ? "converged" : growing ? "diverged" : "tooSlow";
    return { lr, beta, steps: converged ? trace.stop.step : null, outcome };
  });
}

/** The whole map, row by row (β ascending). */
export function convergenceMap(options: ConvergenceMapOptions): ConvergenceCell[] {
  return options.betas.flatMap((beta) => convergenceRow(options, beta));
}

/** The cell that converged in the fewest steps, if any did. */
export function fastestCell(cells: readonly ConvergenceCell[]): ConvergenceCell | undefined {
  let best: ConvergenceCell | undefined;
  for (const cell of cells) if (cell.steps !== null && (best === undefined || cell.steps < best.steps!)) best = cell;
  return best;
}

/** n values from lo to hi, evenly spaced on a log scale. */
export function logSpace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (n === 1 ? 0 : i / (n - 1)));
}
