// What pages import from lib/index.ts: the entry points must stay exported.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as lib from "../../lib/index.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.ts$/.test(entry) ? [path] : [];
  });
}

describe("lib/index.ts", () => {
  it("exports what the pages need", () => {
    for (const name of [
      "runOptimizer", "validateRunSpec", "resolveObjective", "createOptimizer", "createSchedule",
      "testFunction", "testFunctionNames", "testFunctions",
      "compileExpression", "parseExpression", "ExpressionError", "expressionToTex",
      "regressionObjective", "predict", "residuals", "leastSquares", "standardize",
    ]) {
      expect(lib, name).toHaveProperty(name);
    }
  });

  it("the pieces work together: a typed expression's TeX, a test function's minima, a run", () => {
    expect(lib.compileExpression("x^2 + 10*y^2").tex).toBe("x^{2} + 10 y^{2}");
    expect(lib.testFunctionNames).toContain("rosenbrock");
    expect(lib.testFunction("rosenbrock").minima[0].point).toEqual([1, 1]);
    expect(() => lib.parseExpression("sinn(x)")).toThrow(lib.ExpressionError);
    expect(lib.runOptimizer({ objective: { expr: "x^2" }, start: [1], optimizer: { name: "sgd", lr: 0.25 }, steps: 1 }).path[1]).toEqual([0.5]);
  });

  it("lib/ is plain TypeScript for Node, the browser and a Web Worker: no DOM, no Node built-ins, no Framework", () => {
    const files = sourceFiles(new URL("../../lib", import.meta.url).pathname);
    const allowed = new Set(["d3-random"]); // pure functions, no environment
    const offenders = files.filter((file) => {
      const text = readFileSync(file, "utf8");
      const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
      return specifiers.some((s) => !s.startsWith(".") && !allowed.has(s)) || /\b(document|window)\s*\./.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
