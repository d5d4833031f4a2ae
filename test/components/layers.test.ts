// @vitest-environment jsdom
// Layered figures: a base drawn once per key and an overlay drawn per call, aligned; a FigureSlot that swaps only
// the overlay when the base is the same.
import * as Plot from "@observablehq/plot";
import { describe, expect, it, vi } from "vitest";
import { FigureSlot, hashNumbers, layeredPlot, layerMargins, type LayeredFigure } from "../../src/components/layers.js";
import { nearValue } from "../../src/components/nearViewport.js";

const chart = (points: number[][], { label = "a", width = 400, yMax = 10 } = {}) =>
  layeredPlot({
    width,
    height: 200,
    x: { domain: [0, 10], label: "x" },
    y: { domain: [0, yMax], label: "y", grid: true },
    color: { domain: [label], range: ["red"], legend: true },
    ariaLabel: `run ${label}`,
    marks: [Plot.ruleY([0])],
    overlay: [Plot.line(points, { stroke: () => label })],
  });

describe("layeredPlot", () => {
  it("draws the axes in the base and the marks in an overlay of the same size and scales", () => {
    const figure = chart([[0, 0], [10, 10]]);
    expect(figure.base.querySelectorAll("[aria-label^='x-axis'], [aria-label^='y-axis']").length).toBeGreaterThan(0);
    expect(figure.overlay.querySelectorAll("[aria-label^='x-axis'], [aria-label^='y-axis']").length).toBe(0);
    expect(figure.overlay.querySelector("path")).not.toBeNull();
    expect(figure.base.getAttribute("viewBox")).toBe(figure.overlay.getAttribute("viewBox"));
    expect(figure.scale("x")!.apply(10)).toBe(400 - 20);
    expect(figure.overlay.getAttribute("aria-label")).toBe("run a");
    expect(figure.base.getAttribute("aria-hidden")).toBe("true");
    expect(figure.legend?.textContent).toContain("a");
  });

  it("gives equal keys to equal bases, whatever the overlay and its colours", () => {
    const key = chart([[0, 0]]).baseKey;
    expect(chart([[1, 5]], { label: "b" }).baseKey).toBe(key);
    expect(chart([[0, 0]], { width: 300 }).baseKey).not.toBe(key);
    expect(chart([[0, 0]], { yMax: 20 }).baseKey).not.toBe(key);
  });

  it("with a moving y axis, draws its ticks in the overlay and shares one base across y domains", () => {
    const moving = (yMax: number) =>
      layeredPlot({
        width: 400,
        height: 200,
        x: { domain: [0, 10], label: "x" },
        y: { type: "log", domain: [1, yMax], label: "norm", tickFormat: "~g" },
        movingY: true,
        overlay: [() => null],
      });
    const [small, large] = [moving(100), moving(1e12)];
    expect(large.baseKey).toBe(small.baseKey);
    expect(small.base.textContent).toContain("norm");
    expect(small.base.textContent).not.toContain("100");
    // The labels Plot's own axis has at these domains.
    const labels = (svg: Element) => [...svg.querySelectorAll("text")].map((t) => t.textContent).filter((text) => text !== "");
    const plotLabels = (yMax: number) =>
      labels(Plot.plot({ ...layerMargins, width: 400, height: 200, x: { domain: [0, 10], axis: null }, y: { type: "log", domain: [1, yMax], label: null, tickFormat: "~g" }, marks: [] }));
    expect(labels(small.overlay)).toEqual(plotLabels(100));
    expect(labels(large.overlay)).toEqual(plotLabels(1e12));
    expect(labels(large.overlay)).toContain("1e+12");
    // A linear axis without a tickFormat: Plot's default labels, with the precision its ticks need.
    const linear = layeredPlot({ width: 400, height: 200, x: { domain: [0, 10] }, y: { domain: [0, 0.35], label: "η" }, movingY: true, overlay: [() => null] });
    const plotLinear = labels(Plot.plot({ ...layerMargins, width: 400, height: 200, x: { domain: [0, 10], axis: null }, y: { domain: [0, 0.35], label: null }, marks: [] }));
    expect(labels(linear.overlay)).toEqual(plotLinear);
    expect(plotLinear).toEqual(["0.0", "0.1", "0.2", "0.3"]);
    // A moving x axis, and an explicit tick count: Plot's labels again, and one base for every x domain.
    const steps = (last: number) => layeredPlot({ width: 400, height: 200, x: { domain: [0, last], label: "step" }, y: { domain: [1, 1e6], type: "log", ticks: 3, tickFormat: ".0e" }, movingX: true, movingY: true, overlay: [() => null] });
    const plotSteps = (last: number) => labels(Plot.plot({ ...layerMargins, width: 400, height: 200, x: { domain: [0, last], label: null }, y: { domain: [1, 1e6], type: "log", ticks: 3, tickFormat: ".0e", label: null }, marks: [] }));
    expect(steps(150).baseKey).toBe(steps(420).baseKey);
    expect(labels(steps(150).overlay)).toEqual(plotSteps(150));
    expect(labels(steps(420).overlay)).toEqual(plotSteps(420));
    expect(labels(steps(420).overlay)).toContain("400");
    expect(large.scale("y")!.domain).toEqual([1, 1e12]);
  });
});

