// Final loss against the learning rate, both on log scales, each run coloured by the regime its curve showed.
// A layered figure (./layers.ts) that moves its η without redrawing: the axes and theory's boundaries are drawn once,
// the sweep's runs over them once per sweep, and `figure.mark(lr)` moves the rule of the current η in place. Show it
// in a FigureSlot from a cell that does not depend on η, and call `mark` from one that does:
//
//     const chart = SweepChart(sweep, {width, lossRange}); sweepFigure.show(() => chart);   // reruns when the sweep changes
//     chart.mark(eta);                                                   // reruns when η moves
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { layeredPlot, layerMargins, type LayeredFigure } from "./layers.js";
import { coarseLogDomain } from "./coarseDomain.js";
import { element, lazyTip, overlayMark } from "./svgMarks.js";
import { regimeNames } from "../lib/analysis/lossCurve.js";
import type { SweepPoint } from "../lib/analysis/sweep.js";
import { clamp } from "./points.js";
import { formatNumber } from "./format.js";
import { regimeColors } from "./RegimeStrip.js";

export interface SweepChartOptions {
  /** The learning rate to mark at first with a vertical rule; `mark` moves it. */
  lr?: number;
  /** Theory's boundaries, drawn as dashed rules with their labels. */
  boundaries?: readonly { lr: number; label: string }[];
  /** The y range; losses outside are drawn on its edge (× above, a ring below). */
  lossRange: readonly [number, number];
  width?: number;
  height?: number;
  marginLeft?: number;
}

export type SweepChartFigure = LayeredFigure & {
  /** Moves the rule and label of the current learning rate to `lr`, and names it in the figure's description. */
  mark(lr: number): void;
};

interface Row extends SweepPoint {
  shown: number;
  edge: "above" | "below" | null;
}

