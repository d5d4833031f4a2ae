// A contour map for the SWA recipe: the whole run drawn faintly, the cached points numbered, and three
// points compared on the page — plain descent's end, the recipe's last point and the average — marked boldly.
import * as Plot from "@observablehq/plot";
import type { Trace } from "../../lib/types.js";
import { drawablePath, expandBox, type Box } from "./points.js";
import type { Surface } from "./contourGrid.js";
import { LayeredContour } from "./LayeredContour.js";
import { formatPoint } from "./format.js";

export interface SwaMapOptions extends Omit<Plot.PlotOptions, "marks"> {
  domain: Box;
  trace: Trace;
  /** The cached points; the first is plain descent's end. */
  cached: readonly (readonly number[])[];
  average: readonly number[];
  /** What the map shows, e.g. "training loss". */
  title: string;
}

/** Colours of the three compared points, shared with SwaLossBars. */
export const swaColors = { descent: "#c2255c", last: "#5f3dc4", average: "#e8590c" } as const;

/** The map as two stacked layers: the contours (cached) under the run and its points (redrawn). */
export function SwaMap(surface: Surface, options: SwaMapOptions) {
  const { domain, trace, cached, average, title, width = 640, ...plotOptions } = options;
  const cycleEnds = cached.slice(1).map((p, i) => ({ x: p[0], y: p[1], n: String(i + 1) }));
  const [descent, last] = [cached[0], cached[cached.length - 1]];
  const labelled = [
    { x: descent[0], y: descent[1], text: "descent", color: swaColors.descent },
    { x: last[0], y: last[1], text: "last", color: swaColors.last },
    { x: average[0], y: average[1], text: "average", color: swaColors.average },
  ];
  // The run is context here, drawn thin so the cached points stay readable; its long jumps after a raise run off the frame.
  const path = drawablePath(trace.path, expandBox(domain, 0.05));
  const stack = LayeredContour(surface, {
    domain,
    width,
    showMinima: false,
    marks: [
      Plot.line(path, { x: "x", y: "y", stroke: "#343a40", strokeOpacity: 0.45, strokeWidth: 0.8, clip: "frame" }),
      Plot.dot(cycleEnds, { x: "x", y: "y", r: 7, fill: "white", stroke: "black", clip: "frame" }),
      Plot.text(cycleEnds, { x: "x", y: "y", text: "n", fontSize: 9, clip: "frame" }),
      Plot.dot(labelled, { x: "x", y: "y", r: 8, symbol: "diamond2", stroke: "color", strokeWidth: 2.5, fill: "white", clip: "frame" }),
      Plot.text(labelled, { x: "x", y: "y", text: "text", dy: -15, fill: "color", fontWeight: "bold", stroke: "white", strokeWidth: 3, paintOrder: "stroke", clip: "frame" }),
    ],
    ...plotOptions,
  });
  const figure = stack.overlay;
  figure.setAttribute("aria-label", `Contour map of the ${title} with the SWA recipe's cached points and their average`);
  figure.setAttribute(
    "aria-description",
    `${figure.getAttribute("aria-description") ?? ""} Plain descent ended at ${formatPoint(descent)}; the recipe cached ${cycleEnds.length} more points, the last at ${formatPoint(last)}; their average is ${formatPoint(average)}.`,
  );
  return stack;
}
