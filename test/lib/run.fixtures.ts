// Inline objectives for the library's tests, independent of lib/objectives.
import type { Objective } from "../../lib/index.js";

/** f(θ) = ½ Σ λᵢ θᵢ², whose gradient is Lipschitz with L = max λᵢ. */
export function quadratic(eigenvalues: number[]): Objective {
  const value = (p: ArrayLike<number>) => eigenvalues.reduce((sum, l, i) => sum + 0.5 * l * p[i] * p[i], 0);
  return {
    dim: eigenvalues.length,
    value,
    valueAndGrad(p, grad) {
      for (let i = 0; i < p.length; ++i) grad[i] = eigenvalues[i] * p[i];
      return value(p);
    },
  };
}

/** Mean squared error of the line y = w·x + b over samples (params [w, b]); records every batch it is asked for. */
export function lineFit(xs: number[], ys: number[]): Objective & { batches: number[][] } {
  const batches: number[][] = [];
  const loss = (p: ArrayLike<number>, grad: Float64Array | undefined, indices: ArrayLike<number>) => {
    let sum = 0;
    if (grad) grad.fill(0);
    for (let k = 0; k < indices.length; ++k) {
      const i = indices[k];
      const r = p[0] * xs[i] + p[1] - ys[i];
      sum += r * r;
      if (grad) [grad[0], grad[1]] = [grad[0] + (2 * r * xs[i]) / indices.length, grad[1] + (2 * r) / indices.length];
    }
    return sum / indices.length;
  };
  const all = xs.map((_, i) => i);
  return {
    dim: 2,
    sampleCount: xs.length,
    batches,
    value: (p) => loss(p, undefined, all),
    valueAndGrad(p, grad, batch) {
      if (batch) batches.push(Array.from(batch));
      return loss(p, grad, batch ?? all);
    },
  };
}
