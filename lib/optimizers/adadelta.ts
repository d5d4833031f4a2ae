// Adadelta (Zeiler) as torch.optim.Adadelta, which keeps an lr (default 1.0) multiplying Zeiler's unit-correct step.
// One square root of the ratio where PyTorch takes two and divides: the same number up to rounding, half the roots.
import type { Optimizer, OptimizerSpec, OptimizerState } from "../types.js";

export type AdadeltaOptions = Omit<Extract<OptimizerSpec, { name: "adadelta" }>, "name" | "lr">;

export function adadelta({ rho = 0.9, eps = 1e-6, weightDecay = 0 }: AdadeltaOptions = {}): Optimizer {
  return {
    name: "adadelta",
    init(dim: number): OptimizerState {
      return { step: 0, buffers: { squareAvg: new Float64Array(dim), accDelta: new Float64Array(dim) } };
    },
    step(params, grad, lr, state) {
      const { squareAvg, accDelta } = state.buffers;
      const n = params.length;
      // #region update
      for (let i = 0; i < n; ++i) {
        const g = grad[i] + weightDecay * params[i];
        squareAvg[i] = rho * squareAvg[i] + (1 - rho) * g * g;
        const delta = Math.sqrt((accDelta[i] + eps) / (squareAvg[i] + eps)) * g; // RMS[Δθ] / RMS[g] · g
        accDelta[i] = rho * accDelta[i] + (1 - rho) * delta * delta;
        params[i] -= lr * delta;
      }
      // #endregion
      state.step += 1;
    },
    inspect(state, lr) {
      const { squareAvg, accDelta } = state.buffers;
      // The factor the next gradient would be multiplied by, from the current accumulators.
      return { effectiveLr: squareAvg.map((s, i) => (lr * Math.sqrt(accDelta[i] + eps)) / Math.sqrt(s + eps)) };
    },
  };
}
