// Splits expression text into tokens, each with its 1-based column (counted in characters, not UTF-16 units).
import { ExpressionError } from "./errors.js";

export type TokenKind = "number" | "name" | "operator" | "(" | ")" | "," | "end";

export interface Token {
  kind: TokenKind;
  text: string;
  column: number;
  /** Numbers only. */
  value?: number;
}

/** Look-alikes people paste from documents, and what to type instead. */
const LOOKALIKES: Record<string, string> = {
  "π": "pi", "×": "*", "·": "*", "⋅": "*", "−": "-", "÷": "/", "²": "^2", "³": "^3",
};

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isNamePart = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

export function tokenize(text: string): Token[] {
  const chars = Array.from(text); // code points, so columns match what the reader sees
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    const column = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (isDigit(c) || (c === "." && isDigit(chars[i + 1]))) {
      const start = i;
      while (isDigit(chars[i]) || chars[i] === ".") i++;
      // An "e" is an exponent only when digits follow; otherwise it is the constant e (and "2e" a missing "*").
      const sign = chars[i + 1] === "+" || chars[i + 1] === "-" ? 1 : 0;
      if ((chars[i] === "e" || chars[i] === "E") && isDigit(chars[i + 1 + sign])) {
        i += 1 + sign;
        while (isDigit(chars[i])) i++;
      }
      const literal = chars.slice(start, i).join("");
      if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(literal)) {
        throw new ExpressionError(`malformed number "${literal}" at column ${column}`, column, literal.length);
      }
      const value = Number(literal);
      if (!Number.isFinite(value)) {
        throw new ExpressionError(`number "${literal}" at column ${column} is too large`, column, literal.length);
      }
      tokens.push({ kind: "number", text: literal, column, value });
    } else if (isNameStart(c)) {
      const start = i;
      while (isNamePart(chars[i])) i++;
      tokens.push({ kind: "name", text: chars.slice(start, i).join(""), column });
    } else if (c === "*" && chars[i + 1] === "*") {
      throw new ExpressionError(`unexpected "**" at column ${column} — use ^ for powers`, column, 2);
    } else if ("+-*/^".includes(c)) {
      tokens.push({ kind: "operator", text: c, column });
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ kind: c, text: c, column });
      i++;
    } else {
      const hint = LOOKALIKES[c] ? ` — write ${LOOKALIKES[c]}` : "";
      throw new ExpressionError(`unexpected character "${c}" at column ${column}${hint}`, column, 1);
    }
  }
  tokens.push({ kind: "end", text: "", column: chars.length + 1 });
  return tokens;
}
