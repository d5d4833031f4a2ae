// The expression language: grammar and precedence, every function, errors a reader can act on, exact derivatives.
import { describe, expect, it } from "vitest";
import {
  compileExpression,
  ExpressionError,
  expressionToTex,
  formatExpression,
  FUNCTIONS,
  parseExpression,
} from "../../lib/objectives/expression/index.js";

const value = (text: string, x = 0, y = 0) => compileExpression(text).f(x, y);
const printed = (text: string) => formatExpression(parseExpression(text).ast);

/** The error `text` raises, or a failed expectation when it parses. */
function errorOf(text: string): ExpressionError {
  try {
    parseExpression(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error(`"${text}" parsed, but an ExpressionError was expected`);
}

describe("grammar and precedence", () => {
  it("unary minus binds looser than ^: -x^2 is -(x^2)", () => {
    expect(value("-x^2", 3)).toBe(-9);
    expect(printed("-x^2")).toBe("-x^2");
    expect(parseExpression("-x^2").ast).toEqual({
      kind: "negate",
      arg: { kind: "binary", op: "^", left: { kind: "variable", name: "x" }, right: { kind: "number", value: 2 } },
    });
    expect(value("(-x)^2", 3)).toBe(9);
  });

  it("^ is right-associative: 2^3^2 is 2^(3^2)", () => {
    expect(value("2^3^2")).toBe(512);
    expect(value("(2^3)^2")).toBe(64);
    expect(printed("(2^3)^2")).toBe("(2^3)^2");
  });

  it("a signed exponent: x^-1 and 2^-x^2 = 2^(-(x^2))", () => {
    expect(value("x^-1", 4)).toBe(0.25);
    expect(value("2^-x^2", 2)).toBe(2 ** -4);
  });

  it("* and / bind tighter than + and -; both pairs are left-associative", () => {
    expect(value("1 + 2*3")).toBe(7);
    expect(value("8/4/2")).toBe(1);
    expect(value("8 - 4 - 2")).toBe(2);
    expect(value("2*3^2")).toBe(18);
    expect(value("-2^2 + 3")).toBe(-1);
    expect(value("2 - -3")).toBe(5);
    expect(value("+x", 5)).toBe(5);
  });

  it("numbers: integers, decimals, leading dot, exponents; e after a number is the constant only when no digits follow", () => {
    expect(value("0.5 + .25 + 3.")).toBe(3.75);
    expect(value("1e3 + 2E-2 + 1e+1")).toBe(1010.02);
    expect(value("2*e")).toBe(2 * Math.E);
  });

  it("pi and e are constants", () => {
    expect(value("pi")).toBe(Math.PI);
    expect(value("e")).toBe(Math.E);
    expect(value("cos(pi)")).toBe(-1);
    expect(value("log(e)")).toBe(1);
  });

  it("is 1-D when only x appears (or no variable), 2-D when y appears", () => {
    expect(compileExpression("x^2 + 1").dim).toBe(1);
    expect(compileExpression("3").dim).toBe(1);
    expect(compileExpression("y^2").dim).toBe(2);
    expect(compileExpression("x*y").dim).toBe(2);
    expect(parseExpression("y + x*x").variables).toEqual(["x", "y"]);
    const out = new Float64Array([7, 7]);
    compileExpression("x^3").grad(2, 5, out);
    expect(Array.from(out)).toEqual([12, 7]); // a 1-D gradient leaves out[1] alone
  });

  it("ignores whitespace, tabs and newlines", () => {
    expect(value(" \t x\n*  y ", 2, 3)).toBe(6);
  });
});

describe("every function", () => {
  const unary: Record<string, (t: number) => number> = {
    sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
    sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, exp: Math.exp, log: Math.log, sqrt: Math.sqrt,
    abs: Math.abs, sign: Math.sign, sigmoid: (t) => 1 / (1 + Math.exp(-t)), softplus: (t) => Math.log(1 + Math.exp(t)),
  };

  it("the list is the issue's list", () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual([...Object.keys(unary), "min", "max"].sort());
  });

  for (const [name, reference] of Object.entries(unary)) {
    it(`${name} gives Math's value and an exact derivative`, () => {
      for (const t of name === "log" || name === "sqrt" ? [0.2, 0.55, 3] : [-0.6, 0.2, 0.55, 0.9]) {
        const compiled = compileExpression(`${name}(x)`);
        expect(compiled.f(t)).toBeCloseTo(reference(t), 14);
        const out = new Float64Array(2);
        compiled.grad(t, 0, out);
        const h = 1e-6;
        expect(out[0]).toBeCloseTo((reference(t + h) - reference(t - h)) / (2 * h), 6);
      }
    });
  }

  it("min and max take two arguments; their gradient follows the chosen argument", () => {
    const out = new Float64Array(2);
    expect(value("min(x, y)", 1, 2)).toBe(1);
    expect(value("max(x, y)", 1, 2)).toBe(2);
    compileExpression("min(x, y)").grad(1, 2, out);
    expect(Array.from(out)).toEqual([1, 0]);
    compileExpression("max(x^2, y)").grad(3, 2, out);
    expect(Array.from(out)).toEqual([6, 0]);
  });

  it("softplus does not overflow for large arguments", () => {
    expect(value("softplus(x)", 1000)).toBe(1000);
    expect(value("softplus(x)", -1000)).toBe(0);
  });
});

describe("errors name the column and what was expected", () => {
  it('unexpected ")" at column 7', () => {
    const error = errorOf("(x + 1))");
    expect(error.message).toMatch(/^unexpected "\)" at column 8/);
    expect(errorOf("sin(x))").message).toMatch(/^unexpected "\)" at column 7/);
    expect(errorOf("sin(x))").column).toBe(7);
  });

  it('unknown function "sinn" — did you mean "sin"?', () => {
    const error = errorOf("2 + sinn(x)");
    expect(error.message).toBe('unknown function "sinn" — did you mean "sin"?');
    expect([error.column, error.length]).toEqual([5, 4]);
    expect(errorOf("sqr(x)").message).toContain('did you mean "sqrt"?');
    expect(errorOf("zzzzzzz(x)").message).toContain("functions are sin, cos");
  });

  const cases: [string, RegExp, number][] = [
    ["x +* 2", /unexpected "\*" at column 4 — expected a number, x, y, a function or "\("/, 4],
    ["x^", /unexpected end of expression at column 3/, 3],
    ["(x + 1", /unclosed "\(" opened at column 1/, 1],
    ["2x", /unexpected "x" at column 2 — did you mean "2\*x"\?/, 2],
    ["x ** 2", /unexpected "\*\*" at column 3 — use \^ for powers/, 3],
    ["sin x", /"sin" is a function — write sin\(…\)/, 1],
    ["sinx", /did you mean "sin\(x\)"\?/, 1],
    ["xy", /did you mean "x\*y"\?/, 1],
    ["z + 1", /unknown variable "z" — use x and y/, 1],
    ["min(x)", /"min" takes 2 arguments \(got 1\)/, 1],
    ["sin(x, y)", /"sin" takes 1 argument \(got 2\)/, 1],
    ["x, y", /unexpected "," at column 2/, 2],
    ["1..2", /malformed number "1\.\.2" at column 1/, 1],
    ["1e999", /number "1e999" at column 1 is too large/, 1],
    ["x $ 2", /unexpected character "\$" at column 3/, 3],
    ["x × 2", /unexpected character "×" at column 3 — write \*/, 3],
    ["π·x", /unexpected character "π" at column 1 — write pi/, 1],
    ["", /expression is empty/, 1],
  ];
  for (const [text, message, column] of cases) {
    it(`${JSON.stringify(text)} → ${message.source}`, () => {
      const error = errorOf(text);
      expect(error.message).toMatch(message);
      expect(error.column).toBe(column);
    });
  }

  it("columns count characters as the reader sees them (an astral character is one column)", () => {
    expect(errorOf("𝑥 + 1").column).toBe(1);
    expect(errorOf("1 + 𝑥").column).toBe(5);
  });

  it("too long or too deep input is refused with an ExpressionError, not a stack overflow", () => {
    expect(errorOf("x+".repeat(300) + "x").message).toMatch(/too long/);
    expect(errorOf("(".repeat(200) + "x" + ")".repeat(200)).message).toMatch(/nested too deeply/);
    expect(errorOf("-".repeat(200) + "x").message).toMatch(/nested too deeply/);
  });
});

describe("printing", () => {
  it("formatExpression prints the fewest parentheses that parse back to the same tree", () => {
    expect(printed("((x)) + (y*2)")).toBe("x + y*2");
    expect(printed("x - (y - 1)")).toBe("x - (y - 1)");
    expect(printed("(x - y) - 1")).toBe("x - y - 1");
    expect(printed("x^(-y^2)")).toBe("x^-y^2");
  });

  it("expressionToTex renders fractions, powers, functions and juxtaposed products", () => {
    const tex = (text: string) => expressionToTex(parseExpression(text).ast);
    expect(tex("x^2 + 10*y^2")).toBe("x^{2} + 10 y^{2}");
    expect(tex("sin(x)/sqrt(y)")).toBe("\\frac{\\sin\\left(x\\right)}{\\sqrt{y}}");
    expect(tex("exp(-x^2)")).toBe("e^{-x^{2}}");
    expect(tex("2*3")).toBe("2 \\cdot 3");
    expect(tex("abs(x)*pi")).toBe("\\left|x\\right| \\pi");
    expect(tex("1e-7*x")).toBe("1 \\times 10^{-7} x");
    expect(compileExpression("log(x)").tex).toBe("\\ln\\left(x\\right)");
  });
});

describe("compileExpression remembers recent texts", () => {
  it("gives the same compiled function for the same text, so charts keep their caches", () => {
    const first = compileExpression("x^2 + 3*y^2");
    expect(compileExpression("x^2 + 3*y^2")).toBe(first);
    expect(compileExpression("x^2 + 3*y^2 ")).not.toBe(first);
  });

  it("still throws for a bad text every time", () => {
    expect(() => compileExpression("x^2 + )")).toThrow(ExpressionError);
    expect(() => compileExpression("x^2 + )")).toThrow(ExpressionError);
  });

  it("forgets the oldest text past its limit, and what it forgot compiles again", () => {
    const first = compileExpression("x + 1000");
    for (let i = 0; i < 100; ++i) compileExpression(`x + ${i}`);
    const again = compileExpression("x + 1000");
    expect(again).not.toBe(first);
    expect(again.f(1)).toBe(1001);
  });
});
