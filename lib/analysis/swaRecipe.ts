// Stochastic weight averaging as the articles tell it: converge, cache the point, raise the learning rate,
// anneal and converge again, cache, …, then average the cached points. Each phase is one runOptimizer call.
import type { ObjectiveSpec, Trace, TraceEvent } from "../types.js";
import { runOptimizer } from "../run.js";

export interface SwaRecipeOptions {
  objective: ObjectiveSpec;
  start: number[];
  /** The small η of the first convergence, and the floor each cycle anneals down to. */
  lr: number;
  /** The raised η each cycle starts from. */
  highLr: number;
  /** Steps of the first convergence. */
  firstSteps: number;
  /** Number of raise-and-converge cycles after the first convergence. */
  cycles: number;
  /** Steps per cycle: a cosine from highLr down to lr (PyTorch's CosineAnnealingLR over one cycle). */
  cycleSteps: number;
  /** Standard deviation of the gradient noise that stands in for mini-batch sampling. */
  noise: number;
  seed?: number;
}

export interface SwaRecipe {
  /** The first convergence: what plain descent with the small η ends at. */
  first: Trace;
  /** One trace per raise-and-converge cycle, each starting where the previous one ended. */
  cycles: Trace[];
  /** The cached points: the end of the first convergence and of every cycle. */
  cached: number[][];
  /** The mean of the points cached after each raise (the first convergence is where averaging starts, not part of it). */
  average: number[];
  /** The whole run as one trace (steps renumbered), a "swaAverage" event at every cache. */
  trace: Trace;
}

export function swaRecipe(options: SwaRecipeOptions): SwaRecipe {
  const { objective, start, lr, highLr, firstSteps, cycles: cycleCount, cycleSteps, noise, seed = 0 } = options;
  const phase = (from: number[], k: number, spec: { lr: number; steps: number; anneal: boolean }) =>
    runOptimizer({
      objective,
      start: from,
      optimizer: { name: "sgd", lr: spec.lr },
      schedule: spec.anneal ? { name: "cosine", tMax: spec.steps - 1, etaMin: lr } : { name: "constant" },
      steps: spec.steps,
      gradientNoise: noise > 0 ? noise : undefined,
      seed: seed * 1000 + k,
    });
  const first = phase(start, 0, { lr, steps: firstSteps, anneal: false });
  const cycles: Trace[] = [];
  let last = first;
  for (let i = 1; i <= cycleCount && last.stop.reason !== "diverged"; ++i) {
    last = phase(last.path[last.path.length - 1], i, { lr: highLr, steps: cycleSteps, anneal: true });
    cycles.push(last);
  }
  const finished = [first, ...cycles].filter((t) => t.stop.reason !== "diverged");
  const cached = finished.map((t) => t.path[t.path.length - 1]);
  const averaged = cached.length > 1 ? cached.slice(1) : cached;
  const average = averaged[0].map((_, i) => averaged.reduce((sum, p) => sum + p[i], 0) / averaged.length);
  return { first, cycles, cached, average, trace: joinTraces([first, ...cycles]) };
}

/** Traces run back to back (each starting where the previous ended) as one, with a "swaAverage" event at each end. */
export function joinTraces(traces: readonly Trace[]): Trace {
  const joined: Trace = { path: [traces[0].path[0]], loss: [traces[0].loss[0]], lr: [], gradNorm: [], events: [], stop: traces[0].stop };
  let cached = 0;
  for (const t of traces) {
    const offset = joined.lr.length;
    joined.path.push(...t.path.slice(1));
    joined.loss.push(...t.loss.slice(1));
    joined.lr.push(...t.lr);
    joined.gradNorm.push(...t.gradNorm);
    joined.events.push(...t.events.map((e): TraceEvent => ({ ...e, step: e.step + offset })));
    if (t.stop.reason !== "diverged") joined.events.push({ step: offset + t.lr.length, kind: "swaAverage", value: ++cached });
    joined.stop = { ...t.stop, step: offset + t.stop.step };
  }
  return joined;
}
