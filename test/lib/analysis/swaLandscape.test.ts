import { describe, expect, it } from "vitest";
import { swaLandscape } from "../../../lib/analysis/swaLandscape.js";
import { swaRecipe } from "../../../lib/analysis/swaRecipe.js";

describe("swaLandscape", () => {
  it("the test loss is the training loss moved by the shift", () => {
    const land = swaLandscape("(x-1)^2 + 3*y^2", [0.5, -1]);
    expect(land.testLoss(1.5, -1)).toBe(0);
    expect(land.report([1, 0])).toEqual({ point: [1, 0], train: 0, test: 0.25 + 3, sharpness: 6 });
  });

  it("sharpness is the largest Hessian eigenvalue, also for a rotated bowl", () => {
    // (x + y)² + 0.1(x − y)²: eigenvalues 4 and 0.4.
    expect(swaLandscape("(x+y)^2 + 0.1*(x-y)^2", [0, 0]).report([0.3, -2]).sharpness).toBeCloseTo(4, 12);
  });

  it("rejects a landscape of x alone", () => {
    expect(() => swaLandscape("x^2", [0, 0])).toThrow(/both x and y/);
  });
});

describe("swaRecipe", () => {
  const recipe = swaRecipe({ objective: { expr: "x^2 + y^2" }, start: [2, -1], lr: 0.1, highLr: 0.5, firstSteps: 20, cycles: 4, cycleSteps: 10, noise: 0.5, seed: 3 });

  it("caches the end of the first convergence and of every cycle, and averages the cycle ends", () => {
    expect(recipe.cached).toHaveLength(5);
    expect(recipe.cached[0]).toEqual(recipe.first.path[20]);
    expect(recipe.cached[4]).toEqual(recipe.restarts.path[40]);
    const mean = [0, 1].map((i) => recipe.cached.slice(1).reduce((s, p) => s + p[i], 0) / 4);
    expect(recipe.average).toEqual(mean);
  });

  it("raises η at each restart and anneals it to the small η (CosineAnnealingWarmRestarts with eta_min = lr)", () => {
    expect(recipe.restarts.lr[0]).toBe(0.5);
    expect(recipe.restarts.lr[10]).toBe(0.5);
    expect(recipe.restarts.lr[9]).toBeLessThan(0.12);
    expect(Math.min(...recipe.restarts.lr)).toBeGreaterThanOrEqual(0.1);
  });

  it("joins both runs into one trace with a cache event at every cached point", () => {
    expect(recipe.trace.path).toHaveLength(61);
    expect(recipe.trace.lr).toHaveLength(60);
    expect(recipe.trace.events.map((e) => e.step)).toEqual([20, 30, 40, 50, 60]);
    for (const e of recipe.trace.events) expect(recipe.trace.path[e.step]).toEqual(recipe.cached[e.value!]);
  });
});
