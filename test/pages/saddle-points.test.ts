// The claims the Saddle points page makes (004 §挑战之二, §随机性的解救), computed by lib/ as the page computes them.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { stallReport } from "../../lib/analysis/stall.js";
import { classifyHessian } from "../../lib/analysis/hessian.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";
import { compileExpression } from "../../lib/objectives/expression/index.js";
import type { ObjectiveSpec } from "../../lib/types.js";

const shelf = "x^4 + 4/3*x^3 + y^2";
const threshold = 1e-3;
const box = { x: [-2, 2], y: [-2, 2] } as const;
const run = (objective: ObjectiveSpec, start: number[], gradientNoise = 0, steps = 300) =>
  runOptimizer({ objective, start, optimizer: { name: "sgd", lr: 0.05 }, steps, gradientNoise, seed: 1 });

describe("the illusion of convergence", () => {
  it("at the page's defaults (δ = 10⁻⁸, η = 0.05) plain descent on x² − y² looks converged for a while, then escapes", () => {
    const report = stallReport(run("saddle", [1.8, 1e-8]), { threshold, box });
    expect(report.looksConverged).toBeGreaterThan(50);
    expect(report.stalledFor).toBeGreaterThan(5);
    expect(report.exit).toBeDefined();
  });

  it("plain descent from the ridge of x² − y² looks converged and stays at the saddle", () => {
    const trace = run("saddle", [1.8, 0]);
    const report = stallReport(trace, { threshold, box });
    expect(report.looksConverged).toBeDefined();
    expect(report.exit).toBeUndefined();
    expect(Math.hypot(...trace.path.at(-1)!)).toBeLessThan(1e-10);
  });

  it("a start δ off the ridge stalls, then escapes; each factor of ten closer adds about the same number of steps", () => {
    const exits = [1e-4, 1e-6, 1e-8, 1e-10].map((delta) => stallReport(run("saddle", [1.8, delta], 0, 600), { threshold, box }).exit!);
    exits.forEach((e) => expect(e).toBeGreaterThan(0));
    const gaps = exits.slice(1).map((e, i) => e - exits[i]);
    // y grows by 1 + 2η = 1.1 per step: a factor of 100 takes ln 100 / ln 1.1 ≈ 48 steps.
    gaps.forEach((g) => expect(g).toBeGreaterThanOrEqual(46));
    gaps.forEach((g) => expect(g).toBeLessThanOrEqual(50));
  });

  it("on the shelf, plain descent stops short of the edge, far above the real minimum; noise takes it over", () => {
    const plain = run({ expr: shelf }, [1.5, 1e-6]);
    expect(stallReport(plain, { threshold, box }).looksConverged).toBeDefined();
    expect(plain.path.at(-1)![0]).toBeGreaterThan(0);
    expect(plain.loss.at(-1)!).toBeGreaterThan(-0.01);
    const noisy = run({ expr: shelf }, [1.5, 1e-6], 0.1);
    expect(noisy.path.at(-1)![0]).toBeLessThan(-0.8);
    expect(noisy.loss.at(-1)!).toBeLessThan(-0.3);
  });

  it("on the monkey saddle from δ = 10⁻⁸, plain descent stalls for all 300 steps, while noise escapes within a hundred", () => {
    const plain = run("monkeySaddle", [1.5, 1e-8]);
    expect(stallReport(plain, { threshold, box }).exit).toBeUndefined();
    expect(plain.loss.at(-1)!).toBeGreaterThan(-0.01);
    const noisy = stallReport(run("monkeySaddle", [1.5, 1e-8], 0.1), { threshold, box });
    expect(noisy.exit).toBeLessThan(100);
  });
});

describe("the Hessian tells them apart", () => {
  it("saddle, degenerate monkey saddle, degenerate shelf edge, and the shelf's real minimum", () => {
    expect(classifyHessian(testFunctions.saddle.hessian(0, 0)).kind).toBe("saddle");
    expect(classifyHessian(testFunctions.monkeySaddle.hessian(0, 0)).kind).toBe("degenerate");
    const f = compileExpression(shelf);
    expect(classifyHessian(f.hessian(0, 0)).kind).toBe("degenerate");
    const minimum = runOptimizer({ objective: { expr: shelf }, start: [-2, 0.5], optimizer: { name: "sgd", lr: 0.02 }, steps: 2000 }).path.at(-1)!;
    expect(minimum[0]).toBeCloseTo(-1, 6);
    expect(classifyHessian(f.hessian(minimum[0], minimum[1])).kind).toBe("minimum");
  });
});
