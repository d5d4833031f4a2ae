// A deep chain of small dense layers, h_l = φ(W_l h_{l−1}), with a squared-error loss at the end and exact
// backpropagation: the gradient reaching each layer shrinks or grows by a factor per layer, which is the
// vanishing or exploding gradient. Weights are drawn N(0, scale²/width) from a seeded source.
import type { Objective } from "../types.js";
import { gaussian, seededSource } from "../random.js";

export type Activation = "tanh" | "sigmoid" | "linear";

export interface ChainSpec {
  depth: number;
  width: number;
  activation: Activation;
  /** Weights are scale/√width times standard normals: 1 keeps a linear chain's signal the same size on average. */
  weightScale: number;
  seed?: number;
}

export interface LayerGradient {
  /** 1 is the layer next to the input, depth the one next to the loss. */
  layer: number;
  /** Frobenius norm of ∂loss/∂W_l, what a descent step uses (0 or ∞ in floating point are possible; draw the finite, positive ones). */
  gradNorm: number;
  /** Norm of the error signal δ_l = ∂loss/∂h_l backpropagated to the layer's output. */
  signalNorm: number;
}

/** The chain as an Objective over its weights (depth·width² parameters, layer by layer, row-major). */
export interface ChainObjective extends Objective {
  readonly spec: ChainSpec;
  /** The seeded initial weights. */
  readonly initial: Float64Array;
  /** ∂loss/∂W_l for every layer at `weights`. */
  layerGradients(weights: Float64Array): LayerGradient[];
}

export function chainObjective(spec: ChainSpec): ChainObjective {
  const { depth: L, width: n, activation } = spec;
  if (!(Number.isInteger(L) && L >= 1)) throw new Error(`depth must be a positive integer (got ${L})`);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`width must be a positive integer (got ${n})`);
  if (!(spec.weightScale > 0)) throw new Error(`weightScale must be a positive number (got ${spec.weightScale})`);
  if (!["tanh", "sigmoid", "linear"].includes(activation)) throw new Error(`activation must be "tanh", "sigmoid" or "linear" (got ${String(activation)})`);

  const normal = gaussian(seededSource(spec.seed ?? 0), 1);
  const input = Float64Array.from({ length: n }, () => normal());
  const target = new Float64Array(n).fill(0.5);
  const initial = Float64Array.from({ length: L * n * n }, () => (normal() * spec.weightScale) / Math.sqrt(n));

  // Buffers reused by every evaluation: h[l] is layer l's output (h[0] the input).
  const h = Array.from({ length: L + 1 }, (_, l) => (l === 0 ? input : new Float64Array(n)));
  const delta = new Float64Array(n);
  const next = new Float64Array(n);
  const gz = new Float64Array(n);

  // The activation as a number, so the loops below branch on it instead of calling through a table (3–4 times faster
  // on a chain this small, where the calls cost more than the arithmetic).
  const kind = activation === "linear" ? 0 : activation === "tanh" ? 1 : 2;

  function forward(w: ArrayLike<number>): number {
    for (let l = 1; l <= L; ++l) {
      const offset = (l - 1) * n * n;
      const below = h[l - 1];
      const out = h[l];
      for (let i = 0; i < n; ++i) {
        let s = 0;
        const row = offset + i * n;
        for (let j = 0; j < n; ++j) s += w[row + j] * below[j];
        out[i] = kind === 0 ? s : kind === 1 ? Math.tanh(s) : 1 / (1 + Math.exp(-s));
      }
    }
    let loss = 0;
    for (let i = 0; i < n; ++i) {
      const error = h[L][i] - target[i];
      loss += 0.5 * error * error;
    }
    return loss;
  }

  /** Backpropagates from the loss; writes ∂loss/∂W into grad, and with `layers` each layer's norms. */
  function backward(w: ArrayLike<number>, grad: Float64Array | undefined, layers?: LayerGradient[]): void {
    for (let i = 0; i < n; ++i) delta[i] = h[L][i] - target[i];
    for (let l = L; l >= 1; --l) {
      const offset = (l - 1) * n * n;
      const out = h[l];
      const below = h[l - 1];
      let gzSq = 0;
      let hSq = 0;
      let deltaSq = 0;
      for (let i = 0; i < n; ++i) {
        deltaSq += delta[i] * delta[i];
        // φ'(z) from the output: 1, 1 − tanh², σ(1 − σ).
        gz[i] = kind === 0 ? delta[i] : kind === 1 ? delta[i] * (1 - out[i] * out[i]) : delta[i] * (out[i] * (1 - out[i]));
        gzSq += gz[i] * gz[i];
        hSq += below[i] * below[i];
      }
      // ‖g hᵀ‖_F = ‖g‖·‖h‖
      if (layers) layers[l - 1] = { layer: l, gradNorm: Math.sqrt(gzSq * hSq), signalNorm: Math.sqrt(deltaSq) };
      if (grad) for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) grad[offset + i * n + j] = gz[i] * below[j];
      for (let j = 0; j < n; ++j) next[j] = 0;
      for (let i = 0; i < n; ++i) {
        const row = offset + i * n;
        for (let j = 0; j < n; ++j) next[j] += w[row + j] * gz[i];
      }
      delta.set(next);
    }
  }

  return {
    spec,
    dim: L * n * n,
    initial,
    value: forward,
    valueAndGrad(weights, grad) {
      const loss = forward(weights);
      backward(weights, grad);
      return loss;
    },
    layerGradients(weights) {
      forward(weights);
      const layers: LayerGradient[] = new Array(L);
      backward(weights, undefined, layers);
      return layers;
    },
  };
}

/** The gradient norm of every layer at the seeded initial weights. */
export function layerGradientNorms(spec: ChainSpec): LayerGradient[] {
  const chain = chainObjective(spec);
  return chain.layerGradients(chain.initial);
}

/**
 * How much the error signal grows (> 1) or shrinks (< 1) per layer on its way back to the input: the geometric
 * mean of the ratio between neighbouring layers, from the last layer to the first.
 */
export function perLayerFactor(gradients: readonly LayerGradient[]): number {
  if (gradients.length < 2) return 1;
  const first = gradients[0].signalNorm;
  const last = gradients[gradients.length - 1].signalNorm;
  return (first / last) ** (1 / (gradients.length - 1));
}

/** Per-layer Frobenius norms of a full gradient over the chain's weights (e.g. after clipping it). */
export function layerNorms(spec: Pick<ChainSpec, "depth" | "width">, grad: ArrayLike<number>): number[] {
  const block = spec.width * spec.width;
  return Array.from({ length: spec.depth }, (_, l) => {
    let sum = 0;
    for (let k = l * block; k < (l + 1) * block; ++k) sum += grad[k] * grad[k];
    return Math.sqrt(sum);
  });
}
