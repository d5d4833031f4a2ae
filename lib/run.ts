// The loop, in PyTorch's order: loss and gradient at the current point → noise → clip → optimizer step with the
// current lr → schedule step. The only place optimizers, schedules, clipping and stop criteria meet.
import type { Objective, RunSpec, StopReason, Trace, TraceEvent } from "./types.js";
import { resolveObjective } from "./objectives/index.js";
import { createOptimizer, defaultLr } from "./optimizers/index.js";
import { createSchedule, reduceOnPlateau } from "./schedules/index.js";
import { clipByGlobalNorm, clipByValue, l2Norm } from "./clip.js";
import { gaussian, seededSource, shuffle } from "./random.js";
import { checkAgainstObjective, validateRunSpec } from "./spec.js";

/**
 * Runs one optimization and returns its trace. The spec is validated first (errors name the field and the fix).
 * `objective` replaces spec.objective, for objectives built in code.
 *
 * The trace holds finite numbers only: a run stops at the first non-finite loss, gradient or parameter
 * (stop.reason "diverged"), and the path ends at the last finite point.
 * reduceOnPlateau is fed the full objective's loss at the point each step reaches (PyTorch's validation-loss usage).
 */
export function runOptimizer(spec: RunSpec, objective?: Objective): Trace {
  const clean = validateRunSpec(spec);
  const f = objective ?? resolveObjective(clean.objective);
  checkAgainstObjective(clean, f.dim, f.sampleCount);
  return run(clean, f);
}

