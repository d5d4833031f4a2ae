// Dataset objectives: a model (linear, polynomial, logistic) and a loss (MSE, MAE, cross-entropy),
// averaged over all samples or over a mini-batch of sample indices.
//
// Parameter order, every model: weights first, bias last.
//   linear      [w1..wd, b]          ŷ = w·x + b
//   polynomial  [c1..cdegree, c0]    ŷ = c1·x + c2·x² + … + c0   (one feature)
//   logistic    [w1..wd, b]          P(y = 1) = σ(w·x + b)
// Losses follow PyTorch: mse is MSELoss (mean of r², no ½, so ∂/∂ŷ = 2r), mae is L1Loss (mean of |r|,
// subgradient sign(r) with sign(0) = 0), crossEntropy is BCEWithLogitsLoss (softplus(z) − y·z).
import type { DatasetSpec, LossName, ModelSpec, Objective } from "../types.js";
import { checkDegree, featureMatrix, polynomialFeatures, targetVector, type FeatureMatrix } from "./design.js";

export { leastSquares } from "./leastSquares.js";
export { standardize, toOriginalUnits, unstandardize, type Scale } from "./standardize.js";
export { polynomialFeatures, MAX_DEGREE } from "./design.js";

export interface RegressionSpec {
  dataset: DatasetSpec;
  model: ModelSpec;
  loss: LossName;
}

const LOSSES_FOR: Record<ModelSpec["kind"], readonly LossName[]> = {
  linear: ["mse", "mae"],
  polynomial: ["mse", "mae"],
  logistic: ["crossEntropy"],
};

// Why a loss does not fit a model, for the error message.
const NEEDS_REAL_LOSS = "cross-entropy compares a probability with a 0/1 label, and this model outputs any real number; use model logistic for 0/1 targets";
const WHY_NOT: Record<ModelSpec["kind"], string> = {
  linear: NEEDS_REAL_LOSS,
  polynomial: NEEDS_REAL_LOSS,
  logistic: "the logistic model outputs a probability, scored by cross-entropy (squared or absolute error on σ(z) gives a non-convex, flat-tailed loss)",
};

/** Builds the mean loss of `model` on `dataset` as an Objective of dim = features + 1. */
export function regressionObjective(spec: RegressionSpec): Objective {
  const { loss } = spec;
  const { features, targets } = prepare(spec);
  if (!LOSSES_FOR[spec.model.kind].includes(loss)) {
    if (!(["mse", "mae", "crossEntropy"] as unknown[]).includes(loss)) {
      throw new Error(`loss must be "mse", "mae" or "crossEntropy" (got ${JSON.stringify(loss)})`);
    }
    const allowed = LOSSES_FOR[spec.model.kind].map((l) => `"${l}"`).join(" or ");
    throw new Error(`loss "${loss}" does not fit model "${spec.model.kind}": ${WHY_NOT[spec.model.kind]}; use ${allowed}`);
  }
  const { n, d, data: X } = features;
  const dim = d + 1;

  // Mean loss over `count` samples (indices from `batch`, or 0..n-1); adds the mean gradient into grad.
  function meanLoss(params: ArrayLike<number>, grad: Float64Array | null, batch: ArrayLike<number> | undefined): number {
    const count = batch === undefined ? n : batch.length;
    if (count === 0) throw new Error("batch must hold at least one sample index");
    let total = 0;
    for (let k = 0; k < count; k++) {
      const i = batch === undefined ? k : batch[k];
      if (!(Number.isInteger(i) && i >= 0 && i < n)) {
        throw new Error(`batch[${k}] must be a sample index from 0 to ${n - 1} (got ${i})`);
      }
      const row = i * d;
      let z = params[d];
      for (let j = 0; j < d; j++) z += params[j] * X[row + j];
      const t = targets[i];
      let slope: number; // ∂(sample loss)/∂z
      if (loss === "mse") {
        const r = z - t;
        total += r * r;
        slope = 2 * r;
      } else if (loss === "mae") {
        const r = z - t;
        total += Math.abs(r);
        slope = Math.sign(r);
      } else {
        total += softplus(z) - t * z;
        slope = sigmoid(z) - t;
      }
      if (grad !== null) {
        for (let j = 0; j < d; j++) grad[j] += slope * X[row + j];
        grad[d] += slope;
      }
    }
    if (grad !== null) for (let j = 0; j < dim; j++) grad[j] /= count;
    return total / count;
  }

  return {
    dim,
    sampleCount: n,
    valueAndGrad(params, grad, batch) {
      checkLength(params, dim, "params");
      checkLength(grad, dim, "grad");
      grad.fill(0);
      return meanLoss(params, grad, batch);
    },
    value(params) {
      checkLength(params, dim, "params");
      return meanLoss(params, null, undefined);
    },
  };
}

