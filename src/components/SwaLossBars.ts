// Training and test loss of the points the SWA page compares, side by side.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import type { PointReport } from "../../lib/analysis/swaLandscape.js";
import { formatNumber } from "./format.js";

export interface SwaBar {
  label: string;
  report: PointReport;
}

export function SwaLossBars(points: readonly SwaBar[], options: Omit<Plot.PlotOptions, "marks"> = {}) {
  const rows = points.flatMap(({ label, report }) => [
    { label, set: "training", loss: report.train },
    { label, set: "test (shifted)", loss: report.test },
  ]);
  return plot({
    ariaLabel: "Training and test loss of plain descent's end, the recipe's last point and the SWA average",
    ariaDescription: points.map(({ label, report }) => `${label}: training loss ${formatNumber(report.train, 3)}, test loss ${formatNumber(report.test, 3)}.`).join(" "),
    marginBottom: 40,
    fx: { label: null, domain: points.map((p) => p.label) },
    x: { axis: null, domain: ["training", "test (shifted)"] },
    y: { label: "loss", grid: true },
    color: { domain: ["training", "test (shifted)"], range: ["#1864ab", "#f08c00"], legend: true },
    marks: [
      Plot.barY(rows, { fx: "label", x: "set", y: "loss", fill: "set", title: (r: (typeof rows)[number]) => `${r.label}, ${r.set}: ${formatNumber(r.loss, 3)}` }),
      Plot.text(rows, { fx: "label", x: "set", y: "loss", text: (r: (typeof rows)[number]) => formatNumber(r.loss, 2), dy: -8, fontSize: 10 }),
      Plot.ruleY([0]),
    ],
    ...options,
  });
}
