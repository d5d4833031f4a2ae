// @vitest-environment jsdom
// The claims of the Momentum page, computed with lib/ as the page computes them.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { convergenceMap, fastestCell, logSpace } from "../../lib/analysis/convergenceMap.js";
import { velocityArrows } from "../../src/components/VelocityArrows.js";
import { mapBetas, mapLrs, mapOptions } from "../../src/components/momentumMapGrid.js";
import { RavineContour, ravineKappa, ravineLevels } from "../../src/components/RavineContour.js";
import { LossChart } from "../../src/components/LossChart.js";
import { widenLogDomain } from "../../src/components/coarseDomain.js";
import { cachedGrid, contourLevels } from "../../src/components/contourGrid.js";
import { optimizerSurface } from "../../src/components/OptimizerSurface.js";

const objective = { name: "ravine", params: { kappa: 25 } } as const;
const start = [-3.5, 1.5];

describe("Momentum page", () => {
  it("the article's momentum with η equals torch SGD with lr η(1−β): the paths coincide", () => {
    for (const [eta, beta] of [[0.5, 0.7], [0.3, 0.9], [0.05, 0.5]]) {
      const article = runOptimizer({ objective, start, optimizer: { name: "momentum", lr: eta, beta }, steps: 60 });
      const torch = runOptimizer({ objective, start, optimizer: { name: "sgd", lr: eta * (1 - beta), momentum: beta }, steps: 60 });
      expect(torch.path).toHaveLength(article.path.length);
      article.path.forEach((p, i) => {
        for (const d of [0, 1]) expect(Math.abs(p[d] - torch.path[i][d])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(p[d])));
      });
    }
  });

  it("torch SGD with the article's lr unchanged takes a first step 1/(1−β) times larger", () => {
    const beta = 0.9;
    const article = runOptimizer({ objective, start, optimizer: { name: "momentum", lr: 0.1, beta }, steps: 1 });
    const sameLr = runOptimizer({ objective, start, optimizer: { name: "sgd", lr: 0.1, momentum: beta }, steps: 1 });
    const step = (t: typeof article) => Math.hypot(t.path[1][0] - t.path[0][0], t.path[1][1] - t.path[0][1]);
    expect(step(sameLr) / step(article)).toBeCloseTo(1 / (1 - beta), 10);
  });

  it("on the ravine, plain descent is stable only below η = 2/κ", () => {
    const at = (lr: number) => runOptimizer({ objective, start, optimizer: { name: "sgd", lr }, steps: 200 });
    expect(at(0.07).loss.at(-1)!).toBeLessThan(1e-6);
    expect(at(0.09).loss.at(-1)!).toBeGreaterThan(at(0.09).loss[0]);
  });

  it("the best heavy ball converges in far fewer steps than the best plain descent (κ = 100)", () => {
    const cells = convergenceMap({
      objective: { name: "ravine", params: { kappa: 100 } },
      start,
      lrs: logSpace(0.02 / 100, 4 / 100, 30),
      betas: [0, 0.5, 0.7, 0.8, 0.9],
      tolerance: 1e-6,
      maxSteps: 1000,
    });
    const plain = fastestCell(cells.filter((c) => c.beta === 0))!;
    const heavy = fastestCell(cells.filter((c) => c.beta > 0))!;
    expect(heavy.steps! * 3).toBeLessThan(plain.steps!);
  });

  it("Nesterov steps along g + μb, which the first step shows as (1 + μ)·η·g", () => {
    const t = runOptimizer({ objective, start, optimizer: { name: "sgd", lr: 0.01, momentum: 0.5, nesterov: true }, steps: 1 });
    // g at the start is (x, κy) = (−3.5, 37.5).
    expect(t.path[1][0]).toBeCloseTo(-3.5 - 0.01 * 1.5 * -3.5, 12);
    expect(t.path[1][1]).toBeCloseTo(1.5 - 0.01 * 1.5 * 37.5, 12);
  });

  it("at the defaults (κ = 25, η = 0.072, β = 0.8) plain descent flips across the valley at every step, momentum a few times, and ends far lower", () => {
    const flips = (t: ReturnType<typeof runOptimizer>) => {
      let n = 0;
      for (let i = 2; i < t.path.length; ++i) {
        const [a, b] = [t.path[i][1] - t.path[i - 1][1], t.path[i - 1][1] - t.path[i - 2][1]];
        if (a * b < 0 && Math.abs(a) > 1e-3) n++;
      }
      return n;
    };
    const gd = runOptimizer({ objective, start, optimizer: { name: "sgd", lr: 0.072 }, steps: 100 });
    const ema = runOptimizer({ objective, start, optimizer: { name: "momentum", lr: 0.072, beta: 0.8 }, steps: 100 });
    expect(flips(gd)).toBeGreaterThan(30);
    expect(flips(ema)).toBeLessThanOrEqual(10);
    expect(ema.loss.at(-1)!).toBeLessThan(gd.loss.at(-1)! / 100);
  });

  it("Nesterov is stable below η = 2(1+μ)/((1+2μ)κ) and not above; the heavy ball still is", () => {
    const mu = 0.9;
    const limit = (2 * (1 + mu)) / ((1 + 2 * mu) * 25);
    const run = (lr: number, nesterov: boolean) => runOptimizer({ objective, start, optimizer: { name: "sgd", lr, momentum: mu, nesterov }, steps: 400 });
    expect(run(limit * 0.95, true).loss.at(-1)!).toBeLessThan(1e-3);
    const above = run(limit * 1.05, true);
    expect(above.stop.reason === "diverged" || above.loss.at(-1)! > above.loss[0]).toBe(true);
    expect(run(limit * 1.05, false).loss.at(-1)!).toBeLessThan(1e-3);
  });

  it("with a large μ Nesterov damps the heavy ball's spiral (η = 0.02, μ = 0.9)", () => {
    const heavy = runOptimizer({ objective, start, optimizer: { name: "sgd", lr: 0.02, momentum: 0.9 }, steps: 100 });
    const nesterov = runOptimizer({ objective, start, optimizer: { name: "sgd", lr: 0.02, momentum: 0.9, nesterov: true }, steps: 100 });
    expect(nesterov.loss.at(-1)!).toBeLessThan(heavy.loss.at(-1)!);
  });

  it("above plain descent's limit 2/κ, momentum in the article's form still converges", () => {
    const gd = runOptimizer({ objective, start, optimizer: { name: "sgd", lr: 0.1 }, steps: 100 });
    const ema = runOptimizer({ objective, start, optimizer: { name: "momentum", lr: 0.1, beta: 0.8 }, steps: 100 });
    expect(gd.loss.at(-1)!).toBeGreaterThan(gd.loss[0]);
    expect(ema.loss.at(-1)!).toBeLessThan(1e-6);
  });

  it("velocity arrows come from the recorded state: −ηv, the displacement of the step that reached each point", () => {
    for (const optimizer of [{ name: "momentum", lr: 0.072, beta: 0.8 }, { name: "sgd", lr: 0.06, momentum: 0.5 }] as const) {
      const t = runOptimizer({ objective, start, optimizer, steps: 30, recordState: true });
      const arrows = velocityArrows(t);
      expect(arrows).toHaveLength(30);
      arrows.forEach((a, k) => {
        expect([a.x, a.y]).toEqual(t.path[k + 1]);
        expect(a.dx).toBeCloseTo(t.path[k + 1][0] - t.path[k][0], 12);
        expect(a.dy).toBeCloseTo(t.path[k + 1][1] - t.path[k][1], 12);
      });
    }
  });

  it("the map's fastest cell (κ = 25) sits near the theoretical best μ = ((√κ−1)/(√κ+1))², η = 4/(1+√κ)²", () => {
    const kappa = 25;
    const cells = convergenceMap({
      objective,
      start,
      lrs: logSpace(0.02 / kappa, 4 / kappa, 30),
      betas: Array.from({ length: 20 }, (_, i) => i / 20),
      tolerance: 1e-6,
      maxSteps: 300,
    });
    const fastest = fastestCell(cells)!;
    expect(Math.abs(fastest.beta - ((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)) ** 2)).toBeLessThan(0.15);
    expect(fastest.lr / (4 / (1 + Math.sqrt(kappa)) ** 2)).toBeGreaterThan(0.66);
    expect(fastest.lr / (4 / (1 + Math.sqrt(kappa)) ** 2)).toBeLessThan(1.5);
  });

  it("the map's grid: 30 log-spaced η from 0.02/κ to 4/κ and 20 momentum coefficients, one heavy-ball run per cell", () => {
    // mapBetas is the page's former d3.range(0, 0.96, 0.05), rounded.
    expect(mapBetas).toEqual(Array.from({ length: 20 }, (_, i) => Math.round(i * 0.05 * 100) / 100));
    for (const kappa of [1, 25]) {
      const options = mapOptions({ name: "ravine", params: { kappa } }, start, kappa);
      expect(options.lrs).toEqual(mapLrs(kappa));
      expect(options.lrs[0]).toBeCloseTo(0.02 / kappa, 12);
      expect(options.lrs.at(-1)).toBeCloseTo(4 / kappa, 12);
      expect(convergenceMap(options)).toHaveLength(600);
    }
  });

  it("the ravine's exact contour levels are ContourPlot's (evenly spaced ticks between the view's extremes)", () => {
    for (const kappa of [1, 3.98, 25, 100]) {
      const objective = { name: "ravine", params: { kappa } } as const;
      expect(ravineKappa(objective)).toBe(kappa);
      const surface = optimizerSurface(objective);
      const box = { x: [...surface.domain.x], y: [...surface.domain.y] } as const;
      const grid = cachedGrid(surface.f, surface.domain, 120, 120);
      const sampled = contourLevels(grid, { count: 20 });
      expect(sampled.log).toBe(false); // evenly spaced on the grid too: no log levels to draw
      const exact = ravineLevels(kappa, { x: [box.x[0], box.x[1]], y: [box.y[0], box.y[1]] });
      // The grid's samples sit half a cell inside the view, so its top tick may be one fewer.
      expect(exact.slice(0, sampled.thresholds.length)).toEqual(sampled.thresholds);
      expect(exact.length - sampled.thresholds.length).toBeLessThanOrEqual(1);
    }
    expect(ravineKappa({ name: "rosenbrock" })).toBeUndefined();
    expect(ravineKappa({ expr: "x^2 + y^2" })).toBeUndefined();
  });

  it("draws the axes in a base shared by every κ, and the ravine's ellipses, the runs and their labels in the overlay", () => {
    const figure = (kappa: number, lr: number) => {
      const objective = { name: "ravine", params: { kappa } } as const;
      const trace = runOptimizer({ objective, start, optimizer: { name: "sgd", lr }, steps: 100 });
      return RavineContour(objective, optimizerSurface(objective), { width: 720, trajectories: [{ trace, label: "plain descent" }] });
    };
    const a = figure(25, 0.072);
    const b = figure(100, 1);
    expect(figure(25, 0.01).baseKey).toBe(a.baseKey); // another η: the same axes
    expect(b.baseKey).toBe(a.baseKey); // another κ: the same axes too
    const box = { x: [-4, 4], y: [-2, 2] } as const;
    expect(a.base.querySelectorAll("ellipse")).toHaveLength(0);
    expect(a.overlay.querySelectorAll("ellipse")).toHaveLength(ravineLevels(25, box).length);
    expect(b.overlay.querySelectorAll("ellipse")).toHaveLength(ravineLevels(100, box).length);
    // The bands narrow across the floor as κ grows: semi-axes √(2t) along x, √(2t/κ) along y.
    const ratio = (f: typeof a) => { const e = f.overlay.querySelector("ellipse")!; return Number(e.getAttribute("ry")) / Number(e.getAttribute("rx")); };
    expect(ratio(b)).toBeLessThan(ratio(a));
    expect(a.overlay.getAttribute("aria-label")).toBe("Contour map of Ravine with plain descent");
    expect(a.overlay.getAttribute("aria-description")).toContain("evenly spaced levels");
    expect(b.overlay.getAttribute("aria-description")).toContain("plain descent: ");
    expect(b.overlay.textContent).toContain("plain descent diverged"); // η far above 2/κ: the loss overflows
    // Another objective typed into the ✏️ cell: a contour map from the grid.
    const rosenbrock = RavineContour({ name: "rosenbrock" }, optimizerSurface({ name: "rosenbrock" }), { width: 720 });
    expect(rosenbrock.overlay.getAttribute("aria-label")).toContain("Rosenbrock");
  });

  it("the loss chart's log axis is rounded to five decades below, so nearby runs share it", () => {
    expect(widenLogDomain([1e-13, 100], 5)).toEqual([1e-15, 100]);
    expect(widenLogDomain([1e-10, 1e3], 5)).toEqual([1e-10, 1e3]);
    expect(widenLogDomain([1e-3, 1e37], 5)).toEqual([1e-5, 1e40]);
    const objective = { name: "ravine", params: { kappa: 25 } } as const;
    const chart = (lr: number) => LossChart([{ trace: runOptimizer({ objective, start, optimizer: { name: "momentum", lr, beta: 0.8 }, steps: 100 }), label: "momentum" }], { width: 640, height: 240, logScale: true, decades: 5 });
    expect(chart(0.07).baseKey).toBe(chart(0.06).baseKey);
    expect(chart(0.07).overlay.getAttribute("aria-description")).toContain("Loss per step on a log scale.");
  });
});
