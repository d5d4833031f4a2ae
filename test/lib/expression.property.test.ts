// Property tests of the expression language on generated expressions and strings, and its no-eval guarantee.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileExpression, ExpressionError, formatExpression, FUNCTIONS, parseExpression } from "../../lib/objectives/expression/index.js";

const unaryNames = Object.keys(FUNCTIONS).filter((name) => FUNCTIONS[name as keyof typeof FUNCTIONS] === 1);

/** Random expression text over every construct of the language, a few levels deep. */
const expressionText: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("x", "y", "pi", "e"),
    fc.double({ min: 0.1, max: 3, noNaN: true }).map((v) => String(Math.round(v * 100) / 100)),
    fc.tuple(fc.constantFrom("+", "-", "*", "/"), tie("node"), tie("node")).map(([op, a, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(tie("node"), fc.constantFrom("2", "3", "-1", "0.5")).map(([a, n]) => `(${a})^${n}`),
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(1.5 + sin(${a}))^(${b})`), // a variable exponent on a positive base
    tie("node").map((a) => `-${a}`),
    fc.tuple(fc.constantFrom(...unaryNames), tie("node")).map(([f, a]) => `${f}(${a})`),
    fc.tuple(fc.constantFrom("min", "max"), tie("node"), tie("node")).map(([f, a, b]) => `${f}(${a}, ${b})`),
  ),
})).node;

// Points on a 0.001 grid in [-2, 2]: zero and the kinks are hit often; subnormal coordinates (where x/x's exact
// derivative overflows) are not what this property is about.
const coordinate = fc.integer({ min: -2000, max: 2000 }).map((i) => i / 1000);
const point = fc.tuple(coordinate, coordinate);
// The same points moved off the grid by a small irrational amount, for the Hessian. At a kink hit exactly, derivatives
// follow PyTorch's conventions (abs'(0) = 0, see rules.ts), which a finite difference need not agree with where the
// kink leaves no trace in the gradient: the exact Hessian of abs(x)^2 at 0 is 0 by that convention, the numeric one 2.
const offGridPoint = point.map(([x, y]) => [x + Math.PI * 1e-7, y + Math.E * 1e-7] as [number, number]);

/**
 * Central differences of `g` at `t` with step h and h/10, and one-sided ones with step h/10: all of them, so a caller
 * can tell a smooth point from a kink (one-sided slopes differ) or a badly scaled one (the central ones differ).
 */
function differences(g: (t: number) => number, t: number, h: number): number[] {
  const k = h / 10;
  return [(g(t + h) - g(t - h)) / (2 * h), (g(t + k) - g(t - k)) / (2 * k), (g(t + k) - g(t)) / k, (g(t) - g(t - k)) / k, g(t)];
}

/**
 * Whether the function is finite, smooth and well scaled at the point, so central differences are trustworthy
 * (their rounding error grows with |g(t)| / h).
 */
const smooth = ([coarse, fine, forward, backward, at]: number[]) =>
  [coarse, fine, forward, backward, at].every(Number.isFinite) &&
  Math.abs(fine) < 1e6 &&
  Math.abs(at) < 1e4 &&
  Math.abs(coarse - fine) <= 1e-6 * (1 + Math.abs(fine)) &&
  Math.abs(forward - backward) <= 1e-3 * (1 + Math.abs(fine));

const close = (exact: number, numeric: number) => Math.abs(exact - numeric) <= 1e-5 * (1 + Math.abs(numeric));

describe("exact derivatives on generated expressions", () => {
  it("gradients match central differences wherever the expression is finite and smooth", () => {
    let checked = 0;
    fc.assert(
      fc.property(expressionText, point, (text, [x, y]) => {
        const f = compileExpression(text);
        const out = new Float64Array(2);
        f.grad(x, y, out);
        if (!Number.isFinite(f.f(x, y))) return;
        const partials = [differences((t) => f.f(t, y), x, 1e-4), differences((t) => f.f(x, t), y, 1e-4)];
        for (let i = 0; i < f.dim; ++i) {
          if (!smooth(partials[i])) continue;
          checked++;
          if (!close(out[i], partials[i][1])) throw new Error(`∂/∂${"xy"[i]} of ${text} at (${x}, ${y}): exact ${out[i]}, numeric ${partials[i][1]}`);
        }
      }),
      { numRuns: 600 },
    );
    expect(checked).toBeGreaterThan(300); // the generator must not make the comparison vacuous
  });

  it("Hessians match central differences of the exact gradient", () => {
    let checked = 0;
    fc.assert(
      fc.property(expressionText, offGridPoint, (text, [x, y]) => {
        const f = compileExpression(text);
        const H = f.hessian(x, y);
        const out = new Float64Array(2);
        const gradient = (i: number, px: number, py: number) => (f.grad(px, py, out), out[i]);
        if (!Number.isFinite(f.f(x, y)) || !Number.isFinite(gradient(0, x, y)) || !Number.isFinite(gradient(1, x, y))) return;
        for (let i = 0; i < f.dim; ++i) {
          const columns = [differences((t) => gradient(i, t, y), x, 1e-4), differences((t) => gradient(i, x, t), y, 1e-4)];
          for (let j = 0; j < f.dim; ++j) {
            if (!smooth(columns[j])) continue;
            checked++;
            if (!close(H[i][j], columns[j][1])) throw new Error(`H[${i}][${j}] of ${text} at (${x}, ${y}): exact ${H[i][j]}, numeric ${columns[j][1]}`);
          }
        }
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(300);
  });

  it("printing and parsing again gives the same tree and the same values", () => {
    fc.assert(
      fc.property(expressionText, point, (text, [x, y]) => {
        const parsed = parseExpression(text);
        const again = parseExpression(formatExpression(parsed.ast));
        expect(again.ast).toEqual(parsed.ast);
        expect(Object.is(compileExpression(formatExpression(parsed.ast)).f(x, y), compileExpression(text).f(x, y))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the parser on arbitrary input", () => {
  /** Either parses and compiles to a number-valued function, or throws its own ExpressionError pointing into the text. */
  function returnsOrThrowsItsOwnError(text: string): void {
    let compiled;
    try {
      compiled = compileExpression(text);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw new Error(`${JSON.stringify(text)} threw ${String(error)}`);
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.column).toBeGreaterThanOrEqual(1);
      expect(error.column).toBeLessThanOrEqual(Array.from(text).length + 1);
      return;
    }
    expect(typeof compiled.f(0.5, -0.5)).toBe("number");
  }

  const tokenSoup = fc
    .array(fc.constantFrom("x", "y", "pi", "e", "1", "2.5", "1e3", ".", "+", "-", "*", "/", "^", "(", ")", ",", " ", "sin", "min", "sinn", "**", "π", "$", "1e", "ee", "𝑥"), { maxLength: 40 })
    .map((parts) => parts.join(""));

  it("token soup: returns or throws ExpressionError", { timeout: 30_000 }, () => {
    fc.assert(fc.property(tokenSoup, returnsOrThrowsItsOwnError), { numRuns: 3000 });
  });

  it("any string: returns or throws ExpressionError", { timeout: 30_000 }, () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), returnsOrThrowsItsOwnError), { numRuns: 1000 });
  });

  it("non-strings are refused with an ExpressionError", () => {
    for (const input of [undefined, null, 42, {}, ["x"]]) {
      expect(() => parseExpression(input as unknown as string)).toThrow(ExpressionError);
    }
  });
});

describe("nothing typed is run as code", () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? sourceFiles(path) : /\.[cm]?[jt]s$/.test(entry) ? [path] : [];
    });
  }

  it("lib/ contains no eval( and no new Function(", () => {
    const files = sourceFiles(new URL("../../lib", import.meta.url).pathname);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
