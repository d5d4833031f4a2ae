// The exact minimiser of the mean squared error of a linear model, for checking gradient descent.
import type { DatasetSpec } from "../types.js";
import { featureMatrix, targetVector } from "./design.js";

/**
 * Ordinary least squares: the params [w1..wd, b] minimising mean((w·x + b − y)²).
 * Solved by Householder QR of [X 1], which stays accurate where the normal equations
 * (XᵀX)β = Xᵀy would square the condition number (polynomial features).
 */
export function leastSquares(x: DatasetSpec["x"], y: ArrayLike<number>): number[] {
  const { n, d, data } = featureMatrix(x, "x");
  const rhs = targetVector(y, n, "y");
  const p = d + 1;
  if (n < p) throw new Error(`leastSquares needs at least ${p} samples for ${d} feature(s) and a bias (got ${n})`);
  // Column-major copy of [X 1]: a[j*n + i] is row i of column j.
  const a = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) a[j * n + i] = data[i * d + j];
    a[d * n + i] = 1;
  }
  const columnScale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) columnScale[j] += a[j * n + i] ** 2;
    columnScale[j] = Math.sqrt(columnScale[j]);
  }
  const diag = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let norm = 0;
    for (let i = k; i < n; i++) norm += a[k * n + i] ** 2;
    norm = Math.sqrt(norm);
    if (norm <= 1e-12 * columnScale[k]) {
      throw new Error(`leastSquares: feature ${k < d ? k + 1 : "bias"} is a combination of the others (collinear features); drop or standardise it`);
    }
    const alpha = a[k * n + k] > 0 ? -norm : norm;
    a[k * n + k] -= alpha; // the column below the diagonal is now the Householder vector v
    let vv = 0;
    for (let i = k; i < n; i++) vv += a[k * n + i] ** 2;
    const reflect = (col: Float64Array, offset: number) => {
      let s = 0;
      for (let i = k; i < n; i++) s += a[k * n + i] * col[offset + i];
      s = (2 * s) / vv;
      for (let i = k; i < n; i++) col[offset + i] -= s * a[k * n + i];
    };
    for (let j = k + 1; j < p; j++) reflect(a, j * n);
    reflect(rhs, 0);
    diag[k] = alpha;
  }
  // Back-substitution in R β = Qᵀy; R's strict upper triangle sits in a, its diagonal in diag.
  const beta = new Array<number>(p);
  for (let k = p - 1; k >= 0; k--) {
    let s = rhs[k];
    for (let j = k + 1; j < p; j++) s -= a[j * n + k] * beta[j];
    beta[k] = s / diag[k];
  }
  return beta;
}
