// AdaGrad as torch.optim.Adagrad: the lr decays with the step count, clr = lr / (1 + (t − 1)·lrDecay).
import type { Optimizer, OptimizerSpec, OptimizerState } from "../types.js";

export type AdagradOptions = Omit<Extract<OptimizerSpec, { name: "adagrad" }>, "name" | "lr">;

export function adagrad({ lrDecay = 0, initialAccumulatorValue = 0, eps = 1e-10, weightDecay = 0 }: AdagradOptions = {}): Optimizer {
  const decayedLr = (lr: number, t: number) => lr / (1 + (t - 1) * lrDecay);
  return {
    name: "adagrad",
    init(dim: number): OptimizerState {
      return { step: 0, buffers: { sum: new Float64Array(dim).fill(initialAccumulatorValue) } };
    },
    step(params, grad, lr, state) {
      const { sum } = state.buffers;
      const n = params.length;
      // #region update
      const clr = decayedLr(lr, ++state.step); // once per step: lr / (1 + (t − 1)·lrDecay)
      for (let i = 0; i < n; ++i) {
        const g = grad[i] + weightDecay * params[i];
        sum[i] += g * g;
        params[i] -= (clr * g) / (Math.sqrt(sum[i]) + eps);
      }
      // #endregion
    },
    inspect(state, lr) {
      const clr = decayedLr(lr, Math.max(1, state.step));
      return { effectiveLr: state.buffers.sum.map((s) => clr / (Math.sqrt(s) + eps)) };
    },
  };
}
