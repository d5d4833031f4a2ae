// A learning-rate sweep for every step budget up to a maximum, from one run per rate.
// Plain descent is deterministic and none of these runs stops early except by diverging, so a run of n steps is the
// first n steps of a longer one: run each rate once for `maxSteps`, and read the sweep at any budget off the prefixes.
// Moving a slider of the budget then reclassifies 80 short curves instead of redoing 80 runs.
import { runOptimizer } from "../lib/index.js";
import { classifyLossCurve } from "../lib/analysis/lossCurve.js";
import type { SweepPoint } from "../lib/analysis/sweep.js";
import type { Objective, RunSpec, Trace } from "../lib/types.js";

/** The first `steps` steps of `trace`, as `runOptimizer` with `steps` would have returned them (stop included). */
export function tracePrefix(trace: Trace, steps: number): Pick<Trace, "path" | "loss" | "stop"> {
  if (trace.stop.reason === "diverged" && trace.stop.step < steps) return trace;
  if (trace.stop.reason !== "maxSteps" && trace.stop.reason !== "diverged") throw new Error(`a run that stopped early (${trace.stop.reason}) has no prefixes to read`);
  return {
    path: trace.path.slice(0, steps + 1),
    loss: trace.loss.slice(0, steps + 1),
    stop: { reason: "maxSteps", step: steps, message: `took all ${steps} steps` },
  };
}

/**
 * `sweepLearningRate(lr => spec(lr, steps), lrs, objective)` for any `steps` ≤ `maxSteps`, equal point for point,
 * with the runs done once here. `spec` must describe a run whose first steps do not depend on how many follow (no
 * schedule stretched over the budget) and that stops only when its steps run out or it diverges (no tolerance or
 * early stopping: reading such a run throws).
 */
export function budgetSweep(spec: (lr: number, steps: number) => RunSpec, lrs: readonly number[], maxSteps: number, objective?: Objective): (steps: number) => SweepPoint[] {
  const runs = lrs.map((lr) => ({ lr, trace: runOptimizer(spec(lr, maxSteps), objective) }));
  const memo = new Map<number, SweepPoint[]>();
  return (steps: number) => {
    if (!Number.isInteger(steps) || steps < 0 || steps > maxSteps) throw new RangeError(`the budget ${steps} is not a whole number of steps from 0 to ${maxSteps}`);
    let points = memo.get(steps);
    if (!points) {
      points = runs.map(({ lr, trace }) => {
        const prefix = tracePrefix(trace, steps);
        const regime = classifyLossCurve(prefix as Trace).regime;
        return { lr, finalLoss: prefix.loss[prefix.loss.length - 1], regime, stop: prefix.stop };
      });
      memo.set(steps, points);
    }
    return points;
  };
}
