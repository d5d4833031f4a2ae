// Training and test loss of the points the SWA page compares, side by side. A layered figure (./layers.ts): the
// axes and the points' names are drawn once per loss axis, the bars over them on every call; show it in a FigureSlot.
// The groups sit on a plain x axis, one unit each (a group's two bars in its middle), rather than in facets: the bars
// are drawn by hand as one mark (./svgMarks.ts), and a facet would draw them once per panel.
import * as d3 from "d3";
import type { PointReport } from "../../lib/analysis/swaLandscape.js";
import { formatNumber } from "./format.js";
import { layeredPlot, type LayeredFigure } from "./layers.js";
import { overlayMark } from "./svgMarks.js";
import { keepDomain, shownDomain } from "./stickyDomain.js";

export interface SwaBar {
  label: string;
  report: PointReport;
}

export interface SwaLossBarsOptions {
  /** The FigureSlot the figure goes to: while the data fits the axes it shows, they are kept (see keepDomain). */
  slot?: Element | null;
  width?: number;
  height?: number;
}

const sets = ["training", "test (shifted)"] as const;
const colors = ["#1864ab", "#f08c00"];

/** The loss axis: from below the lowest bar to above the highest, always with 0, rounded outwards (about five ticks). */
export function barDomain(losses: readonly number[]): [number, number] {
  const finite = losses.filter(Number.isFinite);
  const [lo, hi] = finite.length ? (d3.extent(finite) as [number, number]) : [0, 1];
  const [a, b] = d3.nice(Math.min(0, lo), Math.max(0, hi), 5);
  return a === b ? [a, a + 1] : [a, b];
}

export function SwaLossBars(points: readonly SwaBar[], options: SwaLossBarsOptions = {}): LayeredFigure {
  const { width = 560, height = 260, slot } = options;
  const labels = points.map((p) => p.label);
  const bars = points.flatMap(({ label, report }, i) =>
    [report.train, report.test].map((loss, k) => ({ label, set: sets[k], loss, x1: i + 0.08 + k * 0.43, x2: i + 0.49 + k * 0.43, color: colors[k] })),
  );
  const losses = bars.map((b) => b.loss).filter(Number.isFinite);
  return layeredPlot({
    width,
    height,
    marginBottom: 40,
    ariaLabel: "Training and test loss of plain descent's end, the recipe's last point and the SWA average",
    ariaDescription: points.map(({ label, report }) => `${label}: training loss ${formatNumber(report.train, 3)}, test loss ${formatNumber(report.test, 3)}.`).join(" "),
    // The points' names under their groups, as the x axis (the labels are part of the base's key).
    x: { domain: [0, Math.max(1, points.length)], ticks: labels.map((_, i) => i + 0.5), tickFormat: (v: number) => labels[Math.floor(v)] ?? "", tickSize: 0, label: null },
    y: { label: "loss", grid: true, domain: keepDomain(barDomain(losses), [Math.min(0, ...losses), Math.max(0, ...losses)], shownDomain(slot, "y")) },
    // The loss axis follows the bars, which every slider moves: it is drawn with them.
    movingY: true,
    baseKey: `swa bars ${JSON.stringify(labels)}`,
    // The colours' legend above the layers (the bars take their colours directly, not through the scale).
    color: { domain: [...sets], range: colors, legend: true },
    overlay: [
      overlayMark((d, g) => {
        const zero = d.y(0);
        for (const b of bars) {
          if (!Number.isFinite(b.loss)) continue;
          const [top, bottom] = [Math.min(zero, d.y(b.loss)), Math.max(zero, d.y(b.loss))];
          const rect = d.el("rect", { x: d.x(b.x1), y: top, width: d.x(b.x2) - d.x(b.x1), height: bottom - top, fill: b.color }, g);
          d.el("title", {}, rect, `${b.label}, ${b.set}: ${formatNumber(b.loss, 3)}`);
        }
        for (const b of bars) {
          if (!Number.isFinite(b.loss)) continue;
          // Above a bar that rises from 0, below one that hangs from it, where the text is not on the bar's colour.
          d.el("text", { x: d.x((b.x1 + b.x2) / 2), y: d.y(b.loss) + (b.loss < 0 ? 8 : -8), dy: "0.32em", "font-size": 10 }, g, formatNumber(b.loss, 2));
        }
        const { width, marginLeft, marginRight } = d.dimensions;
        d.el("line", { x1: marginLeft, x2: width - marginRight, y1: zero, y2: zero, stroke: "currentColor" }, g);
      }),
    ],
  });
}
