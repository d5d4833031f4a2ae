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
      const { squareAvg, momentumBuffer, gradAvg } = state.buffers;
      for (let i = 0; i < params.length; ++i) {
        let g = grad[i];
        if (weightDecay !== 0) g += weightDecay * params[i];
        squareAvg[i] = alpha * squareAvg[i] + (1 - alpha) * g * g;
        let variance = squareAvg[i];
        if (centered) {
          gradAvg[i] = alpha * gradAvg[i] + (1 - alpha) * g;
          variance -= gradAvg[i] * gradAvg[i];
        }
        const avg = Math.sqrt(variance) + eps;
        if (momentum > 0) {
          momentumBuffer[i] = momentum * momentumBuffer[i] + g / avg;
          params[i] -= lr * momentumBuffer[i];
        } else {
          params[i] -= (lr * g) / avg;
        }
      }
      state.step += 1;
    },
    inspect(state, lr) {
      const { squareAvg, gradAvg } = state.buffers;
      const effectiveLr = squareAvg.map((s, i) => lr / (Math.sqrt(centered ? s - gradAvg[i] * gradAvg[i] : s) + eps));
      return { effectiveLr };
    },
  };
}
