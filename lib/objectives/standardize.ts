// Standardising features: z = (x − mean) / std. On standardised features the loss surface of a
// linear model is close to round, so one learning rate suits every coordinate.

/** The shift and scale that standardised a column. */
export interface Scale {
  mean: number;
  /** Population standard deviation (divides by N, as scikit-learn's StandardScaler). */
  std: number;
}

/** Standardises `values` to mean 0 and standard deviation 1; returns them with the scale used. */
export function standardize(values: ArrayLike<number>, name = "values"): { values: number[] } & Scale {
  const n = values.length;
  if (n === 0) throw new Error(`${name} must hold at least one number to standardise`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) throw new Error(`${name}[${i}] must be a finite number (got ${values[i]})`);
    sum += values[i];
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const std = Math.sqrt(squares / n);
  if (!(std > 0)) throw new Error(`${name} are all equal (${mean}); a constant column cannot be standardised`);
  return { values: Array.from(values, (v) => (v - mean) / std), mean, std };
}

/** Undoes `standardize`: maps standardised values back to original units. */
export function unstandardize(values: ArrayLike<number>, scale: Scale): number[] {
  return Array.from(values, (z) => z * scale.std + scale.mean);
}

/**
 * Turns linear or logistic params [w1..wd, b], fitted on standardised features (and, for linear
 * regression, optionally a standardised target), into params for the original units.
 * From y = Σ wj (xj − mj)/sj + b: original wj' = wj/sj and b' = b − Σ wj mj/sj; a target scale
 * then multiplies every coefficient by its std and adds its mean to b'.
 */
export function toOriginalUnits(params: ArrayLike<number>, xScales: Scale | readonly Scale[], yScale?: Scale): number[] {
  const scales = Array.isArray(xScales) ? xScales : [xScales as Scale];
  const d = params.length - 1;
  if (scales.length !== d) {
    throw new Error(`params must be [w1..w${scales.length}, b] for ${scales.length} feature scale(s) (got ${params.length} numbers)`);
  }
  const out = new Array<number>(d + 1);
  let b = params[d];
  for (let j = 0; j < d; j++) {
    out[j] = params[j] / scales[j].std;
    b -= out[j] * scales[j].mean;
  }
  out[d] = b;
  if (yScale) {
    for (let j = 0; j < d; j++) out[j] *= yScale.std;
    out[d] = out[d] * yScale.std + yScale.mean;
  }
  return out;
}
