// A race of optimizers from one start: each with its own tuned (or given) lr, the same step budget, and the
// evidence the comparison table quotes (steps to a loss threshold, final loss).
import type { Objective, OptimizerSpec, RunSpec, Trace } from "../types.js";
import { runOptimizer } from "../run.js";
import { tuneLr, type UntunedOptimizer } from "./tuning.js";

/** A racer: a label and its optimizer without the lr (which the race tunes) or with one (which it keeps). */
export interface Racer {
  label: string;
  optimizer: UntunedOptimizer;
}

export interface RaceEntry {
  label: string;
  lr: number;
  tuned: boolean;
  trace: Trace;
}

/** The racers of the comparison page: plain descent, two momentum forms and three adaptive methods. */
export const standardRacers: readonly Racer[] = [
  { label: "GD", optimizer: { name: "sgd" } },
  { label: "Momentum", optimizer: { name: "sgd", momentum: 0.9 } },
  { label: "Nesterov", optimizer: { name: "sgd", momentum: 0.9, nesterov: true } },
  { label: "AdaGrad", optimizer: { name: "adagrad" } },
  { label: "RMSProp", optimizer: { name: "rmsprop" } },
  { label: "Adam", optimizer: { name: "adam" } },
];

/** Runs every racer for the same budget; racers without an lr get the one tuneLr picks on this very run. */
export function race(run: Omit<RunSpec, "optimizer">, racers: readonly Racer[], objective?: Objective): RaceEntry[] {
  return racers.map(({ label, optimizer }) => {
    const tuned = optimizer.lr === undefined;
    const lr = tuned ? tuneLr(run, optimizer, undefined, objective).lr : optimizer.lr!;
    const trace = runOptimizer({ ...run, optimizer: { ...optimizer, lr } as OptimizerSpec }, objective);
    return { label, lr, tuned, trace };
  });
}

export interface Evidence {
  /** First step whose loss is at or below the threshold, or null if none is. */
  stepsToThreshold: number | null;
  finalLoss: number;
  diverged: boolean;
}

export function evidence(trace: Trace, threshold: number): Evidence {
  const hit = trace.loss.findIndex((l) => l <= threshold);
  return { stepsToThreshold: hit < 0 ? null : hit, finalLoss: trace.loss[trace.loss.length - 1], diverged: trace.stop.reason === "diverged" };
}

/**
 * The loss threshold of a race: `gap` above the known minimum value, or, when none is known, above the
 * lowest loss any racer reached.
 */
export function raceThreshold(entries: readonly RaceEntry[], gap: number, knownMinimum?: number): number {
  const reference = knownMinimum ?? Math.min(...entries.flatMap((e) => e.trace.loss));
  return reference + gap;
}
