// The claims of the Stochastic weight averaging page (src/swa.md), computed with its default settings.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { swaRecipe, type SwaRecipeOptions } from "../../lib/analysis/swaRecipe.js";
import { averageWinsOverSeeds, swaLandscape } from "../../lib/analysis/swaLandscape.js";
import { distinctPlaces } from "../../lib/analysis/annealEnds.js";

// The page's loss cell and the defaults of its controls.
const loss = "0.1*((x-1)^2+(y+0.5)^2) + 0.02*((x-1)^2+(y+0.5)^2)^2 - 3*exp(-((x+0.8)^2+(y-0.6)^2)/0.125)";
const start = [-0.5, 0.9];
const defaults: SwaRecipeOptions = { objective: { expr: loss }, start, lr: 0.03, highLr: 0.5, firstSteps: 60, cycles: 10, cycleSteps: 30, noise: 1, seed: 0 };
const landscape = swaLandscape(loss, [0.4, 0.4]);
const compare = (options: SwaRecipeOptions) => {
  const recipe = swaRecipe(options);
  return {
    recipe,
    descent: landscape.report(recipe.cached[0]),
    last: landscape.report(recipe.cached[recipe.cached.length - 1]),
    average: landscape.report(recipe.average),
  };
};

describe("the SWA recipe at the page's defaults", () => {
  const { recipe, descent, last, average } = compare(defaults);

  it("plain descent converges into the sharp pit, the deepest training loss on the map", () => {
    expect(Math.hypot(descent.point[0] + 0.8, descent.point[1] - 0.6)).toBeLessThan(0.15);
    expect(descent.train).toBeLessThan(-1.5);
    expect(descent.train).toBeLessThan(average.train);
    expect(descent.sharpness).toBeLessThan(2 / defaults.lr); // the small η is stable there …
    expect(descent.sharpness).toBeGreaterThan(2 / defaults.highLr); // … the raised η is not
  });

  it("caches ten more points after raising η, and their average lands in a flatter, lower-test-loss region", () => {
    expect(recipe.cached).toHaveLength(11);
    expect(average.sharpness).toBeLessThan(descent.sharpness / 10);
    expect(average.sharpness).toBeLessThan(last.sharpness);
    expect(average.test).toBeLessThan(descent.test);
    expect(average.test).toBeLessThan(last.test);
    expect(average.train).toBeLessThan(last.train);
  });

  it("the average beats the last point on the test loss for most noise seeds", () => {
    expect(averageWinsOverSeeds(defaults, landscape, 20)).toBeGreaterThanOrEqual(14);
  });
});

describe("what the page suggests trying", () => {
  it("a raised η below 2/λ of the pit cannot shake the run out of it", () => {
    const { descent, average } = compare({ ...defaults, highLr: 0.03 });
    expect(0.03).toBeLessThan(2 / descent.sharpness);
    expect(average.sharpness).toBeGreaterThan(20);
  });

  it("without gradient noise the later cycles all end at the bowl's centre, and the average (which counts the early ones) is no better than the last point", () => {
    const { recipe, last, average } = compare({ ...defaults, noise: 0 });
    expect(distinctPlaces(recipe.cached.slice(5), 0.01)).toBe(1);
    expect(Math.hypot(last.point[0] - 1, last.point[1] + 0.5)).toBeLessThan(0.01);
    expect(average.test).toBeGreaterThan(last.test);
  });
});

describe("the page", () => {
  const page = readFileSync(new URL("../../src/swa.md", import.meta.url), "utf8");
  it("keeps its loss function in one marked cell, the one this test uses, and notes that SWA averages weights, not predictions", () => {
    expect(page).toContain("// ✏️ The loss function of this page");
    expect(page).toContain(`const loss = "${loss}";`);
    expect(page).toContain(`const start = [${start.join(", ")}];`);
    expect(page).toMatch(/averages the \*weights\* themselves/);
  });
});
