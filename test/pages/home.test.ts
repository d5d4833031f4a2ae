// The home page: its course path follows the sidebar's order, and its hero walk ends on a valley floor.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { course } from "../../observablehq.config.js";
import { runOptimizer } from "../../lib/index.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";

const home = readFileSync(new URL("../../src/index.md", import.meta.url), "utf8");

describe("the home page", () => {
  it("lists every page of the course, in the order of the sidebar", () => {
    const section = home.slice(home.indexOf("## The course"), home.indexOf("## Who it is for"));
    const links = [...section.matchAll(/^\d+\. \[[^\]]+\]\(\.(\/[a-z-]+)\)/gm)].map((m) => m[1]);
    expect(links).toEqual(course.map((page) => page.path));
  });

  it("the hero walk from its default start ends at one of Himmelblau's four minima", () => {
    const trace = runOptimizer({ objective: "himmelblau", start: [-0.6, -0.4], optimizer: { name: "sgd", lr: 0.01 }, steps: 80 });
    const end = trace.path[trace.path.length - 1];
    const nearest = Math.min(...testFunctions.himmelblau.minima.map((m) => Math.hypot(m.point[0] - end[0], m.point[1] - end[1])));
    expect(nearest).toBeLessThan(0.05);
    expect(trace.loss.at(-1)!).toBeLessThan(trace.loss[0] / 1000);
  });
});
