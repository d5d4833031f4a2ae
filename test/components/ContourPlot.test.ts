// @vitest-environment jsdom
// Contour SVGs are large, so these count what is drawn (levels, paths, dots) rather than snapshot it.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";
import { ContourPlot } from "../../src/components/ContourPlot.js";
import { cachedGrid, cachedLevels } from "../../src/components/contourGrid.js";

const himmelblau = testFunctions.himmelblau;
const run = (start: number[], lr = 0.01) => runOptimizer({ objective: "himmelblau", start, optimizer: { name: "sgd", lr }, steps: 30 });
const group = (svg: Element, label: string) => [...svg.querySelectorAll(`g[aria-label="${label}"]`)];
const levelsOf = (fn = himmelblau) => cachedLevels(cachedGrid(fn.f, fn.domain, 120, 120), { count: 20, floor: 0 });

describe("ContourPlot", () => {
  it("ContourPlot(himmelblau) fills one band per level plus the lowest, each with a path", () => {
    const svg = ContourPlot(himmelblau, { width: 400 });
    const paths = group(svg, "contour")[0].querySelectorAll("path");
    expect(paths.length).toBe(levelsOf().thresholds.length + 1);
    paths.forEach((p) => expect(p.getAttribute("d")?.length).toBeGreaterThan(10));
    expect(svg.getAttribute("aria-description")).toContain(`${levelsOf().thresholds.length} evenly spaced levels`);
  });

  it("ContourPlot(rosenbrock) picks log-spaced levels", () => {
    const svg = ContourPlot(testFunctions.rosenbrock, { width: 400 });
    expect(svg.getAttribute("aria-description")).toContain("log-spaced");
  });

  it("marks the known minima and draws each trajectory as a line with a dot per point", () => {
    const svg = ContourPlot(himmelblau, { width: 400, trajectories: [run([0, 0]), { trace: run([-1, 0]), label: "left" }] });
    const stars = group(svg, "dot").flatMap((g) => [...g.querySelectorAll("path")]).filter((p) => !p.getAttribute("d")!.includes("a"));
    expect(stars.length).toBe(4);
    // One path per run with a dot (a circle of two arcs) at each of its 31 points.
    const dots = group(svg, "dot").flatMap((g) => [...g.querySelectorAll("path")]).filter((p) => p.getAttribute("d")!.includes("a"));
    expect(dots.map((p) => p.getAttribute("d")!.split("M").length - 1)).toEqual([31, 31]);
    expect(group(svg, "line").reduce((n, g) => n + g.querySelectorAll("path").length, 0)).toBe(4); // a halo and a line per run
    expect(svg.getAttribute("aria-label")).toBe("Contour map of Himmelblau with Run 1, left");
  });

  it("draws a diverged run up to its last finite point, with a 'diverged' label", () => {
    const trace = runOptimizer({ objective: "himmelblau", start: [4, 4], optimizer: { name: "sgd", lr: 0.5 }, steps: 30 });
    expect(trace.stop.reason).toBe("diverged");
    const svg = ContourPlot(himmelblau, { width: 400, trajectories: trace });
    expect(svg.textContent).toContain("Run 1 diverged");
    expect(svg.getAttribute("aria-description")).toContain("left the view");
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it("the base layer has the contours and no runs; the overlay the runs and no contours, at the same size", () => {
    const options = { width: 360, trajectories: run([0, 0]), start: [0, 0] };
    const base = ContourPlot(testFunctions.ravine, { ...options, layer: "base" });
    const overlay = ContourPlot(testFunctions.ravine, { ...options, layer: "overlay" });
    expect(group(base, "contour")).toHaveLength(1);
    expect(group(base, "line")).toHaveLength(0);
    expect(group(overlay, "contour")).toHaveLength(0);
    expect(group(overlay, "line").length).toBeGreaterThan(0);
    expect([overlay.getAttribute("width"), overlay.getAttribute("height")]).toEqual([base.getAttribute("width"), base.getAttribute("height")]);
    expect((overlay as unknown as SVGSVGElement & { scale(n: string): { range: number[] } }).scale("y").range).toEqual(
      (base as unknown as SVGSVGElement & { scale(n: string): { range: number[] } }).scale("y").range,
    );
  });

  it("gradientField: 15 overlays a vector per grid point (15 × 15 on a square view)", () => {
    const svg = ContourPlot(himmelblau, { width: 400, gradientField: 15 });
    expect(group(svg, "vector")[0].querySelectorAll("path").length).toBe(225);
    expect(svg.getAttribute("aria-description")).toContain("points uphill");
  });
});
