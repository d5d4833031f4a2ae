// Flat versus sharp minima: the training loss, the shifted test loss, and at each training minimum a segment
// from one curve to the other whose length is the generalisation gap. A layered figure (./layers.ts): the axes are
// drawn once per domain and the curves over them on every call, so show it in a FigureSlot on a page with sliders.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { layeredPlot, type LayeredFigure } from "./layers.js";
import type { MinimumGap } from "../../lib/analysis/flatSharp.js";
import { formatNumber } from "./format.js";

export interface MinimaGapChartOptions {
  width?: number;
  height?: number;
  train: (x: number) => number;
  test: (x: number) => number;
  minima: readonly MinimumGap[];
  domain: readonly [number, number];
  /**
   * Losses the y axis should hold besides these curves' (e.g. the curves' range over a slider's whole range), so
   * that moving the slider keeps the axes.
   */
  yExtent?: readonly [number, number];
}

const colors = { train: "#1864ab", test: "#e8590c" } as const;

export function MinimaGapChart({ train, test, minima, domain, yExtent, width = 640, height = 320 }: MinimaGapChartOptions): LayeredFigure {
  const xs = Array.from({ length: 401 }, (_, i) => domain[0] + (i / 400) * (domain[1] - domain[0]));
  const curves = xs.flatMap((x) => [
    { x, y: train(x), loss: "training loss" },
    { x, y: test(x), loss: "test loss (shifted)" },
  ]);
  // Rounded outwards, so that the next position of a slider keeps the axes.
  const [y0, y1] = d3.nice(Math.min(d3.min(curves, (c) => c.y) ?? 0, yExtent?.[0] ?? Infinity), Math.max(d3.max(curves, (c) => c.y) ?? 1, yExtent?.[1] ?? -Infinity), 4);
  return layeredPlot({
    width,
    height,
    ariaLabel: "Training and test loss with the gap at the sharp and the flat minimum",
    ariaDescription: minima
      .map((m) => `${m.kind} minimum at x = ${formatNumber(m.x)}: training loss ${formatNumber(m.train)}, test loss ${formatNumber(m.test)}, gap ${formatNumber(m.gap)}.`)
      .join(" "),
    x: { domain: [...domain], label: "x (a weight)" },
    y: { label: "loss", grid: true, domain: [y0, y1] },
    color: { domain: ["training loss", "test loss (shifted)"], range: [colors.train, colors.test], legend: true },
    overlay: [
      Plot.line(curves, { x: "x", y: "y", stroke: "loss", strokeWidth: 2 }),
      Plot.link(minima, { x1: "x", x2: "x", y1: "train", y2: "test", stroke: "currentColor", strokeWidth: 2, markerEnd: "arrow" }),
      Plot.dot(minima, { x: "x", y: "train", r: 5, fill: colors.train }),
      Plot.text(minima, { x: "x", y: (m) => Math.max(m.train, m.test), dy: -12, text: (m) => `${m.kind}: gap ${formatNumber(m.gap, 2)}`, fill: "currentColor", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
    ],
  });
}
