// Stochastic weight averaging as the articles tell it: converge, cache the point, raise the learning rate,
// anneal and converge again, cache, …, then average the cached points. Two runOptimizer calls: the first
// convergence with a small constant η, then warm restarts (CosineAnnealingWarmRestarts) from the raised η.
import type { Objective, ObjectiveSpec, Trace } from "../types.js";
import { runOptimizer } from "../run.js";
import { resolveObjective } from "../objectives/index.js";

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
  /** Steps per cycle: the warm-restart period T_0. */
  cycleSteps: number;
  /** Standard deviation of the gradient noise that stands in for mini-batch sampling. */
  noise: number;
  seed?: number;
}

export interface SwaRecipe {
  /** The first convergence: what plain descent with the small η ends at. */
  first: Trace;
  /** The raise-and-converge cycles, one run with warm restarts starting where `first` ended. */
  restarts: Trace;
  /** The cached points: the end of the first convergence, then the end of every completed cycle. */
  cached: number[][];
  /** The mean of the points cached after each raise; the first convergence is where averaging starts, not part of it. */
  average: number[];
  /** The whole run as one trace, with a "swaAverage" event at every cache. */
  trace: Trace;
}

// Compiling a typed expression costs about as much as a run: done once per spec object, not twice per recipe.
const resolved = new WeakMap<object, Objective>();

function resolveOnce(spec: ObjectiveSpec): Objective {
  if (typeof spec !== "object") return resolveObjective(spec);
  let objective = resolved.get(spec);
  if (!objective) resolved.set(spec, (objective = resolveObjective(spec)));
  return objective;
}

export function swaRecipe(options: SwaRecipeOptions): SwaRecipe {
  const { objective, start, lr, highLr, firstSteps, cycles, cycleSteps, noise, seed = 0 } = options;
  const gradientNoise = noise > 0 ? noise : undefined;
  const f = resolveOnce(objective);
  const first = runOptimizer({ objective, start, optimizer: { name: "sgd", lr }, steps: firstSteps, gradientNoise, seed }, f);
  const restarts = runOptimizer({
    objective,
    start: first.path[first.path.length - 1],
    optimizer: { name: "sgd", lr: highLr },
    schedule: { name: "cosineWarmRestarts", t0: cycleSteps, etaMin: lr },
    steps: cycles * cycleSteps,
    gradientNoise,
    seed: seed + 1,
  }, f);
  // A cycle's end is the point after its last step; a diverged run keeps only the cycles it finished.
  const cycleEnds = Array.from({ length: cycles }, (_, i) => (i + 1) * cycleSteps).filter((k) => k < restarts.path.length);
  const cached = [first.path[first.path.length - 1], ...cycleEnds.map((k) => restarts.path[k])];
  const averaged = cached.length > 1 ? cached.slice(1) : cached;
  const average = averaged[0].map((_, i) => averaged.reduce((sum, p) => sum + p[i], 0) / averaged.length);
  const offset = first.lr.length;
  const trace: Trace = {
    path: [...first.path, ...restarts.path.slice(1)],
    loss: [...first.loss, ...restarts.loss.slice(1)],
    lr: [...first.lr, ...restarts.lr],
    gradNorm: [...first.gradNorm, ...restarts.gradNorm],
    events: [offset, ...cycleEnds.map((k) => k + offset)].map((step, i) => ({ step, kind: "swaAverage", value: i })),
    stop: { ...restarts.stop, step: restarts.stop.step + offset },
  };
  return { first, restarts, cached, average, trace };
}
