// RMSProp as torch.optim.RMSprop: eps is added after the square root; momentum buffers the normalised gradient.
import type { Optimizer, OptimizerSpec, OptimizerState } from "../types.js";

export type RmspropOptions = Omit<Extract<OptimizerSpec, { name: "rmsprop" }>, "name" | "lr">;

export function rmsprop({ alpha = 0.99, eps = 1e-8, momentum = 0, centered = false, weightDecay = 0 }: RmspropOptions = {}): Optimizer {
  return {
    name: "rmsprop",
    init(dim: number): OptimizerState {
      const buffers: Record<string, Float64Array> = { squareAvg: new Float64Array(dim) };
      if (momentum > 0) buffers.momentumBuffer = new Float64Array(dim);
      if (centered) buffers.gradAvg = new Float64Array(dim);
      return { step: 0, buffers };
    },
    step(params, grad, lr, state) {
      const { squareAvg: s, momentumBuffer: buf, gradAvg: gAvg } = state.buffers;
      const n = params.length;
      // #region update
      for (let i = 0; i < n; ++i) {
        const g = grad[i] + weightDecay * params[i];
        s[i] = alpha * s[i] + (1 - alpha) * g * g;
        if (centered) gAvg[i] = alpha * gAvg[i] + (1 - alpha) * g;
        const avg = Math.sqrt(centered ? s[i] - gAvg[i] * gAvg[i] : s[i]) + eps;
        if (momentum > 0) {
          buf[i] = momentum * buf[i] + g / avg;
          params[i] -= lr * buf[i];
        } else {
          params[i] -= (lr * g) / avg;
        }
      }
      // #endregion
      state.step += 1;
    },
    inspect(state, lr) {
      const { squareAvg, gradAvg } = state.buffers;
      const effectiveLr = squareAvg.map((s, i) => lr / (Math.sqrt(centered ? s - gradAvg[i] * gradAvg[i] : s) + eps));
      return { effectiveLr };
    },
  };
}
