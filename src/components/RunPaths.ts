// Runs drawn over a LayeredContour map through its `marks` option, as ContourPlot draws the runs it is given (a
// white-cased line, a dot per step on a short run, a ring at the start, an × where a run diverged), but with the
// lines and dots written straight into SVG paths (./columnLines.ts) instead of through Plot.line, which costs several
// times more on the long, noisy runs of these pages, and Plot.dot, an element (styled and laid out anew) per step.
// It also supplies what ContourPlot would have said about the runs: the figure's name and the runs' sentences of its
// text summary.
import * as Plot from "@observablehq/plot";
import { drawablePath, expandBox, type Box, type DrawPoint } from "./points.js";
import { toSeries, type Series, type TraceInput } from "./series.js";
import { seriesSummary } from "./summaries.js";
import { columnDots, columnLines } from "./columnLines.js";

/** Runs this long or shorter get a dot per step, as in ContourPlot. */
const MAX_DOTTED_STEPS = 100;

export interface RunPathOptions {
  /** The map's view (the surface's domain, or the `domain` given to LayeredContour). */
  box: Box;
  /** The surface's name, as the map's label says it. */
  title?: string;
}

/** Options for LayeredContour: `marks` drawing the runs, and the `ariaLabel` and `summaryNote` that describe them. */
export function runPaths(trajectories: TraceInput | readonly TraceInput[], { box, title = "f(x, y)" }: RunPathOptions) {
  const series = toSeries(trajectories);
  // A run far outside the view is drawn heading off the frame, never at coordinates like 1e300.
  const drawBox = expandBox(box, 0.05);
  const paths = series.map((s) => ({ series: s, points: drawablePath(s.trace.path, drawBox) }));
  const leftView = paths.filter((p) => p.points.some((q) => q.clamped)).map((p) => p.series.label);
  const sentences = series.map(seriesSummary);
  if (leftView.length > 0) sentences.push(`${leftView.join(", ")} left the view; points outside are drawn at its edge.`);
  return {
    marks: paths.map(({ series, points }) => pathMarks(series, points)),
    ariaLabel: `Contour map of ${title}${series.length ? ` with ${series.map((s) => s.label).join(", ")}` : ""}`,
    summaryNote: sentences.join(" "),
  };
}

function pathMarks({ trace, label, color }: Series, points: DrawPoint[]): Plot.Markish[] {
  if (points.length === 0) return [];
  const last = points[points.length - 1];
  const xy = { x: "x", y: "y", clip: "frame" } as const;
  const x = points.map((p) => p.x);
  const y = points.map((p) => p.y);
  return [
    columnLines([{ x, y, stroke: color }], {
      strokeWidth: 2,
      casing: { stroke: "white", strokeWidth: 4, strokeOpacity: 0.8 },
      clip: true,
    }),
    // One dot per step shows the step lengths of a short run; on a long one they would merge into the line. No title
    // per dot (as in ContourPlot): a slider redraws them all on every move.
    points.length <= MAX_DOTTED_STEPS ? columnDots([{ x, y, fill: color }], { r: 2.5, clip: true }) : null,
    Plot.dot([points[0]], { ...xy, r: 5, fill: "white", stroke: color, strokeWidth: 2.5 }),
    trace.stop.reason === "diverged"
      ? [
          Plot.dot([last], { ...xy, symbol: "times", r: 7, stroke: color, strokeWidth: 3 }),
          Plot.text([last], { ...xy, text: () => `${label} diverged`, dy: -14, fill: color, stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
        ]
      : null,
  ];
}
