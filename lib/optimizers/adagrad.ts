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
      const clr = decayedLr(lr, ++state.step);
      for (let i = 0; i < params.length; ++i) {
        let g = grad[i];
        if (weightDecay !== 0) g += weightDecay * params[i];
        sum[i] += g * g;
        params[i] -= (clr * g) / (Math.sqrt(sum[i]) + eps);
      }
    },
    inspect(state, lr) {
      const clr = decayedLr(lr, Math.max(1, state.step));
      return { effectiveLr: state.buffers.sum.map((s) => clr / (Math.sqrt(s) + eps)) };
    },
  };
}
