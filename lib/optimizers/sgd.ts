// Stochastic gradient descent with heavy-ball or Nesterov momentum: torch.optim.SGD's single-tensor path.
// Weight decay is added unconditionally: g + 0·θ is g for every finite θ, and the loop has one branch fewer.
import type { Optimizer, OptimizerSpec, OptimizerState } from "../types.js";

export type SgdOptions = Omit<Extract<OptimizerSpec, { name: "sgd" }>, "name" | "lr" | "maximize">;

export function sgd({ momentum = 0, dampening = 0, nesterov = false, weightDecay = 0 }: SgdOptions = {}): Optimizer {
  return {
    name: "sgd",
    init(dim: number): OptimizerState {
      return { step: 0, buffers: momentum !== 0 ? { momentumBuffer: new Float64Array(dim) } : {} };
    },
    step(params, grad, lr, state) {
      const buf = state.buffers.momentumBuffer;
      const first = state.step++ === 0; // PyTorch seeds the buffer with the first (undampened) gradient
      const n = params.length;
      // #region update
      for (let i = 0; i < n; ++i) {
        let d = grad[i] + weightDecay * params[i];
        if (momentum !== 0) {
          buf[i] = first ? d : momentum * buf[i] + (1 - dampening) * d;
          d = nesterov ? d + momentum * buf[i] : buf[i];
        }
        params[i] -= lr * d;
      }
      // #endregion
    },
    inspect(state, lr): Record<string, Float64Array> {
      const buf = state.buffers.momentumBuffer;
      // Velocity: the displacement the momentum buffer alone contributes to one step.
      return buf ? { velocity: buf.map((b) => -lr * b) } : {};
    },
  };
}
