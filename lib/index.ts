// The public surface of the library: run a spec, or use the pieces (optimizers, schedules, clipping) directly.
export type * from "./types.js";
export { runOptimizer } from "./run.js";
export { validateRunSpec, MAX_STEPS } from "./spec.js";
export { resolveObjective } from "./objectives/index.js";
export { optimizers, createOptimizer, defaultLr, sgd, momentum, adam, adamw, rmsprop, adagrad, adadelta } from "./optimizers/index.js";
export type { SgdOptions } from "./optimizers/sgd.js";
export type { MomentumOptions } from "./optimizers/momentum.js";
export type { AdamOptions } from "./optimizers/adam.js";
export type { AdamWOptions } from "./optimizers/adamw.js";
export type { RmspropOptions } from "./optimizers/rmsprop.js";
export type { AdagradOptions } from "./optimizers/adagrad.js";
export type { AdadeltaOptions } from "./optimizers/adadelta.js";
export {
  schedules,
  createSchedule,
  constant,
  stepDecay,
  multiStep,
  exponential,
  linear,
  cosine,
  cosineWarmRestarts,
  cyclic,
  oneCycle,
  reduceOnPlateau,
} from "./schedules/index.js";
export type { Plateau, PlateauOptions, PlateauOutcome, StatelessScheduleSpec } from "./schedules/index.js";
export { clipByGlobalNorm, clipByValue, l2Norm } from "./clip.js";
export { seededSource, gaussian, shuffle } from "./random.js";
export type { RandomSource } from "./random.js";
