// How round the MSE surface of a line ŷ = w·x + b is: its Hessian, eigenvalues and the largest stable η.
import { featureMatrix } from "../objectives/design.js";

export interface Conditioning {
  /** Hessian of mean((w·x + b − y)²) in (w, b): 2·[[mean x², mean x], [mean x, 1]] (constant: the loss is quadratic). */
  hessian: [[number, number], [number, number]];
  /** Its eigenvalues, largest first. */
  eigenvalues: [number, number];
  /** λmax / λmin: 1 is a round bowl, large is a long narrow valley. */
  condition: number;
  /** Plain gradient descent on this quadratic converges exactly when η < 2 / λmax. */
  maxStableLr: number;
  /** Per-step shrink factor of the slowest direction at learning rate η: max |1 − η·λ|. */
  contraction(lr: number): number;
}

export function mseConditioning(x: readonly number[]): Conditioning {
  const { n, d, data } = featureMatrix(x as number[], "x");
  if (d !== 1) throw new Error("mseConditioning takes one feature per sample");
  let sx = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) [sx, sxx] = [sx + data[i], sxx + data[i] ** 2];
  const [a, c, b] = [(2 * sxx) / n, 2, (2 * sx) / n];
  const mean = (a + c) / 2;
  const radius = Math.sqrt(((a - c) / 2) ** 2 + b * b);
  const eigenvalues: [number, number] = [mean + radius, mean - radius];
  return {
    hessian: [[a, b], [b, c]],
    eigenvalues,
    condition: eigenvalues[0] / eigenvalues[1],
    maxStableLr: 2 / eigenvalues[0],
    contraction: (lr) => Math.max(...eigenvalues.map((l) => Math.abs(1 - lr * l))),
  };
}
