// The claims of the Comparing optimizers page, computed with lib/ as the page computes them.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { evidence, race, raceThreshold, standardRacers } from "../../lib/analysis/race.js";

describe("Comparing optimizers page", () => {
  const parabola = { objective: "quadratic1d" as const, start: [10], steps: 20 };

  it("y = x² from 10, η = 0.1, 20 steps: gradient descent reaches 10·0.8²⁰ ≈ 0.1153", () => {
    const gd = runOptimizer({ ...parabola, optimizer: { name: "sgd", lr: 0.1 } });
    expect(gd.path[20][0]).toBeCloseTo(10 * 0.8 ** 20, 12);
    expect(gd.path[20][0]).toBeCloseTo(0.1153, 4);
  });

  it("…while Adam only reaches ≈ 8.03, because each of its steps is about η", () => {
    const adam = runOptimizer({ ...parabola, optimizer: { name: "adam", lr: 0.1 } });
    expect(adam.path[20][0]).toBeCloseTo(8.03, 2);
    for (let k = 0; k < 20; ++k) {
      const step = adam.path[k][0] - adam.path[k + 1][0];
      expect(step).toBeGreaterThan(0.09);
      expect(step).toBeLessThanOrEqual(0.1 + 1e-9);
    }
  });

  it("Adam with η = 1 crosses the minimum and overshoots", () => {
    const adam = runOptimizer({ ...parabola, optimizer: { name: "adam", lr: 1 } });
    const cross = adam.path.findIndex(([x]) => x <= 0);
    expect(cross).toBe(12); // x = 0.05 after 11 steps, −0.59 after 12
    expect(Math.min(...adam.path.map(([x]) => x))).toBeLessThan(-2);
  });

  it("the race gives every racer the same budget and its own tuned η, and the evidence follows the traces", () => {
    const entries = race({ objective: "rosenbrock", start: [-1.4, 2.4], steps: 150 }, standardRacers);
    const threshold = raceThreshold(entries, 1e-3, 0);
    expect(threshold).toBe(1e-3);
    for (const e of entries) {
      expect(e.tuned).toBe(true);
      expect(e.trace.lr.length).toBeLessThanOrEqual(150);
      const ev = evidence(e.trace, threshold);
      if (ev.stepsToThreshold !== null) expect(e.trace.loss[ev.stepsToThreshold]).toBeLessThanOrEqual(threshold);
    }
    // On Rosenbrock no racer is handed another's η: the tuned values differ between plain descent and Adam.
    expect(entries.find((e) => e.label === "GD")!.lr).not.toBe(entries.find((e) => e.label === "Adam")!.lr);
  });

  it("a typed expression races like a test function", () => {
    const entries = race({ objective: { expr: "x^2 + 10*y^2 + 3*sin(x)" }, start: [-2.1, 2.1], steps: 100 }, standardRacers);
    expect(entries.every((e) => Number.isFinite(e.trace.loss.at(-1)!))).toBe(true);
  });
});
