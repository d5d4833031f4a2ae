// Renders a syntax tree as TeX for KaTeX: fractions for "/", superscripts for "^", juxtaposition for "*".
import { precedence, type ExpressionNode, type FunctionName } from "./ast.js";

const NAMED: Partial<Record<FunctionName, string>> = {
  sin: "\\sin", cos: "\\cos", tan: "\\tan", asin: "\\arcsin", acos: "\\arccos", atan: "\\arctan",
  sinh: "\\sinh", cosh: "\\cosh", tanh: "\\tanh", log: "\\ln", sign: "\\operatorname{sign}",
  sigmoid: "\\sigma", softplus: "\\operatorname{softplus}", min: "\\min", max: "\\max",
};

export function expressionToTex(node: ExpressionNode): string {
  switch (node.kind) {
    case "number":
      return numberToTex(node.value);
    case "constant":
      return node.name === "pi" ? "\\pi" : "e";
    case "variable":
      return node.name;
    case "negate":
      return `-${wrap(node.arg, precedence(node.arg) < 3)}`;
    case "call": {
      const args = node.args.map(expressionToTex);
      if (node.name === "sqrt") return `\\sqrt{${args[0]}}`;
      if (node.name === "abs") return `\\left|${args[0]}\\right|`;
      if (node.name === "exp") return `e^{${args[0]}}`;
      return `${NAMED[node.name]}\\left(${args.join(", ")}\\right)`;
    }
    case "binary": {
      const p = precedence(node);
      if (node.op === "/") return `\\frac{${expressionToTex(node.left)}}{${expressionToTex(node.right)}}`;
      if (node.op === "^") return `${wrap(node.left, !isTexBase(node.left))}^{${expressionToTex(node.right)}}`;
      const left = wrap(node.left, precedence(node.left) < p);
      if (node.op !== "*") return `${left} ${node.op} ${wrap(node.right, precedence(node.right) <= p)}`;
      // A product reads as juxtaposition (2x, x\sin(y)) unless a digit or a sign would run into its neighbour.
      const right = wrap(node.right, precedence(node.right) <= p || node.right.kind === "negate");
      return startsWithNumber(node.right) ? `${left} \\cdot ${right}` : `${left} ${right}`;
    }
  }
}

/** Scientific notation as a power of ten: 1e-7 → 1 \times 10^{-7}. */
function numberToTex(value: number): string {
  const [mantissa, exponent] = String(value).split("e");
  return exponent === undefined ? mantissa : `${mantissa} \\times 10^{${Number(exponent)}}`;
}

/** Whether `node` can carry a superscript without parentheses (and without a double superscript). */
function isTexBase(node: ExpressionNode): boolean {
  if (node.kind === "number") return !String(node.value).includes("e");
  if (node.kind === "call") return node.name !== "exp";
  return node.kind === "variable" || node.kind === "constant";
}

function startsWithNumber(node: ExpressionNode): boolean {
  if (node.kind === "number") return true;
  if (node.kind === "binary" && node.op !== "/") return precedence(node.left) >= precedence(node) && startsWithNumber(node.left);
  return false;
}

function wrap(node: ExpressionNode, parenthesize: boolean): string {
  const tex = expressionToTex(node);
  return parenthesize ? `\\left(${tex}\\right)` : tex;
}
