// @vitest-environment jsdom
// Figures carry no <style> of their own (each would be a new style sheet for the whole page on every redraw), and
// the pages draw through the wrappers that guarantee it, in the cell itself rather than in a ResizeObserver.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { legend, plot } from "../../src/components/plot.js";

const chart = () => plot({ width: 300, height: 200, color: { legend: true }, marks: [Plot.dotX([1, 2], { fill: ["a", "b"] })] });

describe("plot", () => {
  it("moves Plot's style rules to the document head once, however many figures are drawn", () => {
    const figures = [chart(), chart(), legend({ color: { domain: ["a", "b"] } })];
    for (const figure of figures) expect(figure.querySelector("style")).toBeNull();
    const sheets = [...document.head.querySelectorAll("style")].map((s) => s.textContent ?? "");
    expect(sheets.length).toBe(new Set(sheets).size);
    // The chart's own rules (display: block, max-width: 100%) and the legend's are there.
    expect(sheets.some((text) => text.includes(":where(.plot-d6a7b5)") && text.includes("max-width: 100%"))).toBe(true);
    expect(sheets.some((text) => text.includes("-swatches"))).toBe(true);
  });
});

describe("the pages and components", () => {
  const files = [
    ...readdirSync("src").filter((f) => f.endsWith(".md")).map((f) => join("src", f)),
    ...readdirSync("src/components", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => join("src/components", f)),
  ].filter((f) => f !== join("src/components", "plot.ts"));

  it.each(files)("%s draws through plot() and legend(), not Plot.plot or Plot.legend", (file) => {
    expect(readFileSync(file, "utf8")).not.toMatch(/Plot\.(plot|legend)\(/);
  });

  it.each(files.filter((f) => f.endsWith(".md")))("%s sizes figures from `width`, not with resize()", (file) => {
    // Code only: the prose may name the function.
    const code = [...readFileSync(file, "utf8").matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1].replace(/\/\/.*$/gm, "")).join("\n");
    expect(code).not.toMatch(/\bresize\(/);
  });
});
