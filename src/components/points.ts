// Drawing safety: what reaches an SVG is finite and within a box around the view, whatever a run produced.

/** An axis-aligned box in data coordinates. */
export interface Box {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** A point ready to draw: `step` is its index in the path; `clamped` when it lay outside the drawing box. */
export interface DrawPoint {
  x: number;
  y: number;
  step: number;
  clamped: boolean;
}

export function isFinitePoint(p: readonly number[]): boolean {
  return p.length > 0 && p.every(Number.isFinite);
}

/** The box grown by `fraction` of its span on every side. */
export function expandBox(box: Box, fraction: number): Box {
  const dx = (box.x[1] - box.x[0]) * fraction;
  const dy = (box.y[1] - box.y[0]) * fraction;
  return { x: [box.x[0] - dx, box.x[1] + dx], y: [box.y[0] - dy, box.y[1] + dy] };
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * The drawable prefix of a 2-D path: points up to the first non-finite one, each clamped into `box`
 * (a run that leaves the view is drawn heading off the frame rather than at coordinates like 1e300).
 */
export function drawablePath(path: readonly (readonly number[])[], box: Box): DrawPoint[] {
  const points: DrawPoint[] = [];
  for (let step = 0; step < path.length; ++step) {
    const p = path[step];
    if (!isFinitePoint(p)) break;
    const [x, y = 0] = p;
    const cx = clamp(x, box.x[0], box.x[1]);
    const cy = clamp(y, box.y[0], box.y[1]);
    points.push({ x: cx, y: cy, step, clamped: cx !== x || cy !== y });
  }
  return points;
}

/** Finite values of a series with their step index, optionally keeping only positive ones (for a log axis). */
export function finiteSteps(values: readonly number[], { positive = false, offset = 0 } = {}): { step: number; value: number }[] {
  const rows: { step: number; value: number }[] = [];
  values.forEach((value, i) => {
    if (Number.isFinite(value) && (!positive || value > 0)) rows.push({ step: i + offset, value });
  });
  return rows;
}
