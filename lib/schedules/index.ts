// The schedules by name, and the one place a spec becomes a Schedule of the optimizer's base lr.
import type { Schedule, ScheduleSpec } from "../types.js";
import { constant, exponential, linear, multiStep, stepDecay } from "./decay.js";
import { cosine, cosineWarmRestarts } from "./cosine.js";
import { cyclic } from "./cyclic.js";
import { oneCycle } from "./oneCycle.js";
import { reduceOnPlateau } from "./plateau.js";

export { constant, exponential, linear, multiStep, stepDecay, cosine, cosineWarmRestarts, cyclic, oneCycle, reduceOnPlateau };
export type { Plateau, PlateauOptions, PlateauOutcome } from "./plateau.js";

/** The stateless schedules by spec name; reduceOnPlateau, which needs the loss, is separate. */
export const schedules = {
  constant,
  step: stepDecay,
  multiStep,
  exponential,
  linear,
  cosine,
  cosineWarmRestarts,
  cyclic: (options: Parameters<typeof cyclic>[0], _lr: number) => cyclic(options),
  oneCycle: (options: Parameters<typeof oneCycle>[0], _lr: number) => oneCycle(options),
} as const;

export type StatelessScheduleSpec = Exclude<ScheduleSpec, { name: "reduceOnPlateau" }>;

/** The lr at each step for a stateless schedule spec and the optimizer's base lr. */
export function createSchedule(spec: StatelessScheduleSpec, lr: number): Schedule {
  const { name, ...options } = spec;
  return (schedules[name] as (options: object, lr: number) => Schedule)(options, lr);
}
