// Runs drawn over a LayeredContour map through its `marks` option, with ContourPlot's marks for a run (a white-cased
// line, a dot per step on a short run, a ring at the start, an × where a run diverged), and what ContourPlot would
// have said about them: the figure's name and the runs' sentences of its text summary.
import { drawablePath, expandBox, type Box } from "./points.js";
import { toSeries, type TraceInput } from "./series.js";
import { seriesSummary } from "./summaries.js";
import { pathMarks } from "./ContourPlot.js";

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

