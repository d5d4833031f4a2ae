// Momentum in the exponential-moving-average form of the source articles: v := βv + (1−β)g, θ := θ − ηv, v₀ = 0.
// Relation to PyTorch: since v_t = (1−β)·b_t for torch's buffer b_1 = g_1, b_t = βb_{t−1} + g_t, this is exactly
// sgd({ lr: η(1−β), momentum: β }); it is NOT sgd({ lr: η, momentum: β, dampening: β }), whose first buffer is the undamped g_1.
import type { Optimizer, OptimizerSpec, OptimizerState } from "../types.js";

export type MomentumOptions = Omit<Extract<OptimizerSpec, { name: "momentum" }>, "name" | "lr">;

export function momentum({ beta = 0.9 }: MomentumOptions = {}): Optimizer {
  return {
    name: "momentum",
    init(dim: number): OptimizerState {
      return { step: 0, buffers: { velocity: new Float64Array(dim) } };
    },
    step(params, grad, lr, state) {
      const v = state.buffers.velocity;
      const n = params.length;
      // #region update
      for (let i = 0; i < n; ++i) {
        v[i] = beta * v[i] + (1 - beta) * grad[i];
        params[i] -= lr * v[i];
      }
      // #endregion
      state.step += 1;
    },
    inspect(state, lr) {
      return { velocity: state.buffers.velocity.map((v) => -lr * v) };
    },
  };
}
