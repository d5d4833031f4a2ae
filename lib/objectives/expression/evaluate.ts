// Runs a tape forward, carrying derivatives with respect to x and y alongside every value (forward-mode
// automatic differentiation): first order for gradients, second order for Hessians.
// Chain-rule convention: a zero factor wins over an infinite one (d/dx sqrt(y) is 0, not NaN).
import * as rules from "./rules.js";
import * as registers from "./compile.js";
import type { Tape } from "./compile.js";

// Module-local copies of the imported names the loops read: where modules are transformed to CommonJS (tsx, the
// test runner), every read of an imported binding is a getter call, which cost more than the arithmetic.
const { FA, FAA, FAB, FB, FBB, V, applyRule } = rules;
const { X, Y } = registers;

export type Hessian = [[number, number], [number, number]];

const times = (factor: number, derivative: number) => (derivative === 0 || factor === 0 ? 0 : factor * derivative);

/** Returns (x, y, out) → value, writing [∂f/∂x, ∂f/∂y] into out[0], out[1]. Allocates nothing per call. */
export function gradientEvaluator({ code, initial, output }: Tape): (x: number, y: number, out: Float64Array) => number {
  const value = Float64Array.from(initial);
  const dx = new Float64Array(initial.length);
  const dy = new Float64Array(initial.length);
  dx[X] = 1;
  dy[Y] = 1;
  const rule = new Float64Array(6);
  const n = code.length;
  return (x, y, out) => {
    value[X] = x;
    value[Y] = y;
    for (let i = 0; i < n; i += 4) {
      const d = code[i + 1], a = code[i + 2], b = code[i + 3];
      applyRule(code[i], value, a, b, rule, false);
      const fa = rule[FA], fb = rule[FB];
      value[d] = rule[V];
      dx[d] = times(fa, dx[a]) + times(fb, dx[b]);
      dy[d] = times(fa, dy[a]) + times(fb, dy[b]);
    }
    out[0] = dx[output];
    out[1] = dy[output];
    return value[output];
  };
}

/** Returns (x, y) → the exact Hessian [[fxx, fxy], [fxy, fyy]], by second-order forward mode. */
export function hessianEvaluator({ code, initial, output }: Tape): (x: number, y: number) => Hessian {
  const size = initial.length;
  const value = Float64Array.from(initial);
  const [dx, dy, dxx, dxy, dyy] = Array.from({ length: 5 }, () => new Float64Array(size));
  dx[X] = 1;
  dy[Y] = 1;
  const r = new Float64Array(6);
  return (x, y) => {
    value[X] = x;
    value[Y] = y;
    for (let i = 0; i < code.length; i += 4) {
      const d = code[i + 1], a = code[i + 2], b = code[i + 3];
      applyRule(code[i], value, a, b, r, true);
      const ax = dx[a], ay = dy[a], bx = dx[b], by = dy[b];
      value[d] = r[V];
      dx[d] = times(r[FA], ax) + times(r[FB], bx);
      dy[d] = times(r[FA], ay) + times(r[FB], by);
      // Second-order chain rule for v = op(a, b): the curvature of op plus op's slope times the operands' curvature.
      dxx[d] = times(r[FAA], ax * ax) + 2 * times(r[FAB], times(ax, bx)) + times(r[FBB], bx * bx) + times(r[FA], dxx[a]) + times(r[FB], dxx[b]);
      dxy[d] = times(r[FAA], times(ax, ay)) + times(r[FAB], times(ax, by) + times(ay, bx)) + times(r[FBB], times(bx, by)) + times(r[FA], dxy[a]) + times(r[FB], dxy[b]);
      dyy[d] = times(r[FAA], ay * ay) + 2 * times(r[FAB], times(ay, by)) + times(r[FBB], by * by) + times(r[FA], dyy[a]) + times(r[FB], dyy[b]);
    }
    return [
      [dxx[output], dxy[output]],
      [dxy[output], dyy[output]],
    ];
  };
}
