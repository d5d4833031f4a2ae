// Second-order test for a point of a function of two variables: the eigenvalues of its symmetric 2×2 Hessian.
import type { Hessian } from "../objectives/expression/index.js";

export type CriticalKind = "minimum" | "maximum" | "saddle" | "degenerate";

export interface CurvatureReport {
  /** Eigenvalues, smallest first. */
  eigenvalues: [number, number];
  /** Unit eigenvectors, in the order of `eigenvalues`. */
  eigenvectors: [[number, number], [number, number]];
  /** What the second-order test says a critical point with this Hessian is. */
  kind: CriticalKind;
}

/** Eigen-decomposition of [[a, b], [b, c]] in closed form (stable for b = 0). */
export function symmetricEigen([[a, b], [, c]]: Hessian): Pick<CurvatureReport, "eigenvalues" | "eigenvectors"> {
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  const low = mean - radius;
  const high = mean + radius;
  // The eigenvector of `high` makes angle θ with the x axis, tan 2θ = 2b / (a − c).
  const theta = 0.5 * Math.atan2(2 * b, a - c);
  const v: [number, number] = [Math.cos(theta), Math.sin(theta)];
  return { eigenvalues: [low, high], eigenvectors: [[-v[1], v[0]], v] };
}

/**
 * Classifies a critical point by the signs of its Hessian's eigenvalues. An eigenvalue within `tolerance`
 * (relative to the largest magnitude, or absolute when both are tiny) counts as zero: the test is then silent.
 */
export function classifyHessian(hessian: Hessian, tolerance = 1e-9): CurvatureReport {
  const { eigenvalues, eigenvectors } = symmetricEigen(hessian);
  const scale = Math.max(1, Math.abs(eigenvalues[0]), Math.abs(eigenvalues[1]));
  const sign = (v: number) => (Math.abs(v) <= tolerance * scale ? 0 : Math.sign(v));
  const [s0, s1] = eigenvalues.map(sign);
  const kind: CriticalKind =
    s0 === 0 || s1 === 0 ? "degenerate" : s0 > 0 && s1 > 0 ? "minimum" : s0 < 0 && s1 < 0 ? "maximum" : "saddle";
  return { eigenvalues, eigenvectors, kind };
}
