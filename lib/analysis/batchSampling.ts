// Mini-batch bookkeeping for the batch-size page: the plan of an epoch, counted gradient work, loss per epoch,
// and how far single-sample gradients stray from the full one.
import type { Objective, Trace } from "../types.js";
import { l2Norm } from "../clip.js";

export interface EpochPlan {
  /** The batch size actually used: at most the number of samples. */
  batchSize: number;
  /** True when the requested size was larger than the data set and was cut to N. */
  clamped: boolean;
  /** Optimizer steps per epoch: ⌈N / B⌉ (the last batch may be smaller). */
  updatesPerEpoch: number;
  /** Size of the last batch of an epoch. */
  lastBatch: number;
}

export function epochPlan(sampleCount: number, requested: number): EpochPlan {
  if (!(Number.isInteger(sampleCount) && sampleCount > 0)) throw new Error(`sampleCount must be a positive integer (got ${sampleCount})`);
  if (!(Number.isInteger(requested) && requested > 0)) throw new Error(`batch size must be a positive integer (got ${requested})`);
  const batchSize = Math.min(requested, sampleCount);
  const updatesPerEpoch = Math.ceil(sampleCount / batchSize);
  return { batchSize, clamped: requested > sampleCount, updatesPerEpoch, lastBatch: sampleCount - (updatesPerEpoch - 1) * batchSize };
}

/** What a counting objective has seen: gradient calls, and per-sample gradients summed over those calls. */
export interface GradientCount {
  calls: number;
  sampleGradients: number;
  /** Samples in each call, in order. A full-batch run also evaluates its end point, after its last step. */
  sizes: number[];
  /** Every sample index, in the order the batches asked for them. */
  visits: number[];
}

/** Wraps `objective` so that every gradient evaluation is counted (value-only calls are not). */
export function countingObjective(objective: Objective): { objective: Objective; count: GradientCount } {
  const count: GradientCount = { calls: 0, sampleGradients: 0, sizes: [], visits: [] };
  const n = objective.sampleCount ?? 0;
  return {
    count,
    objective: {
      dim: objective.dim,
      sampleCount: objective.sampleCount,
      value: (params) => objective.value(params),
      valueAndGrad(params, grad, batch) {
        count.calls++;
        const size = batch === undefined ? n : batch.length;
        count.sampleGradients += size;
        count.sizes.push(size);
        if (batch === undefined) for (let i = 0; i < n; i++) count.visits.push(i);
        else for (let k = 0; k < batch.length; k++) count.visits.push(batch[k]);
        return objective.valueAndGrad(params, grad, batch);
      },
    },
  };
}

/** The full-data loss at the start and after each complete epoch of `updatesPerEpoch` steps. */
export function lossPerEpoch(trace: Trace, updatesPerEpoch: number): { epoch: number; loss: number }[] {
  const rows: { epoch: number; loss: number }[] = [];
  for (let e = 0; e * updatesPerEpoch < trace.loss.length; e++) rows.push({ epoch: e, loss: trace.loss[e * updatesPerEpoch] });
  return rows;
}

/**
 * At `params`: the length of the full gradient and the mean length of the single-sample gradients.
 * At the minimum the first is 0 while the second is not — why SGD with a constant η keeps moving there.
 */
export function gradientSpread(objective: Objective, params: readonly number[]): { full: number; meanSample: number } {
  const p = Float64Array.from(params);
  const grad = new Float64Array(objective.dim);
  objective.valueAndGrad(p, grad);
  const full = l2Norm(grad);
  const n = objective.sampleCount ?? 0;
  if (n === 0) throw new Error("gradientSpread needs a dataset objective (one with sampleCount)");
  const one = new Int32Array(1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    one[0] = i;
    objective.valueAndGrad(p, grad, one);
    total += l2Norm(grad);
  }
  return { full, meanSample: total / n };
}

/** Per-sample gradients that fed the first `steps` steps (leaves out an end-point evaluation no step used). */
export function gradientsUsed(count: GradientCount, steps: number): number {
  return count.sizes.slice(0, steps).reduce((a, b) => a + b, 0);
}
