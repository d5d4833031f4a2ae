// The optimizer race of lib/analysis/race.ts for every step budget at once. A run of B steps (constant η, no
// stopping rule but divergence) is the first B steps of a longer run from the same start, so one run of each
// tuning candidate at the largest budget answers the race, tuning included, for every smaller budget: moving the
// budget then only reads the result off. The runs are computed racer by racer, in slices of time, so that a page
// can draw between slices.
import { resolveObjective, runOptimizer } from "../lib/index.js";
import type { Objective, ObjectiveSpec, OptimizerSpec, Trace } from "../lib/index.js";
import type { Racer, RaceEntry } from "../lib/analysis/race.js";
import { lrCandidates } from "../lib/analysis/tuning.js";

export interface BudgetRaceOptions {
  objective: ObjectiveSpec;
  start: readonly number[];
  /** The largest budget the race will be asked for. */
  maxSteps: number;
}

export interface BudgetRace {
  readonly racers: readonly Racer[];
  readonly maxSteps: number;
  /** How many racers have all their runs (they come in the order of `racers`). */
  readonly ready: number;
  /** Milliseconds of computing spent so far. */
  readonly ms: number;
  /** Computes the runs of further racers until about `sliceMs` have passed (at least one racer); returns `ready`. */
  work(sliceMs?: number): number;
  /** The race as `race()` would return it for `budget` steps, for the racers that are ready. */
  at(budget: number): RaceEntry[];
}

/** The first `steps` steps of `trace` (a constant-η run stopped by nothing but divergence): the run of `steps` steps. */
export function truncateTrace(trace: Trace, steps: number): Trace {
  // A run that diverged within `steps` steps stops the same way in the shorter run.
  if (trace.stop.reason !== "maxSteps" && trace.lr.length < steps) return trace;
  if (trace.stop.reason === "maxSteps" && trace.stop.step === steps) return trace;
  if (trace.lr.length < steps) throw new Error(`a run of ${trace.lr.length} steps cannot answer for ${steps}`);
  return {
    path: trace.path.slice(0, steps + 1),
    loss: trace.loss.slice(0, steps + 1),
    lr: trace.lr.slice(0, steps),
    gradNorm: trace.gradNorm.slice(0, steps),
    events: [],
    stop: { reason: "maxSteps", step: steps, message: `took all ${steps} steps` },
  };
}

/** The loss tuneLr scores a candidate's run with, had it been `steps` steps long: Infinity if it diverged by then. */
function finalLossAt(trace: Trace, steps: number): number {
  if (trace.stop.reason !== "maxSteps" && trace.lr.length < steps) return Infinity;
  return trace.loss[steps];
}

export function BudgetRace({ objective, start, maxSteps }: BudgetRaceOptions, racers: readonly Racer[]): BudgetRace {
  // Resolved once (a typed expression is compiled once), not once per run.
  const resolved: Objective = resolveObjective(objective);
  const runs: { racer: Racer; candidates: { lr: number; trace: Trace }[] }[] = [];
  let ms = 0;
  const run = (racer: Racer, lr: number) =>
    runOptimizer({ objective, start: [...start], steps: maxSteps, optimizer: { ...racer.optimizer, lr } as OptimizerSpec }, resolved);
  return {
    racers,
    maxSteps,
    get ready() {
      return runs.length;
    },
    get ms() {
      return ms;
    },
    work(sliceMs = 0) {
      const t0 = performance.now();
      do {
        const racer = racers[runs.length];
        if (!racer) break;
        const lrs = racer.optimizer.lr === undefined ? lrCandidates : [racer.optimizer.lr];
        runs.push({ racer, candidates: lrs.map((lr) => ({ lr, trace: run(racer, lr) })) });
      } while (performance.now() - t0 < sliceMs);
      ms += performance.now() - t0;
      return runs.length;
    },
    at(budget) {
      if (!(Number.isInteger(budget) && budget >= 1 && budget <= maxSteps)) throw new Error(`budget must be an integer from 1 to ${maxSteps}`);
      return runs.map(({ racer, candidates }) => {
        // tuneLr's rule: the lowest final loss, ties to the first (smaller) candidate.
        let best = candidates[0];
        for (const c of candidates) if (finalLossAt(c.trace, budget) < finalLossAt(best.trace, budget)) best = c;
        return { label: racer.label, lr: best.lr, tuned: racer.optimizer.lr === undefined, trace: truncateTrace(best.trace, budget) };
      });
    },
  };
}
