// Adam (Kingma & Ba) with PyTorch's placement of eps: θ −= lr · m̂ / (√v̂ + eps), eps outside the root.
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
  // Added to the gradient (L2, adam) or not at all: g + 0·θ is g for every finite θ.
  const l2 = decoupledWeightDecay ? 0 : weightDecay;
  return {
    name,
    init(dim: number): OptimizerState {
      const buffers: Record<string, Float64Array> = { expAvg: new Float64Array(dim), expAvgSq: new Float64Array(dim) };
      if (amsgrad) buffers.maxExpAvgSq = new Float64Array(dim);
      return { step: 0, buffers };
    },
    step(params, grad, lr, state) {
      const { expAvg: m, expAvgSq: v, maxExpAvgSq: vMax } = state.buffers;
      const t = ++state.step;
      const n = params.length;
      // Both bias corrections fold into two numbers per step (Kingma & Ba, end of §2), leaving one square root and
      // one division per coordinate: lr·m̂/(√v̂ + eps) = stepSize·m/(√v + epsHat). Equal to PyTorch's
      // lr/(1−β₁ᵗ)·m/(√v/√(1−β₂ᵗ) + eps) up to rounding.
      // #region update
      const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** t);
      const stepSize = (lr * biasCorrection2Sqrt) / (1 - beta1 ** t);
      const epsHat = eps * biasCorrection2Sqrt;
      const decay = decoupledWeightDecay ? 1 - lr * weightDecay : 1; // AdamW shrinks θ; 1 for Adam
      for (let i = 0; i < n; ++i) {
        const g = grad[i] + l2 * params[i]; // Adam's weight decay joins the gradient; l2 = 0 for AdamW
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        const vUsed = amsgrad ? (vMax[i] = Math.max(vMax[i], v[i])) : v[i];
        params[i] = decay * params[i] - (stepSize * m[i]) / (Math.sqrt(vUsed) + epsHat);
      }
      // #endregion
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
