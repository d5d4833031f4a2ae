// The seed claims the Learning rate page reproduces (000 §学习率 and §是否正常工作, 002 §3, 004), asserted through lib/.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { compileExpression } from "../../lib/objectives/expression/index.js";
import { classifyLossCurve } from "../../lib/analysis/lossCurve.js";
import { quadraticRegimes } from "../../lib/analysis/quadraticRegimes.js";
import { regimeSpans, sweepLearningRate } from "../../lib/analysis/sweep.js";
import { logSpace } from "../../lib/analysis/convergenceMap.js";
import { budgetSweep } from "../../src/components/budgetSweep.js";

// The page's two losses and start points.
const parabola = "x^2";
const valley = "0.5*x^2 + 2.5*log(cosh(2*y))";
const descend = (expr: string, start: number[], lr: number, steps = 50, tolerance?: number) =>
  runOptimizer({ objective: { expr }, start, optimizer: { name: "sgd", lr }, steps, tolerance });
const onParabola = (lr: number, steps = 50, tolerance?: number) => descend(parabola, [10], lr, steps, tolerance);
const onValley = (lr: number, steps = 50) => descend(valley, [-2.5, 1.5], lr, steps);

describe("Learning rate page", () => {
  const L = compileExpression(parabola).hessian(10, 0)[0][0];
  const { oscillationFrom, divergenceFrom } = quadraticRegimes(L);

  it("reads the parabola's curvature L = 2, so the borders are 1/L = 0.5 and 2/L = 1", () => {
    expect(L).toBe(2);
    expect([oscillationFrom, divergenceFrom]).toEqual([0.5, 1]);
  });

  it("000: too large a rate makes the gradient jump from positive to negative (every step, once η > 1/L)", () => {
    const slopes = (lr: number) => onParabola(lr, 10).path.map(([x]) => Math.sign(2 * x));
    expect(new Set(slopes(0.45))).toEqual(new Set([1]));
    slopes(0.55).forEach((s, k) => expect(s).toBe(k % 2 === 0 ? 1 : -1));
  });

  it("correction to 000: between 1/L and 2/L the sign flips and the loss still falls every step", () => {
    const { loss } = onParabola(0.9);
    loss.slice(1).forEach((v, k) => expect(v).toBeLessThan(loss[k]));
    expect(classifyLossCurve(onParabola(0.9)).regime).toBe("oscillating");
  });

  it("000: too small a rate keeps lowering the loss without levelling off within the budget", () => {
    const run = onParabola(0.005);
    expect(classifyLossCurve(run).regime).toBe("slow");
    expect(run.loss.at(-1)).toBeLessThan(run.loss[0]);
    expect(run.loss.at(-1)).toBeGreaterThan(0.3 * run.loss[0]);
  });

  it("000 and 002: above 2/L the loss rises instead of falling", () => {
    const run = onParabola(1.1);
    expect(classifyLossCurve(run).regime).toBe("diverging");
    run.loss.slice(1).forEach((v, k) => expect(v).toBeGreaterThan(run.loss[k]));
  });

  it("002: a low rate takes far longer to reach the minimum; the fastest fixed rate is 1/L", () => {
    const stepsTo = (lr: number) => onParabola(lr, 100_000, 1e-6).stop.step;
    expect(stepsTo(0.001)).toBeGreaterThan(100 * stepsTo(0.1));
    expect(stepsTo(0.5)).toBe(1);
  });

  it("the sweep finds the four regimes in order, with borders at 1/L and 2/L, and its best η near 1/L", () => {
    const points = sweepLearningRate((lr) => ({ objective: { expr: parabola }, start: [10], optimizer: { name: "sgd", lr }, steps: 50 }), logSpace(0.001, 3, 80));
    const spans = regimeSpans(points);
    expect(spans.map((s) => s.regime)).toEqual(["slow", "converging", "oscillating", "diverging"]);
    const spacing = (3 / 0.001) ** (1 / 79);
    expect(Math.abs(Math.log(spans[2].from / oscillationFrom))).toBeLessThan(Math.log(spacing));
    expect(Math.abs(Math.log(spans[3].from / divergenceFrom))).toBeLessThan(Math.log(spacing));
    const best = points.reduce((b, p) => (p.finalLoss < b.finalLoss ? p : b));
    expect(best.lr).toBeGreaterThan(oscillationFrom / 3);
    expect(best.lr).toBeLessThan(divergenceFrom);
  });

  it("000's normal curve: the loss falls and settles (valley, η = 0.05)", () => {
    expect(classifyLossCurve(onValley(0.05)).regime).toBe("converging");
  });

  it("000's abnormal curves: slow at η = 0.005, a high plateau at η = 0.5, rising at η = 2.2", () => {
    expect(classifyLossCurve(onValley(0.005)).regime).toBe("slow");
    const plateau = onValley(0.5);
    expect(classifyLossCurve(plateau).regime).toBe("oscillating");
    expect(plateau.loss.at(-1)).toBeGreaterThan(1); // far above the minimum value 0
    expect(Math.abs(plateau.loss.at(-1)! - plateau.loss[25]) / plateau.loss[25]).toBeLessThan(0.01); // and no longer moving
    expect(classifyLossCurve(onValley(2.2)).regime).toBe("diverging");
  });

  it("004: too large a step bounces across the valley (y keeps flipping sign) while x still heads for the minimum", () => {
    const { path } = onValley(0.3, 40);
    const ys = path.slice(10).map((p) => p[1]); // after the first slide down the wall
    ys.slice(1).forEach((y, k) => expect(Math.sign(y)).toBe(-Math.sign(ys[k])));
    expect(Math.abs(ys.at(-1)!)).toBeGreaterThan(0.1); // a lasting bounce, not a dying one
    expect(Math.abs(path.at(-1)![0])).toBeLessThan(0.01);
  });

  it("divergence is reported with its step, and the trace keeps only finite numbers", () => {
    const run = onParabola(3, 1000);
    expect(run.stop.reason).toBe("diverged");
    expect(run.loss.every(Number.isFinite)).toBe(true);
    expect(classifyLossCurve(run).evidence).toBe(`the loss left the finite numbers: diverged at step ${run.stop.step}`);
  });

  it("the page's sweep for any budget, read off one 200-step run per rate, equals a sweep run at that budget", () => {
    const spec = (lr: number, steps: number) => ({ objective: { expr: parabola }, start: [10], optimizer: { name: "sgd" as const, lr }, steps });
    const lrs = logSpace(0.001, 10, 80);
    const sweepFor = budgetSweep(spec, lrs, 200);
    // η = 10 overflows at step 119: budgets of 119 and 120 straddle it; 5 and 200 are the slider's ends.
    for (const steps of [5, 50, 119, 120, 150, 200]) {
      expect(sweepFor(steps)).toEqual(sweepLearningRate((lr) => spec(lr, steps), lrs));
    }
    expect(sweepFor(119).at(-1)!.stop.reason).toBe("maxSteps");
    expect(sweepFor(120).at(-1)!.stop).toMatchObject({ reason: "diverged", step: 119 });
    expect(sweepFor(50).some((p) => p.stop.reason === "diverged")).toBe(false);
    expect(() => sweepFor(201)).toThrow(RangeError);
  });
});
