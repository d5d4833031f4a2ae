// Adam's moments over a recorded run, and the step they give with and without bias correction.
import type { Trace } from "../types.js";

export interface AdamMomentRow {
  /** The step count t (1-based): the values after the t-th update. */
  t: number;
  m: number;
  v: number;
  mHat: number;
  vHat: number;
  /** The displacement Adam took: η·m̂/(√v̂ + ε). */
  correctedStep: number;
  /** What the same moments would give without bias correction: η·m/(√v + ε). */
  uncorrectedStep: number;
}

/**
 * One coordinate of an Adam run recorded with `recordState` (weight decay 0). The uncorrected step is read
 * off the same moments, so it shows the size of the correction at each step, not a separate run.
 */
export function adamMoments(trace: Trace, coordinate: number, { betas = [0.9, 0.999], eps = 1e-8 }: { betas?: [number, number]; eps?: number } = {}): AdamMomentRow[] {
  const { expAvg, expAvgSq } = trace.state ?? {};
  if (!expAvg || !expAvgSq) throw new Error("adamMoments needs an adam run with recordState: true");
  const [beta1, beta2] = betas;
  return expAvg.map((mt, k) => {
    const t = k + 1;
    const m = mt[coordinate];
    const v = expAvgSq[k][coordinate];
    const mHat = m / (1 - beta1 ** t);
    const vHat = v / (1 - beta2 ** t);
    const lr = trace.lr[k];
    return { t, m, v, mHat, vHat, correctedStep: (lr * mHat) / (Math.sqrt(vHat) + eps), uncorrectedStep: (lr * m) / (Math.sqrt(v) + eps) };
  });
}
