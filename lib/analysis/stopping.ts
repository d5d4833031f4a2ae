// What the stop criteria of runOptimizer saw: where the best loss was, counted exactly as run.ts counts it.

/**
 * The step of the last loss that beat the best so far by more than `minDelta` (0 when none did):
 * early stopping with patience p stops p steps after it.
 */
export function lastImprovement(loss: readonly number[], minDelta = 0): number {
  let [best, at] = [loss[0], 0];
  for (let k = 1; k < loss.length; ++k) if (loss[k] < best - minDelta) [best, at] = [loss[k], k];
  return at;
}

