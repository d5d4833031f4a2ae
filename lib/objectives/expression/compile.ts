// Compiles a syntax tree into a tape: a flat list of instructions over numbered registers.
// Constants are folded, repeated subexpressions computed once, and x^2 becomes a square.
import { CONSTANTS, type ExpressionNode } from "./ast.js";
import { ADD, DIV, MUL, NEG, OPCODES, POW, POWC, SQUARE, SUB, V, applyRule } from "./rules.js";

/** Registers 0 and 1 hold x and y; constant registers are preset in `initial` and never written. */
export interface Tape {
  /** Four integers per instruction: opcode, destination, operand a, operand b (= a for unary operations). */
  code: Int32Array;
  /** Initial register values: constants where folded, NaN elsewhere. */
  initial: Float64Array;
  /** Register holding the result. */
  output: number;
}

export const X = 0, Y = 1;

const BINARY_OPCODES = { "+": ADD, "-": SUB, "*": MUL, "/": DIV, "^": POW } as const;

export function compileTape(ast: ExpressionNode): Tape {
  const initial: number[] = [NaN, NaN];
  const isConstant: boolean[] = [false, false];
  const code: number[] = [];
  const seen = new Map<string, number>(); // instruction or constant → its register
  const operands = new Float64Array(2);
  const folded = new Float64Array(6);

  function constant(value: number): number {
    const key = Object.is(value, -0) ? "c-0" : `c${value}`;
    let register = seen.get(key);
    if (register === undefined) {
      register = initial.push(value) - 1;
      isConstant.push(true);
      seen.set(key, register);
    }
    return register;
  }

  function emit(op: number, a: number, b = a): number {
    if (isConstant[a] && isConstant[b]) {
      operands[0] = initial[a];
      operands[1] = initial[b];
      applyRule(op, operands, 0, 1, folded, false);
      return constant(folded[V]);
    }
    const key = `${op} ${a} ${b}`;
    let register = seen.get(key);
    if (register === undefined) {
      register = initial.push(NaN) - 1;
      isConstant.push(false);
      code.push(op, register, a, b);
      seen.set(key, register);
    }
    return register;
  }

  function visit(node: ExpressionNode): number {
    switch (node.kind) {
      case "number":
        return constant(node.value);
      case "constant":
        return constant(CONSTANTS[node.name]);
      case "variable":
        return node.name === "x" ? X : Y;
      case "negate":
        return emit(NEG, visit(node.arg));
      case "call": {
        const [a, b] = node.args.map(visit);
        return emit(OPCODES[node.name], a, b);
      }
      case "binary": {
        const a = visit(node.left), b = visit(node.right);
        if (node.op === "^" && isConstant[b] && !isConstant[a]) {
          const exponent = initial[b];
          if (exponent === 0) return constant(1); // as Math.pow: x^0 = 1 everywhere
          if (exponent === 1) return a;
          return exponent === 2 ? emit(SQUARE, a) : emit(POWC, a, b);
        }
        return emit(BINARY_OPCODES[node.op], a, b);
      }
    }
  }

  const output = visit(ast);
  return { code: Int32Array.from(code), initial: Float64Array.from(initial), output };
}
