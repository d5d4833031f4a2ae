// The syntax tree of a typed expression, and the names the language knows.

export type Variable = "x" | "y";

/** Functions and how many arguments each takes. */
export const FUNCTIONS = {
  sin: 1, cos: 1, tan: 1, asin: 1, acos: 1, atan: 1, sinh: 1, cosh: 1, tanh: 1,
  exp: 1, log: 1, sqrt: 1, abs: 1, sign: 1, sigmoid: 1, softplus: 1, min: 2, max: 2,
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

export const CONSTANTS = { pi: Math.PI, e: Math.E } as const;

export type ConstantName = keyof typeof CONSTANTS;

export type BinaryOperator = "+" | "-" | "*" | "/" | "^";

export type ExpressionNode =
  | { kind: "number"; value: number }
  | { kind: "constant"; name: ConstantName }
  | { kind: "variable"; name: Variable }
  | { kind: "negate"; arg: ExpressionNode }
  | { kind: "binary"; op: BinaryOperator; left: ExpressionNode; right: ExpressionNode }
  | { kind: "call"; name: FunctionName; args: ExpressionNode[] };

/** Binding strength, shared by the parser's grammar and both printers: higher binds tighter. */
export function precedence(node: ExpressionNode): number {
  if (node.kind === "negate") return 3;
  if (node.kind !== "binary") return 5;
  return node.op === "^" ? 4 : node.op === "*" || node.op === "/" ? 2 : 1;
}
