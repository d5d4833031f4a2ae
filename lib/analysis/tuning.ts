// A small grid search for the learning rate: the η, among a few log-spaced candidates, that ends lowest.
import type { Objective, OptimizerSpec, RunSpec } from "../types.js";
import { runOptimizer } from "../run.js";

/** An optimizer spec whose lr is left to the caller (distributes over the union, so each optimizer keeps its fields). */
export type UntunedOptimizer = OptimizerSpec extends infer S ? (S extends OptimizerSpec ? Omit<S, "lr"> & { lr?: number } : never) : never;

export interface TuningResult {
  lr: number;
  /** Final loss of every candidate, Infinity where the run diverged. */
  tried: { lr: number; finalLoss: number }[];
}

/** Default candidates: 10⁻³ to 10 at three per decade (1, 2, 5 × 10ᵏ). */
export const lrCandidates: readonly number[] = [-3, -2, -1, 0, 1].flatMap((k) => [1, 2, 5].map((m) => Number((m * 10 ** k).toPrecision(1)))).filter((lr) => lr <= 10);

/**
 * The candidate lr whose run ends at the lowest loss within the step budget (diverged runs count as
 * Infinity); ties go to the smaller lr. `optimizer` is the spec without its lr.
 */
export function tuneLr(
  run: Omit<RunSpec, "optimizer">,
  optimizer: UntunedOptimizer,
  candidates: readonly number[] = lrCandidates,
  objective?: Objective,
): TuningResult {
  const tried = candidates.map((lr) => {
    const trace = runOptimizer({ ...run, optimizer: { ...optimizer, lr } as OptimizerSpec }, objective);
    const finalLoss = trace.stop.reason === "diverged" ? Infinity : trace.loss[trace.loss.length - 1];
    return { lr, finalLoss };
  });
  let best = tried[0];
  for (const t of tried) if (t.finalLoss < best.finalLoss) best = t;
  return { lr: best.lr, tried };
}
