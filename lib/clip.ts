// Gradient clipping on a flat gradient, as torch.nn.utils.clip_grad_norm_ / clip_grad_value_ (torch 1.13).

/** L2 norm of a vector. */
export function l2Norm(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; ++i) sum += v[i] * v[i];
  return Math.sqrt(sum);
}

/** Scales `grad` in place by min(1, maxNorm / (‖grad‖ + 1e-6)); returns the norm before clipping. */
export function clipByGlobalNorm(grad: Float64Array, maxNorm: number, norm = l2Norm(grad)): number {
  const coef = maxNorm / (norm + 1e-6);
  if (coef < 1) for (let i = 0; i < grad.length; ++i) grad[i] *= coef;
  return norm;
}

/** Clamps every coordinate of `grad` in place to [−value, value]. */
export function clipByValue(grad: Float64Array, value: number): void {
  for (let i = 0; i < grad.length; ++i) grad[i] = Math.min(value, Math.max(-value, grad[i]));
}
