// Every operation of a compiled expression with its local derivatives: the one place where calculus lives.
// The gradient, the Hessian and constant folding all read these rules.
import type { FunctionName } from "./ast.js";

// Opcodes. Binary operations take registers a and b; unary ones (from NEG on) take a, and POWC reads its
// constant exponent from register b.
export const ADD = 0, SUB = 1, MUL = 2, DIV = 3, POW = 4, MIN = 5, MAX = 6;
export const NEG = 7, SQUARE = 8, POWC = 9;
export const SIN = 10, COS = 11, TAN = 12, ASIN = 13, ACOS = 14, ATAN = 15, SINH = 16, COSH = 17, TANH = 18;
export const EXP = 19, LOG = 20, SQRT = 21, ABS = 22, SIGN = 23, SIGMOID = 24, SOFTPLUS = 25;

export const OPCODES: Record<FunctionName, number> = {
  sin: SIN, cos: COS, tan: TAN, asin: ASIN, acos: ACOS, atan: ATAN, sinh: SINH, cosh: COSH, tanh: TANH,
  exp: EXP, log: LOG, sqrt: SQRT, abs: ABS, sign: SIGN, sigmoid: SIGMOID, softplus: SOFTPLUS, min: MIN, max: MAX,
};

// Slots of the rule's output: the value v = op(a, b), its partials, and (when asked) second partials.
export const V = 0, FA = 1, FB = 2, FAA = 3, FAB = 4, FBB = 5;

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/**
 * Writes op(a, b) and its partial derivatives into `out`, where a and b are registers[ia] and registers[ib];
 * second partials only when `second` is true. (Indices rather than numbers cross the call, so the hot loop
 * does not box a double per instruction.)
 * Conventions at non-differentiable points: abs'(0) = 0, sign' = 0, sqrt'(0) = log'(0) = Infinity,
 * min and max on a tie follow their first argument; a variable exponent needs a positive base.
 */
export function applyRule(op: number, registers: Float64Array, ia: number, ib: number, out: Float64Array, second: boolean): void {
  const a = registers[ia], b = registers[ib];
  let v: number, fa: number, faa = 0, fb = 0, fab = 0, fbb = 0;
  switch (op) {
    case ADD: v = a + b; fa = 1; fb = 1; break;
    case SUB: v = a - b; fa = 1; fb = -1; break;
    case MUL: v = a * b; fa = b; fb = a; fab = 1; break;
    case DIV: v = a / b; fa = 1 / b; fb = -v / b; fab = -1 / (b * b); fbb = (2 * v) / (b * b); break;
    case POW: {
      v = Math.pow(a, b);
      const log = Math.log(a);
      fa = b === 0 ? 0 : b * Math.pow(a, b - 1);
      fb = v === 0 ? 0 : v * log; // 0^b is flat in b for b > 0
      if (second) {
        faa = b === 0 || b === 1 ? 0 : b * (b - 1) * Math.pow(a, b - 2);
        fab = Math.pow(a, b - 1) * (1 + b * log);
        fbb = v === 0 ? 0 : v * log * log;
      }
      break;
    }
    case MIN: v = Math.min(a, b); fa = a <= b ? 1 : 0; fb = 1 - fa; break;
    case MAX: v = Math.max(a, b); fa = a >= b ? 1 : 0; fb = 1 - fa; break;
    case NEG: v = -a; fa = -1; break;
    case SQUARE: v = a * a; fa = 2 * a; faa = 2; break;
    case POWC: v = Math.pow(a, b); fa = b * Math.pow(a, b - 1); if (second) faa = b * (b - 1) * Math.pow(a, b - 2); break;
    case SIN: v = Math.sin(a); fa = Math.cos(a); faa = -v; break;
    case COS: v = Math.cos(a); fa = -Math.sin(a); faa = -v; break;
    case TAN: v = Math.tan(a); fa = 1 + v * v; faa = 2 * v * fa; break;
    case ASIN: fa = 1 / Math.sqrt(1 - a * a); v = Math.asin(a); faa = a * fa * fa * fa; break;
    case ACOS: fa = -1 / Math.sqrt(1 - a * a); v = Math.acos(a); faa = a * fa * fa * fa; break;
    case ATAN: fa = 1 / (1 + a * a); v = Math.atan(a); faa = -2 * a * fa * fa; break;
    case SINH: v = Math.sinh(a); fa = Math.cosh(a); faa = v; break;
    case COSH: v = Math.cosh(a); fa = Math.sinh(a); faa = v; break;
    case TANH: v = Math.tanh(a); fa = 1 - v * v; faa = -2 * v * fa; break;
    case EXP: v = Math.exp(a); fa = v; faa = v; break;
    case LOG: v = Math.log(a); fa = 1 / a; faa = -fa * fa; break;
    case SQRT: v = Math.sqrt(a); fa = 0.5 / v; faa = -fa / (2 * a); break;
    case ABS: v = Math.abs(a); fa = a > 0 ? 1 : a < 0 ? -1 : 0; break;
    case SIGN: v = a > 0 ? 1 : a < 0 ? -1 : a; fa = 0; break; // sign(0) = 0, sign(NaN) = NaN
    case SIGMOID: v = sigmoid(a); fa = v * (1 - v); faa = fa * (1 - 2 * v); break;
    case SOFTPLUS: {
      v = a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a)); // no overflow for large a
      fa = sigmoid(a);
      faa = fa * (1 - fa);
      break;
    }
    default:
      throw new Error(`unknown opcode ${op}`);
  }
  out[V] = v; out[FA] = fa; out[FB] = fb;
  if (second) { out[FAA] = faa; out[FAB] = fab; out[FBB] = fbb; }
}
