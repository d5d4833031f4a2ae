// Loss, learning rate and gradient norm per step for every run, drawn once per set of runs with one
// legend; the time cursor only moves a rule across them. Series are thinned to the chart's width.
import * as Plot from "@observablehq/plot";
import { plot, legend } from "../plot.js";
import type { Trace } from "../../lib/index.js";
import { seriesColorScale, type Series } from "../series.js";
import { lossChartSummary, learningRateSummary } from "../summaries.js";
import { thinSteps } from "./thin.js";

export interface TimeChartsElement extends HTMLDivElement {
  setCursor(t: number): void;
}

interface Panel {
  label: string;
  axis: string;
  log: boolean;
  /** The per-step values and the step of the first one (the lr and gradient norm of step k belong to path[k]). */
  values: (trace: Trace) => readonly number[];
  description: string;
}

export function TimeCharts(series: readonly Series[], { width: available, logScale }: { width: number; logScale: boolean }): TimeChartsElement {
  const width = Math.max(240, available); // 0 before the first layout
  const columns = width >= 900 ? 3 : 1;
  const chartWidth = columns === 3 ? Math.floor((width - 32) / 3) : width;
  const panels: Panel[] = [
    { label: "Loss per step", axis: logScale ? "loss (log scale)" : "loss", log: logScale, values: (t) => t.loss, description: lossChartSummary([...series], { logScale }) },
    { label: "Learning rate per step", axis: "learning rate η", log: false, values: (t) => t.lr, description: learningRateSummary([...series]) },
    { label: "Gradient norm per step", axis: "‖∇f‖ (log scale)", log: true, values: (t) => t.gradNorm, description: "Where the gradient's norm sinks toward zero, descent crawls." },
  ];
  const color = { ...seriesColorScale(series), legend: false };
  const charts = panels.map((panel) =>
    plot({
      width: chartWidth,
      height: 200,
      ariaLabel: `${panel.label} for ${series.map((s) => s.label).join(", ")}`,
      ariaDescription: panel.description,
      x: { label: "step", grid: true },
      y: { type: panel.log ? "log" : "linear", label: panel.axis, grid: true, tickFormat: panel.log ? "~g" : undefined },
      color,
      marks: [
        Plot.line(
          series.flatMap(({ trace, label }) => thinSteps(panel.values(trace), Math.ceil(chartWidth / 4), { positive: panel.log }).map((r) => ({ label, ...r }))),
          { x: "step", y: "value", stroke: "label", z: "label", strokeWidth: 1.5 },
        ),
      ],
    }),
  );
  const root = document.createElement("div") as unknown as TimeChartsElement;
  root.className = "downhill-time-charts";
  const key = legend({ color: { ...color, legend: true } }) as HTMLElement;
  const grid = document.createElement("div");
  grid.style.cssText = `display:grid;grid-template-columns:repeat(${columns}, 1fr);gap:16px;`;
  grid.append(...charts);
  root.append(key, grid);
  const cursors = charts.map((chart) => {
    const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    line.setAttribute("stroke", "currentColor");
    line.setAttribute("stroke-dasharray", "3,3");
    line.setAttribute("aria-hidden", "true");
    chart.append(line);
    return { line, x: chart.scale("x")!, y: chart.scale("y")! };
  });
  root.setCursor = (t) => {
    for (const { line, x, y } of cursors) {
      const px = String(x.apply!(t));
      const [y0, y1] = y.range as [number, number];
      line.setAttribute("x1", px);
      line.setAttribute("x2", px);
      line.setAttribute("y1", String(y0));
      line.setAttribute("y2", String(y1));
    }
  };
  return root;
}