export function SweepChart(points: readonly SweepPoint[], { lr, boundaries = [], lossRange, width = 640, height = 320, marginLeft = 48 }: SweepChartOptions): SweepChartFigure {
  const [lo, hi] = lossRange;
  const rows: Row[] = points.map((p) => {
    const above = p.stop.reason === "diverged" || p.finalLoss > hi;
    return { ...p, shown: above ? hi : clamp(p.finalLoss, lo, hi), edge: above ? "above" : p.finalLoss < lo ? "below" : null };
  });
  const best = points.reduce<SweepPoint | undefined>((b, p) => (p.stop.reason !== "diverged" && (!b || p.finalLoss < b.finalLoss) ? p : b), undefined);
  const color = (r: Row) => regimeColors[r.regime];
  const description =
    `${points.length} runs with η from ${formatNumber(points[0]?.lr ?? NaN)} to ${formatNumber(points[points.length - 1]?.lr ?? NaN)}, both axes on log scales. ` +
    (best ? `The lowest final loss, ${formatNumber(best.finalLoss)}, is at η = ${formatNumber(best.lr)}. ` : "") +
    `${rows.filter((r) => r.edge === "above").length} runs ended above ${formatNumber(hi)} or diverged and sit on the top edge; ` +
    `${rows.filter((r) => r.edge === "below").length} ended below ${formatNumber(lo)} and sit on the bottom edge.`;
  // The η range in whole decades: the axes stay while the sweep is redone.
  const x = { type: "log" as const, domain: coarseLogDomain(points.map((p) => p.lr), { fallback: [0.001, 10] }), label: "learning rate η (log scale)", tickFormat: (v: number) => formatNumber(v), grid: true };
  const y = { type: "log" as const, domain: [lo, hi], label: "final loss (log scale)", grid: true, tickFormat: powerOfTen };
  const figure = layeredPlot({
    width,
    height,
    marginLeft,
    ariaLabel: "Final loss against the learning rate",
    ariaDescription: description,
    x,
    y,
    // The axes and theory's boundaries depend on neither the sweep's step budget nor η.
    baseKey: `sweep chart ${JSON.stringify(boundaries)}`,
    // The regimes' colours, as swatches above the chart.
    color: { domain: Object.values(regimeNames), range: Object.values(regimeColors), legend: true },
    marks: [
      Plot.ruleX(boundaries, { x: "lr", stroke: "currentColor", strokeDasharray: "4 3", strokeOpacity: 0.7 }),
      Plot.text(boundaries, { x: "lr", y: hi, text: "label", dy: -8, frameAnchor: "top", fill: "currentColor" }),
    ],
    overlay: [
      // The line and the runs' marks drawn by hand in one mark, a path per colour and kind of mark (Plot's line and
      // three dot marks, an element per run, cost several times more; the chart is redrawn whenever the sweep changes).
      overlayMark((d, g) => {
        d.lines([{ xs: rows.map((r) => r.lr), ys: rows.map((r) => r.shown) }], { stroke: "currentColor", strokeOpacity: 0.25 }, g);
        // Runs by kind of mark and colour: filled dots first, then rings (below the axis), then crosses (above it),
        // as the three dot marks were stacked.
        type Column = { xs: number[]; ys: number[] };
        const kinds = { dot: new Map<string, Column>(), ring: new Map<string, Column>(), times: new Map<string, Column>() };
        for (const r of rows) {
          const byColor = kinds[r.edge === "above" ? "times" : r.edge === "below" ? "ring" : "dot"];
          const c = color(r);
          let column = byColor.get(c);
          if (!column) byColor.set(c, (column = { xs: [], ys: [] }));
          column.xs.push(r.lr);
          column.ys.push(r.shown);
        }
        for (const [c, { xs, ys }] of kinds.dot) d.dots(xs, ys, { fill: c, r: 3.5 }, g);
        for (const [c, { xs, ys }] of kinds.ring) d.dots(xs, ys, { fill: "none", stroke: c, strokeWidth: 1.5, r: 3.5 }, g);
        const f = (v: number) => v.toFixed(1);
        for (const [c, { xs, ys }] of kinds.times) {
          let data = "";
          for (let i = 0; i < xs.length; ++i) {
            const [px, py] = [d.x(xs[i]), d.y(ys[i])];
            if (Number.isFinite(px) && Number.isFinite(py)) data += timesPath.map(([mx, my, lx, ly]) => `M${f(px + mx)},${f(py + my)}L${f(px + lx)},${f(py + ly)}`).join("");
          }
          if (data) d.el("path", { d: data, fill: "none", stroke: c, "stroke-width": 2 }, g);
        }
      }),
    ],
  }) as SweepChartFigure;
  // One tip for the run nearest the pointer, built when the pointer first comes over the chart (a <title> per dot
  // would be drawn on every sweep).
  lazyTip(figure.overlay, { ...layerMargins, marginLeft, x, y }, () => [Plot.tip(rows, Plot.pointer({ x: "lr", y: "shown", title: describe }))]);
  // The current η: a line and a label of our own on the overlay, under the tip, moved by setting their x.
  const xScale = figure.scale("x")!;
  const [bottom, top] = figure.scale("y")!.range as [number, number];
  const marker = element(document, "g", { "aria-hidden": "true" });
  marker.style.display = "none";
  const rule = element(document, "line", { y1: top, y2: bottom, stroke: "#212529", "stroke-width": 2.5 });
  const text = element(document, "text", { y: bottom - 6, dx: 4, "text-anchor": "start", stroke: "white", "stroke-width": 3, "paint-order": "stroke", fill: "#212529" });
  marker.append(rule, text);
  figure.overlay.append(marker); // the tip, built on first hover, goes over it
  figure.mark = (lr: number) => {
    const at = String(xScale.apply(lr));
    rule.setAttribute("x1", at);
    rule.setAttribute("x2", at);
    text.setAttribute("x", at);
    text.textContent = `η = ${formatNumber(lr)}`;
    marker.style.display = "";
    figure.overlay.setAttribute("aria-description", `${description} The current η = ${formatNumber(lr)} is marked with a vertical rule.`);
  };
  if (lr !== undefined) figure.mark(lr);
  return figure;
}

/** Plot's × symbol of radius 4 (d3.symbolTimes), as segments [x1, y1, x2, y2] around 0,0. */
const timesPath: [number, number, number, number][] = (() => {
  const segments: [number, number, number, number][] = [];
  let from: [number, number] = [0, 0];
  const context = {
    moveTo: (x: number, y: number) => void (from = [x, y]),
    lineTo: (x: number, y: number) => void segments.push([from[0], from[1], x, y]),
    closePath: () => undefined,
  };
  d3.symbolTimes.draw(context as unknown as Parameters<typeof d3.symbolTimes.draw>[0], 4 * 4 * Math.PI);
  return segments;
})();

function describe(r: Row): string {
  const end = r.stop.reason === "diverged" ? `diverged at step ${r.stop.step}` : `final loss ${formatNumber(r.finalLoss)}`;
  return `η = ${formatNumber(r.lr)}: ${regimeNames[r.regime]}, ${end}`;
}

/** Log-axis ticks as 1e−10, 0.01, 1, 100, 1e6: short enough for a narrow screen. */
function powerOfTen(v: number): string {
  return v >= 1e4 || v < 1e-3 ? `1e${Math.round(Math.log10(v))}`.replace("-", "−") : formatNumber(v);
}
