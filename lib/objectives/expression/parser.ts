// Recursive descent from tokens to a syntax tree. Grammar, loosest first:
//   sum     = product (("+" | "-") product)*
//   product = unary (("*" | "/") unary)*
//   unary   = ("-" | "+") unary | power
//   power   = primary ("^" unary)?          right-associative; -x^2 is -(x^2); x^-1 works
//   primary = number | x | y | pi | e | name "(" sum ("," sum)* ")" | "(" sum ")"
import { CONSTANTS, FUNCTIONS, type ExpressionNode, type FunctionName, type Variable } from "./ast.js";
import { ExpressionError } from "./errors.js";
import type { Token } from "./lexer.js";
import { closestName } from "./suggest.js";

export const MAX_DEPTH = 100;

const EXPECTED_OPERAND = 'expected a number, x, y, a function or "("';

const describe = (token: Token) => (token.kind === "end" ? "end of expression" : `"${token.text}"`);

export function parseTokens(tokens: Token[]): { ast: ExpressionNode; variables: Set<Variable> } {
  let position = 0;
  let depth = 0;
  const variables = new Set<Variable>();

  const peek = () => tokens[position];
  const next = () => tokens[position++];
  const isOperator = (text: string) => peek().kind === "operator" && peek().text === text;

  function fail(message: string, token: Token): never {
    throw new ExpressionError(message, token.column, token.text.length);
  }

  /** Guards every recursive rule, so a hostile string cannot overflow the stack. */
  function nested<T>(token: Token, rule: () => T): T {
    if (++depth > MAX_DEPTH) fail(`expression is nested too deeply at column ${token.column} (at most ${MAX_DEPTH} levels)`, token);
    const result = rule();
    depth--;
    return result;
  }

  /** The token after a complete operand is not an operator: say why, and suggest the likely fix. */
  function unexpectedAfterOperand(token: Token, open?: Token): never {
    const at = `at column ${token.column}`;
    if (token.kind === "end" && open) fail(`unclosed "(" opened at column ${open.column}`, open);
    if (token.kind === "number" || token.kind === "name" || token.kind === "(") {
      const previous = tokens[position - 1];
      fail(`unexpected ${describe(token)} ${at} — did you mean "${previous.text}*${token.text}"?`, token);
    }
    if (token.kind === ")") fail(`unexpected ")" ${at} — no "(" to close`, token);
    if (token.kind === ",") fail(`unexpected "," ${at} — commas separate the arguments of min and max`, token);
    fail(`unexpected ${describe(token)} ${at}`, token);
  }

  function sum(): ExpressionNode {
    let left = product();
    while (isOperator("+") || isOperator("-")) {
      const op = next().text as "+" | "-";
      left = { kind: "binary", op, left, right: product() };
    }
    return left;
  }

  function product(): ExpressionNode {
    let left = unary();
    while (isOperator("*") || isOperator("/")) {
      const op = next().text as "*" | "/";
      left = { kind: "binary", op, left, right: unary() };
    }
    return left;
  }

  function unary(): ExpressionNode {
    if (isOperator("-") || isOperator("+")) {
      const sign = next();
      const arg = nested(sign, unary);
      return sign.text === "-" ? { kind: "negate", arg } : arg;
    }
    return power();
  }

  function power(): ExpressionNode {
    const base = primary();
    if (!isOperator("^")) return base;
    const caret = next();
    return { kind: "binary", op: "^", left: base, right: nested(caret, unary) };
  }

  function primary(): ExpressionNode {
    const token = next();
    if (token.kind === "number") return { kind: "number", value: token.value! };
    if (token.kind === "(") {
      const inner = nested(token, sum);
      if (peek().kind !== ")") unexpectedAfterOperand(peek(), token);
      next();
      return inner;
    }
    if (token.kind === "name") return peek().kind === "(" ? call(token) : name(token);
    fail(`unexpected ${describe(token)} at column ${token.column} — ${EXPECTED_OPERAND}`, token);
  }

  function name(token: Token): ExpressionNode {
    const text = token.text;
    if (text === "x" || text === "y") {
      variables.add(text);
      return { kind: "variable", name: text };
    }
    if (Object.hasOwn(CONSTANTS, text)) return { kind: "constant", name: text as keyof typeof CONSTANTS };
    if (Object.hasOwn(FUNCTIONS, text)) fail(`"${text}" is a function — write ${text}(…)`, token);
    if (/^[xy]+$/.test(text)) fail(`unknown variable "${text}" — did you mean "${text.split("").join("*")}"?`, token);
    const glued = /^([a-z]+)([xy])$/.exec(text); // "sinx" for "sin(x)"
    if (glued && Object.hasOwn(FUNCTIONS, glued[1])) {
      fail(`unknown variable "${text}" — did you mean "${glued[1]}(${glued[2]})"?`, token);
    }
    fail(`unknown variable "${text}" — use x and y`, token);
  }

  function call(token: Token): ExpressionNode {
    const text = token.text;
    if (!Object.hasOwn(FUNCTIONS, text)) {
      if (text === "x" || text === "y" || Object.hasOwn(CONSTANTS, text)) unexpectedAfterOperand(peek());
      const hint = closestName(text, Object.keys(FUNCTIONS));
      fail(`unknown function "${text}" — ${hint ? `did you mean "${hint}"?` : `functions are ${Object.keys(FUNCTIONS).join(", ")}`}`, token);
    }
    const open = next();
    const args: ExpressionNode[] = [];
    if (peek().kind !== ")") {
      args.push(nested(open, sum));
      while (peek().kind === ",") {
        next();
        args.push(nested(open, sum));
      }
      if (peek().kind !== ")") unexpectedAfterOperand(peek(), open);
    }
    next();
    const arity = FUNCTIONS[text as FunctionName];
    if (args.length !== arity) {
      fail(`"${text}" takes ${arity} argument${arity === 1 ? "" : "s"} (got ${args.length})`, token);
    }
    return { kind: "call", name: text as FunctionName, args };
  }

  if (peek().kind === "end") throw new ExpressionError("expression is empty", 1, 0);
  const ast = sum();
  if (peek().kind !== "end") unexpectedAfterOperand(peek());
  return { ast, variables };
}
