// Adam (Kingma & Ba) with PyTorch's placement of eps: θ −= lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + eps).
import type { Optimizer, OptimizerSpec, OptimizerState } from "../types.js";

export type AdamOptions = Omit<Extract<OptimizerSpec, { name: "adam" }>, "name" | "lr">;

export function adam(options: AdamOptions = {}): Optimizer {
  return adamFamily("adam", options, false);
}

/** Adam's moments with weight decay either added to the gradient (adam) or applied to the parameters (adamw). */
export function adamFamily(
  name: "adam" | "adamw",
  { betas = [0.9, 0.999], eps = 1e-8, weightDecay = name === "adamw" ? 1e-2 : 0, amsgrad = false }: AdamOptions,
  decoupledWeightDecay: boolean,
): Optimizer {
  const [beta1, beta2] = betas;
  return {
    name,
    init(dim: number): OptimizerState {
      const buffers: Record<string, Float64Array> = { expAvg: new Float64Array(dim), expAvgSq: new Float64Array(dim) };
      if (amsgrad) buffers.maxExpAvgSq = new Float64Array(dim);
      return { step: 0, buffers };
    },
    step(params, grad, lr, state) {
      const { expAvg, expAvgSq, maxExpAvgSq } = state.buffers;
      const t = ++state.step;
      const stepSize = lr / (1 - beta1 ** t);
      const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** t);
      for (let i = 0; i < params.length; ++i) {
        let g = grad[i];
        if (decoupledWeightDecay) params[i] *= 1 - lr * weightDecay;
        else if (weightDecay !== 0) g += weightDecay * params[i];
        expAvg[i] = beta1 * expAvg[i] + (1 - beta1) * g;
        expAvgSq[i] = beta2 * expAvgSq[i] + (1 - beta2) * g * g;
        let v = expAvgSq[i];
        if (amsgrad) v = maxExpAvgSq[i] = Math.max(maxExpAvgSq[i], v);
        params[i] -= (stepSize * expAvg[i]) / (Math.sqrt(v) / biasCorrection2Sqrt + eps);
      }
    },
    inspect(state, lr) {
      const { expAvg, expAvgSq, maxExpAvgSq } = state.buffers;
      const t = state.step;
      const mHat = expAvg.map((m) => m / (1 - beta1 ** t));
      const vHat = (amsgrad ? maxExpAvgSq : expAvgSq).map((v) => v / (1 - beta2 ** t));
      // The per-coordinate learning rate multiplying m̂ in the update.
      const effectiveLr = vHat.map((v) => lr / (Math.sqrt(v) + eps));
      return { mHat, vHat, effectiveLr };
    },
  };
}