describe("FigureSlot", () => {
  it("swaps only the overlay (and legend) for a figure with the same base", () => {
    const slot = FigureSlot();
    const first = chart([[0, 0], [10, 10]]);
    slot.show(() => first);
    const base = slot.querySelector("svg[aria-hidden]");
    const second = chart([[0, 5], [10, 5]], { label: "b" });
    slot.show(() => second);
    expect(slot.querySelector("svg[aria-hidden]")).toBe(base);
    expect(slot.querySelector("svg[aria-label]")).toBe(second.overlay);
    expect(slot.querySelectorAll("svg[aria-label]").length).toBe(1);
    expect(slot.textContent).toContain("b");
    // The same legend again: the one shown stays; another one replaces it, and only one is shown.
    const shown = slot.firstElementChild as LayeredFigure;
    const legend = shown.legend;
    slot.show(() => chart([[0, 1], [10, 1]], { label: "b" }));
    expect(shown.legend).toBe(legend);
    expect(slot.contains(legend)).toBe(true);
    slot.show(() => chart([[0, 1], [10, 1]], { label: "c" }));
    expect(shown.legend).not.toBe(legend);
    expect(slot.contains(legend)).toBe(false);
    expect(shown.legend?.textContent).toContain("c");
    expect(shown.children.length).toBe(2); // the legend and the layers
  });

  it("never copies the base of a figure whose overlay it swaps in; a figure put on the page gets its copy", () => {
    const slot = FigureSlot();
    document.body.append(slot);
    slot.show(() => chart([[0, 0]]));
    expect(slot.querySelector("downhill-layer-copy")).toBeNull();
    expect(slot.querySelector("svg[aria-hidden]")).not.toBeNull();
    const next = chart([[0, 1]]);
    slot.show(() => next);
    expect(next.querySelector("downhill-layer-copy")).not.toBeNull(); // left as it was: no copy made
    expect(next.base.tagName.toLowerCase()).toBe("svg"); // reading it makes it
    slot.remove();
  });

  it("off screen, makes a new figure only when it comes near the viewport or the slider rests; the first at once", async () => {
    let report: (entries: { target: Element; isIntersecting: boolean }[]) => void = () => {};
    vi.stubGlobal("IntersectionObserver", class {
      constructor(callback: typeof report) {
        report = callback;
      }
      observe() {}
      unobserve() {}
    });
    vi.useFakeTimers();
    try {
      const slot = FigureSlot();
      document.body.append(slot); // an element off the page counts as near
      const first = chart([[0, 0]]);
      slot.show(() => first);
      expect(slot.firstElementChild).toBe(first);
      report([{ target: slot, isIntersecting: false }]);
      let made = 0;
      const next = () => (++made, chart([[0, 0]], { yMax: 20 }));
      slot.show(next);
      slot.show(next);
      expect(made).toBe(0);
      expect(slot.firstElementChild).toBe(first);
      vi.advanceTimersByTime(1000); // at rest: the last one asked for is made, once
      expect(made).toBe(1);
      expect(slot.firstElementChild).not.toBe(first);
      slot.show(next);
      report([{ target: slot, isIntersecting: true }]); // scrolled near: made now
      expect(made).toBe(2);
      vi.advanceTimersByTime(1000);
      expect(made).toBe(2);
      slot.show(next); // near: made at once
      expect(made).toBe(3);
      // A value for a cell shown only near an element: at once while near, else once near or at rest.
      const element = document.body.appendChild(document.createElement("div"));
      expect(nearValue(element, 1)).toBe(1);
      report([{ target: element, isIntersecting: false }]);
      const later = nearValue(element, 2);
      expect(later).toBeInstanceOf(Promise);
      report([{ target: element, isIntersecting: true }]);
      await expect(later).resolves.toBe(2);
      report([{ target: element, isIntersecting: false }]);
      const superseded = nearValue(element, 3);
      const atRest = nearValue(element, 4);
      // The value a later call supersedes is settled at once: a cell's next value waits for its last one.
      await expect(superseded).resolves.toBe(3);
      vi.advanceTimersByTime(1000);
      await expect(atRest).resolves.toBe(4);
      // Taken off the page, an element's distance is unknown again: its work runs at once.
      slot.remove();
      report([{ target: slot, isIntersecting: false }]);
      slot.show(next);
      expect(made).toBe(4);
      element.remove();
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });

  it("replaces the whole figure when the base differs", () => {
    const slot = FigureSlot();
    slot.show(() => chart([[0, 0]]));
    const other = chart([[0, 0]], { yMax: 20 });
    slot.show(() => other);
    expect(slot.firstElementChild).toBe(other);
  });
});

describe("hashNumbers", () => {
  it("tells apart arrays that differ in one value or in length", () => {
    expect(hashNumbers([1, 2, 3])).toBe(hashNumbers([1, 2, 3]));
    expect(hashNumbers([1, 2, 3])).not.toBe(hashNumbers([1, 2, 3.0000001]));
    expect(hashNumbers([1, 2])).not.toBe(hashNumbers([1, 2, 0]));
  });
});
