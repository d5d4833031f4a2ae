// Turns a dataset's inputs and targets into flat typed arrays, with errors that name the bad entry.
import type { DatasetSpec } from "../types.js";

/** Inputs as a row-major n × d matrix: sample i's features are data[i*d .. i*d+d-1]. */
export interface FeatureMatrix {
  n: number;
  d: number;
  data: Float64Array;
}

export const MAX_DEGREE = 12;

export function featureMatrix(x: DatasetSpec["x"], field = "dataset.x"): FeatureMatrix {
  if (!Array.isArray(x) || x.length === 0) {
    throw new Error(`${field} must be a non-empty array: one number per sample, or one row of features per sample`);
  }
  const n = x.length;
  if (!Array.isArray(x[0])) {
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = finiteEntry(x[i], `${field}[${i}]`);
    return { n, d: 1, data };
  }
  const d = (x[0] as number[]).length;
  if (d === 0) throw new Error(`${field}[0] has no features; every sample needs at least one`);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = x[i];
    if (!Array.isArray(row) || row.length !== d) {
      const got = Array.isArray(row) ? `${row.length} features` : `${typeof row}`;
      throw new Error(`${field}[${i}] has ${got} but ${field}[0] has ${d}; every sample needs the same features`);
    }
    for (let j = 0; j < d; j++) data[i * d + j] = finiteEntry(row[j], `${field}[${i}][${j}]`);
  }
  return { n, d, data };
}

export function targetVector(y: ArrayLike<number>, n: number, field = "dataset.y"): Float64Array {
  const isList = Array.isArray(y) || ArrayBuffer.isView(y);
  if (!isList || y.length !== n) {
    const got = isList ? y.length : typeof y;
    throw new Error(`${field} must have one number per sample (got ${got} for ${n} samples)`);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = finiteEntry(y[i], `${field}[${i}]`);
  return out;
}

/** Rows [x, x², …, x^degree] for one feature: the order of the polynomial's params [c1..cdegree, c0]. */
export function polynomialFeatures(x: ArrayLike<number>, degree: number): number[][] {
  checkDegree(degree);
  return Array.from(x, (v, i) => {
    finiteEntry(v, `x[${i}]`);
    const row = new Array<number>(degree);
    let power = 1;
    for (let k = 0; k < degree; k++) row[k] = power *= v;
    return row;
  });
}

export function checkDegree(degree: unknown): asserts degree is number {
  if (typeof degree !== "number" || !Number.isInteger(degree) || degree < 1 || degree > MAX_DEGREE) {
    throw new Error(`model.degree must be an integer from 1 to ${MAX_DEGREE} (got ${String(degree)})`);
  }
}

function finiteEntry(v: unknown, name: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new Error(`${name} must be a finite number (got ${typeof v === "number" ? v : JSON.stringify(v)}); remove or fill that sample`);
  }
  return v;
}
