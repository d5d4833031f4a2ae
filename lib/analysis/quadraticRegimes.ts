// Gradient descent on a quadratic with curvature L: each step multiplies the distance to the minimum by 1 − ηL.
// |1 − ηL| < 1 converges; 1 − ηL < 0 (η > 1/L) flips the iterate to the other side; |1 − ηL| > 1 (η > 2/L) diverges.

export interface QuadraticRegimes {
  /** Above this η the iterate overshoots the minimum and changes sign every step. */
  oscillationFrom: number;
  /** Above this η every step lands farther from the minimum than the last. */
  divergenceFrom: number;
}

export function quadraticRegimes(curvature: number): QuadraticRegimes {
  if (!(curvature > 0 && Number.isFinite(curvature))) throw new Error(`curvature must be a positive number (got ${curvature})`);
  return { oscillationFrom: 1 / curvature, divergenceFrom: 2 / curvature };
}

/** The factor 1 − ηL by which one step scales the distance to the minimum (loss scales by its square). */
export function stepFactor(lr: number, curvature: number): number {
  return 1 - lr * curvature;
}
