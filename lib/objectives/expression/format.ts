// Prints a syntax tree back as expression text with the fewest parentheses that parse to the same tree.
import { precedence, type ExpressionNode } from "./ast.js";

export function formatExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case "number":
      return node.value < 0 ? `(${node.value})` : String(node.value);
    case "constant":
    case "variable":
      return node.name;
    case "call":
      return `${node.name}(${node.args.map(formatExpression).join(", ")})`;
    case "negate":
      return `-${wrap(node.arg, precedence(node.arg) < 3)}`;
    case "binary": {
      const p = precedence(node);
      if (node.op === "^") {
        // The base must be an atom; the exponent may be a signed power (x^-y^2 is x^(-(y^2))).
        return `${wrap(node.left, p >= precedence(node.left))}^${wrap(node.right, precedence(node.right) < 3)}`;
      }
      // Left-associative: a right operand of the same precedence needs parentheses (a - (b - c)).
      const left = wrap(node.left, precedence(node.left) < p);
      const right = wrap(node.right, precedence(node.right) <= p);
      return p === 1 ? `${left} ${node.op} ${right}` : `${left}${node.op}${right}`;
    }
  }
}

function wrap(node: ExpressionNode, parenthesize: boolean): string {
  const text = formatExpression(node);
  return parenthesize ? `(${text})` : text;
}