function run(spec: RunSpec, f: Objective): Trace {
  const dim = f.dim;
  const optimizer = createOptimizer(spec.optimizer);
  const state = optimizer.init(dim);
  // Under cyclic and oneCycle the base lr is unused: they set the lr themselves.
  const baseLr = spec.optimizer.lr ?? defaultLr[spec.optimizer.name] ?? NaN;
  const scheduleSpec = spec.schedule ?? { name: "constant" };
  const plateau = scheduleSpec.name === "reduceOnPlateau" ? reduceOnPlateau(scheduleSpec, baseLr) : undefined;
  const schedule = scheduleSpec.name === "reduceOnPlateau" ? undefined : createSchedule(scheduleSpec, baseLr);
  const swa = spec.swa;
  const swaFrequency = swa?.frequency ?? 1;

  const params = Float64Array.from(spec.start);
  const grad = new Float64Array(dim);
  const random = seededSource(spec.seed ?? 0);
  const noise = spec.gradientNoise ? gaussian(random, spec.gradientNoise) : undefined;

  const sampleCount = f.sampleCount ?? 0;
  const stochastic = spec.batchSize !== undefined && spec.batchSize < sampleCount;
  const order = Int32Array.from({ length: stochastic ? sampleCount : 0 }, (_, i) => i);
  // Views of the order, one per batch, made once: reshuffling the order refills them.
  const batches: Int32Array[] = [];
  for (let b = 0; stochastic && b < sampleCount; b += spec.batchSize!) batches.push(order.subarray(b, b + spec.batchSize!));

  const trace: Trace = { path: [], loss: [], lr: [], gradNorm: [], events: [], stop: { reason: "maxSteps", step: 0, message: "" } };
  if (stochastic) [trace.batchLoss, trace.epoch] = [[], []];
  const recorded: Record<string, number[][]> | undefined = spec.recordState ? (trace.state = {}) : undefined;
  const average = swa ? new Float64Array(dim) : undefined;
  if (swa) trace.swa = { average: [], averaged: [] };

  const stop = (reason: StopReason, message: string): Trace => {
    trace.stop = { reason, step: trace.lr.length, message };
    if (average && trace.swa!.averaged.length > 0) trace.swa!.average = Array.from(average);
    return trace;
  };
  const event = (step: number, kind: TraceEvent["kind"], value?: number) => trace.events.push(value === undefined ? { step, kind } : { step, kind, value });

  let loss = stochastic ? f.value(params) : f.valueAndGrad(params, grad);
  if (!Number.isFinite(loss)) return stop("diverged", `the loss at the start point is ${loss}: start somewhere the objective is defined`);
  trace.path.push(copy(params));
  trace.loss.push(loss);
  if (spec.tolerance !== undefined && loss < spec.tolerance) return stop("tolerance", `the loss at the start, ${loss}, is already below the tolerance ${spec.tolerance}`);

  let best = loss;
  let stale = 0;
  for (let k = 0; k < spec.steps; ++k) {
    if (stochastic) {
      const batchIndex = k % batches.length;
      const epoch = (k - batchIndex) / batches.length;
      if (batchIndex === 0) {
        shuffle(order, random);
        event(k, "epoch", epoch);
      }
      const batchLoss = f.valueAndGrad(params, grad, batches[batchIndex]);
      if (!Number.isFinite(batchLoss)) return stop("diverged", `the mini-batch loss at step ${k + 1} is ${batchLoss}; the trace ends at the last finite point`);
      trace.batchLoss!.push(batchLoss);
      trace.epoch!.push(epoch);
    }
    const gradNorm = l2Norm(grad);
    if (!Number.isFinite(gradNorm)) return stop("diverged", `the gradient at step ${k + 1} is not finite; the trace ends at the last finite point`);
    if (noise) for (let i = 0; i < dim; ++i) grad[i] += noise();
    if (spec.clip) {
      if ("maxNorm" in spec.clip) clipByGlobalNorm(grad, spec.clip.maxNorm, noise ? l2Norm(grad) : gradNorm);
      else clipByValue(grad, spec.clip.value);
    }

    const inSwa = swa !== undefined && k >= swa.start;
    if (inSwa && k === swa.start) event(k, "swaStart", swa.lr);
    const lr = inSwa ? swa.lr : plateau ? plateau.lr : schedule!(k);
    optimizer.step(params, grad, lr, state);

    loss = stochastic ? f.value(params) : f.valueAndGrad(params, grad);
    if (!Number.isFinite(loss) || !allFinite(params)) {
      if (stochastic) [trace.batchLoss!.length, trace.epoch!.length] = [k, k];
      return stop("diverged", `step ${k + 1} (lr ${lr}) left the finite numbers (loss ${loss}); the trace ends at the last finite point`);
    }
    trace.path.push(copy(params));
    trace.loss.push(loss);
    trace.lr.push(lr);
    trace.gradNorm.push(gradNorm);
    if (recorded) record(recorded, state.buffers, optimizer.inspect?.(state, lr));

    if (inSwa && (k + 1 - swa.start) % swaFrequency === 0) {
      const n = trace.swa!.averaged.length;
      for (let i = 0; i < dim; ++i) average![i] += (params[i] - average![i]) / (n + 1);
      trace.swa!.averaged.push(copy(params));
      event(k + 1, "swaAverage", n + 1);
    }
    if (plateau && !inSwa) {
      const outcome = plateau.observe(loss);
      if (outcome === "decayed") event(k + 1, "lrDecay", plateau.lr);
      else if (outcome === "atMinLr" && spec.schedule?.name === "reduceOnPlateau" && spec.schedule.stopAtMinLr) {
        return stop("minLr", `the loss plateaued again with the lr already at its floor minLr = ${plateau.lr}`);
      }
    }
    if (spec.tolerance !== undefined && loss < spec.tolerance) return stop("tolerance", `the loss ${loss} fell below the tolerance ${spec.tolerance}`);
    if (spec.earlyStopping) {
      const { patience, minDelta = 0 } = spec.earlyStopping;
      if (loss < best - minDelta) [best, stale] = [loss, 0];
      else if (++stale >= patience) return stop("earlyStopping", `the loss did not improve by more than ${minDelta} for ${patience} steps`);
    }
  }
  return stop("maxSteps", `took all ${spec.steps} steps`);
}

function copy(v: Float64Array): number[] {
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; ++i) out[i] = v[i];
  return out;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; ++i) if (!Number.isFinite(v[i])) return false;
  return true;
}

// Once per step of a run that records its state: a plain loop and copy, without the arrays Object.entries and
// Array.from would allocate.
function record(recorded: Record<string, number[][]>, buffers: Record<string, Float64Array>, inspected: Record<string, Float64Array> | undefined): void {
  for (const name in buffers) (recorded[name] ??= []).push(copy(buffers[name]));
  if (inspected) for (const name in inspected) (recorded[name] ??= []).push(copy(inspected[name]));
}
