// A learning-rate sweep: the same run at many η, each with its final loss and the regime its loss curve shows.
import type { Objective, RunSpec, Trace } from "../types.js";
import { runOptimizer } from "../run.js";
import { classifyLossCurve, type LossRegime } from "./lossCurve.js";

export interface SweepPoint {
  lr: number;
  /** Loss at the last finite point of the run. */
  finalLoss: number;
  regime: LossRegime;
  stop: Trace["stop"];
}

/**
 * Runs `spec(lr)` for every learning rate; `lrs` is usually log-spaced (convergenceMap's logSpace).
 * Pass the resolved `objective` to build it once rather than once per run.
 */
export function sweepLearningRate(spec: (lr: number) => RunSpec, lrs: readonly number[], objective?: Objective): SweepPoint[] {
  return lrs.map((lr) => {
    const trace = runOptimizer(spec(lr), objective);
    return { lr, finalLoss: trace.loss[trace.loss.length - 1], regime: classifyLossCurve(trace).regime, stop: trace.stop };
  });
}

export interface RegimeSpan {
  regime: LossRegime;
  /** η range of the span; neighbouring spans meet at the geometric mean of their closest sweep points. */
  from: number;
  to: number;
}

/** Consecutive sweep points with the same regime, merged into η ranges (points sorted by lr). */
export function regimeSpans(points: readonly SweepPoint[]): RegimeSpan[] {
  const spans: RegimeSpan[] = [];
  points.forEach((p, i) => {
    const last = spans[spans.length - 1];
    if (last && last.regime === p.regime) last.to = p.lr;
    else {
      const edge = i === 0 ? p.lr : Math.sqrt(points[i - 1].lr * p.lr);
      if (last) last.to = edge;
      spans.push({ regime: p.regime, from: edge, to: p.lr });
    }
  });
  return spans;
}
