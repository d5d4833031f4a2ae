// Reads a loss curve the way 000 teaches: is it still falling, settled, bouncing, or blowing up?
// The verdict comes from the trace alone (its losses, its steps and its stop), never from the learning rate.
import type { Trace } from "../types.js";

export type LossRegime = "slow" | "converging" | "oscillating" | "diverging";

export const regimeNames: Record<LossRegime, string> = {
  slow: "decreasing slowly",
  converging: "converging",
  oscillating: "oscillating",
  diverging: "diverging",
};

export interface LossCurveReading {
  regime: LossRegime;
  /** One sentence saying what in the trace decided the regime. */
  evidence: string;
}

export interface LossCurveOptions {
  /** Settled means the last quarter of the run removed less than this share of the total drop. */
  settledShare?: number;
  /** Oscillating means some coordinate's step reverses direction in at least this share of consecutive steps. */
  flipShare?: number;
}

/**
 * Diverging: the run left the finite numbers or ended above its starting loss.
 * Oscillating: in some coordinate, consecutive steps point opposite ways most of the time (the iterate jumps over the minimum).
 * Converging: the curve has flattened — the last quarter of the steps did almost none of the work.
 * Decreasing slowly: still falling at the end, so more steps (or a larger η) would still pay.
 */
export function classifyLossCurve(trace: Trace, { settledShare = 0.01, flipShare = 0.8 }: LossCurveOptions = {}): LossCurveReading {
  const { loss, stop } = trace;
  const n = loss.length - 1;
  if (stop.reason === "diverged") return { regime: "diverging", evidence: `the loss left the finite numbers: diverged at step ${stop.step}` };
  if (n < 1) return { regime: "slow", evidence: "no step was taken" };
  if (loss[n] > loss[0]) return { regime: "diverging", evidence: `the loss ended above where it started (${fmt(loss[0])} → ${fmt(loss[n])})` };
  const flips = stepReversals(trace.path);
  if (flips.pairs >= 3 && flips.reversed >= flipShare * flips.pairs) {
    return { regime: "oscillating", evidence: `the step in ${flips.coordinate} reversed direction ${flips.reversed} times in ${flips.pairs}` };
  }
  const drop = loss[0] - loss[n];
  const lateDrop = loss[Math.floor((3 * n) / 4)] - loss[n];
  if (drop > 0 && (loss[n] === 0 || lateDrop <= settledShare * drop)) {
    return { regime: "converging", evidence: `the last quarter of the steps removed ${pct(lateDrop / drop)} of the total drop: the curve has flattened` };
  }
  return { regime: "slow", evidence: drop > 0 ? `the last quarter of the steps still removed ${pct(lateDrop / drop)} of the total drop` : "the loss did not fall" };
}

/** The coordinate whose steps most often reverse direction, with how often (zero steps are skipped). */
export function stepReversals(path: readonly (readonly number[])[]): { coordinate: string; reversed: number; pairs: number } {
  const dim = path[0]?.length ?? 0;
  let best = { coordinate: "x", reversed: 0, pairs: 0, share: -1 };
  for (let i = 0; i < dim; ++i) {
    let [reversed, pairs, previous] = [0, 0, 0];
    for (let k = 1; k < path.length; ++k) {
      const step = path[k][i] - path[k - 1][i];
      if (step === 0) continue;
      if (previous !== 0) [pairs, reversed] = [pairs + 1, reversed + (Math.sign(step) !== Math.sign(previous) ? 1 : 0)];
      previous = step;
    }
    const share = pairs === 0 ? 0 : reversed / pairs;
    if (share > best.share) best = { coordinate: coordinateName(i, dim), reversed, pairs, share };
  }
  return { coordinate: best.coordinate, reversed: best.reversed, pairs: best.pairs };
}

function coordinateName(i: number, dim: number): string {
  return dim <= 2 ? ["x", "y"][i] : `θ${i + 1}`;
}

const pct = (share: number) => (share < 1e-4 ? "less than 0.01%" : `${Number((100 * share).toPrecision(2))}%`);
const fmt = (v: number) => (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4) ? v.toExponential(3) : String(Number(v.toPrecision(4))));
