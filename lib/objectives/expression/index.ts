// Typed expressions in x and y: parse, print, render as TeX, and compile to exact gradients and Hessians.
// Text is never run as code (no eval, no Function), so pages work under a strict Content-Security-Policy.
import type { Objective } from "../../types.js";
import type { ExpressionNode, Variable } from "./ast.js";
import { compileTape } from "./compile.js";
import { ExpressionError } from "./errors.js";
import { gradientEvaluator, hessianEvaluator, type Hessian } from "./evaluate.js";
import { tokenize } from "./lexer.js";
import { parseTokens } from "./parser.js";
import { expressionToTex } from "./tex.js";

export { ExpressionError } from "./errors.js";
export { formatExpression } from "./format.js";
export { expressionToTex } from "./tex.js";
export { FUNCTIONS, type ExpressionNode, type FunctionName, type Variable } from "./ast.js";
export type { Hessian } from "./evaluate.js";

export const MAX_LENGTH = 500;

export interface ParsedExpression {
  text: string;
  ast: ExpressionNode;
  /** The variables that appear, in order: [], ["x"], ["y"] or ["x", "y"]. */
  variables: Variable[];
}

export interface CompiledExpression extends ParsedExpression {
  /** 1 when only x appears (or neither), else 2. */
  dim: 1 | 2;
  /** The parsed expression in TeX. */
  tex: string;
  /** The value; y is ignored when dim is 1. Plugs into Plot's contour mark. */
  f(x: number, y?: number): number;
  /** Writes the exact gradient into out[0] (and out[1] when dim is 2). Allocates nothing. */
  grad(x: number, y: number, out: Float64Array): void;
  /** The exact Hessian [[fxx, fxy], [fxy, fyy]] (y-entries 0 when dim is 1). */
  hessian(x: number, y: number): Hessian;
}

/** Parses `text`, or throws an ExpressionError saying where and what was expected. */
export function parseExpression(text: string): ParsedExpression {
  if (typeof text !== "string") throw new ExpressionError(`expression must be text (got ${typeof text})`, 1, 0);
  if (text.length > MAX_LENGTH) {
    throw new ExpressionError(
      `expression is too long (${text.length} characters; at most ${MAX_LENGTH})`,
      MAX_LENGTH + 1,
      text.length - MAX_LENGTH,
    );
  }
  const { ast, variables } = parseTokens(tokenize(text));
  return { text, ast, variables: (["x", "y"] as const).filter((v) => variables.has(v)) };
}

export function compileExpression(text: string): CompiledExpression {
  return compile(text).compiled;
}

/** A typed expression as an Objective over 1 parameter (x) or 2 (x, y). */
export function expressionObjective(text: string): Objective {
  const { compiled: { dim }, valueAndGrad } = compile(text);
  const pair = new Float64Array(2);
  return {
    dim,
    valueAndGrad(point, gradient) {
      const value = valueAndGrad(point[0], dim === 2 ? point[1] : 0, pair);
      gradient[0] = pair[0];
      if (dim === 2) gradient[1] = pair[1];
      return value;
    },
    value: (point) => valueAndGrad(point[0], dim === 2 ? point[1] : 0, pair),
  };
}

const recent = new Map<string, ReturnType<typeof compileText>>();
const RECENT_LIMIT = 64;

/**
 * compileText, remembered for the last few texts: a page re-runs the same typed loss on every slider move, and
 * the same compiled function lets charts keep what they cached for it. Compiled expressions hold no state a
 * caller can change (their scratch space is used and finished within each synchronous call).
 */
function compile(text: string) {
  let entry = recent.get(text);
  if (entry === undefined) {
    entry = compileText(text);
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  } else recent.delete(text); // re-inserted below as the most recent
  recent.set(text, entry);
  return entry;
}

/** The compiled expression and its fused value-and-gradient evaluator (which objectives call once per step). */
function compileText(text: string) {
  const parsed = parseExpression(text);
  const tape = compileTape(parsed.ast);
  const valueAndGrad = gradientEvaluator(tape);
  const pair = new Float64Array(2);
  const dim = parsed.variables.includes("y") ? 2 : 1;
  const compiled: CompiledExpression = {
    ...parsed,
    dim,
    tex: expressionToTex(parsed.ast),
    f: (x, y = 0) => valueAndGrad(x, y, pair),
    grad(x, y, out) {
      valueAndGrad(x, y, pair);
      out[0] = pair[0];
      if (dim === 2) out[1] = pair[1];
    },
    hessian: hessianEvaluator(tape),
  };
  return { compiled, valueAndGrad };
}
