// The gradient at a point, read as geometry: its partials, its length (the steepness), the uphill
// direction it points in and the contour line it is perpendicular to; and a field of gradients on a grid.

/** Anything with an exact gradient in the registry's form: a test function or a compiled expression. */
export interface Differentiable {
  f(x: number, y: number): number;
  /** Writes ∂f/∂x into out[0] and ∂f/∂y into out[1]. */
  grad(x: number, y: number, out: Float64Array): void;
}

export interface GradientProbe {
  x: number;
  y: number;
  value: number;
  /** ∂f/∂x and ∂f/∂y. */
  dfdx: number;
  dfdy: number;
  /** |∇f|: the slope along the steepest way up. */
  norm: number;
  /** ∇f / |∇f|, the steepest way up; [0, 0] at a critical point. */
  uphill: [number, number];
  /** A unit vector along the contour line through the point: perpendicular to the gradient. */
  tangent: [number, number];
}

/** ∇f at (x, y) as [∂f/∂x, ∂f/∂y]. */
export function gradientAt(fn: Differentiable, x: number, y: number): [number, number] {
  const out = new Float64Array(2);
  fn.grad(x, y, out);
  return [out[0], out[1]];
}

export function probeGradient(fn: Differentiable, x: number, y: number): GradientProbe {
  const [dfdx, dfdy] = gradientAt(fn, x, y);
  const norm = Math.hypot(dfdx, dfdy);
  const uphill: [number, number] = norm > 0 ? [dfdx / norm, dfdy / norm] : [0, 0];
  // Turning the gradient a quarter turn gives the direction in which f does not change to first order.
  const tangent: [number, number] = [-uphill[1], uphill[0]];
  return { x, y, value: fn.f(x, y), dfdx, dfdy, norm, uphill, tangent };
}

/** The rate of change of f along the unit direction `u`: ∇f · u. */
export function directionalDerivative(probe: GradientProbe, u: readonly [number, number]): number {
  return probe.dfdx * u[0] + probe.dfdy * u[1];
}

export interface FieldArrow {
  x: number;
  y: number;
  dfdx: number;
  dfdy: number;
  norm: number;
}

/** Gradients at the centres of a columns × rows grid over the box; non-finite ones are left out. */
export function gradientField(
  fn: Differentiable,
  box: { x: readonly [number, number]; y: readonly [number, number] },
  columns = 15,
  rows = columns,
): FieldArrow[] {
  const out = new Float64Array(2);
  const arrows: FieldArrow[] = [];
  for (let j = 0; j < rows; ++j) {
    const y = box.y[0] + ((j + 0.5) / rows) * (box.y[1] - box.y[0]);
    for (let i = 0; i < columns; ++i) {
      const x = box.x[0] + ((i + 0.5) / columns) * (box.x[1] - box.x[0]);
      fn.grad(x, y, out);
      const norm = Math.hypot(out[0], out[1]);
      if (Number.isFinite(norm)) arrows.push({ x, y, dfdx: out[0], dfdy: out[1], norm });
    }
  }
  return arrows;
}