/**
 * The model's output for one sample: ŷ for linear and polynomial, P(y = 1) for logistic.
 * `x` is a number (one feature) or a row of features.
 */
export function predict(model: ModelSpec, params: ArrayLike<number>, x: number | readonly number[]): number {
  if (model.kind === "polynomial") {
    checkDegree(model.degree);
    checkLength(params, model.degree + 1, "params");
    const v = typeof x === "number" ? x : singleFeature(x);
    let p = params[model.degree - 1]; // Horner, from c_degree down to c1; c0 is last in params
    for (let k = model.degree - 2; k >= 0; k--) p = p * v + params[k];
    return p * v + params[model.degree];
  }
  const row = typeof x === "number" ? [x] : x;
  checkLength(params, row.length + 1, "params");
  const z = score(params, row);
  return model.kind === "logistic" ? sigmoid(z) : z;
}

/** Residuals yᵢ − ŷᵢ (for logistic, yᵢ − P(yᵢ = 1)), one per sample, in dataset order. */
export function residuals(spec: { dataset: DatasetSpec; model: ModelSpec }, params: ArrayLike<number>): number[] {
  const { features, targets } = prepare(spec);
  const { n, d, data } = features;
  checkLength(params, d + 1, "params");
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const z = score(params, data.subarray(i * d, i * d + d));
    out[i] = targets[i] - (spec.model.kind === "logistic" ? sigmoid(z) : z);
  }
  return out;
}

/** log(1 + eᶻ) without overflow. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** 1 / (1 + e⁻ᶻ) without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

// Validates the dataset for the model and expands polynomial inputs into [x, x², …].
function prepare(spec: { dataset: DatasetSpec; model: ModelSpec }): { features: FeatureMatrix; targets: Float64Array } {
  const { dataset, model } = spec;
  if (dataset === null || typeof dataset !== "object") throw new Error("dataset must be an object { x, y }");
  if (model === null || typeof model !== "object" || !Object.hasOwn(LOSSES_FOR, model.kind)) {
    throw new Error(`model.kind must be "linear", "polynomial" or "logistic" (got ${JSON.stringify(model?.kind)})`);
  }
  let features = featureMatrix(dataset.x);
  const targets = targetVector(dataset.y, features.n);
  if (model.kind === "polynomial") {
    checkDegree(model.degree);
    if (features.d !== 1) {
      throw new Error(`a polynomial model takes one feature per sample (dataset.x[0] has ${features.d}); pass x as a list of numbers`);
    }
    features = featureMatrix(polynomialFeatures(features.data, model.degree));
  }
  if (model.kind === "logistic") {
    const bad = targets.findIndex((t) => t !== 0 && t !== 1);
    if (bad >= 0) {
      throw new Error(`logistic regression needs targets 0 or 1 (dataset.y[${bad}] is ${targets[bad]}); threshold the target first`);
    }
  }
  return { features, targets };
}

function score(params: ArrayLike<number>, row: ArrayLike<number>): number {
  let z = params[row.length];
  for (let j = 0; j < row.length; j++) z += params[j] * row[j];
  return z;
}

function singleFeature(row: readonly number[]): number {
  if (row.length !== 1) throw new Error(`a polynomial model takes one feature (got a row of ${row.length})`);
  return row[0];
}

function checkLength(a: ArrayLike<number>, dim: number, name: string): void {
  if (a == null || a.length !== dim) {
    throw new Error(`${name} must have ${dim} numbers, weights then bias (got ${a == null ? a : a.length})`);
  }
}
