// Loss, learning rate and gradient norm per step for every run, drawn once per set of runs; the time
// cursor only moves a rule across them.
import * as Plot from "@observablehq/plot";
import { LearningRateChart } from "../LearningRateChart.js";
import { LossChart } from "../LossChart.js";
import { finiteSteps } from "../points.js";
import { seriesColorScale, type Series } from "../series.js";

export interface TimeChartsElement extends HTMLDivElement {
  setCursor(t: number): void;
}

export function TimeCharts(series: readonly Series[], { width, logScale }: { width: number; logScale: boolean }): TimeChartsElement {
  const columns = width >= 900 ? 3 : 1;
  const chartWidth = columns === 3 ? Math.floor((width - 32) / 3) : width;
  const size = { width: chartWidth, height: 220 };
  const charts = [
    LossChart([...series], { ...size, logScale }),
    LearningRateChart([...series], size),
    gradNormChart(series, size),
  ];
  const root = document.createElement("div") as unknown as TimeChartsElement;
  root.className = "downhill-time-charts";
  root.style.cssText = `display:grid;grid-template-columns:repeat(${columns}, 1fr);gap:16px;`;
  root.append(...charts);
  const cursors = charts.map((chart) => {
    const svg = (chart instanceof SVGSVGElement ? chart : chart.querySelector("svg[aria-label]") ?? chart.querySelector("svg"))!;
    const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    line.setAttribute("stroke", "currentColor");
    line.setAttribute("stroke-dasharray", "3,3");
    line.setAttribute("aria-hidden", "true");
    svg.append(line);
    const plot = chart as unknown as Plot.Plot;
    return { line, x: plot.scale("x")!, y: plot.scale("y")! };
  });
  root.setCursor = (t) => {
    for (const { line, x, y } of cursors) {
      const px = x.apply!(t) as number;
      const [y0, y1] = y.range as [number, number];
      line.setAttribute("x1", String(px));
      line.setAttribute("x2", String(px));
      line.setAttribute("y1", String(y0));
      line.setAttribute("y2", String(y1));
    }
  };
  return root;
}

/** The gradient's norm at each step on a log axis: where it stalls near zero, descent crawls. */
function gradNormChart(series: readonly Series[], size: { width: number; height: number }) {
  const rows = series.flatMap(({ trace, label }) => finiteSteps(trace.gradNorm, { positive: true }).map((r) => ({ label, ...r })));
  return Plot.plot({
    ...size,
    ariaLabel: "Gradient norm per step",
    ariaDescription: series.map(({ trace, label }) => `${label}: ${trace.gradNorm.length} steps, last norm ${trace.gradNorm.at(-1)?.toPrecision(3) ?? "none"}`).join("; "),
    x: { label: "step", grid: true },
    y: { type: "log", label: "‖∇f‖ (log scale)", grid: true },
    color: { ...seriesColorScale(series), legend: false },
    marks: [Plot.line(rows, { x: "step", y: "value", stroke: "label", z: "label", strokeWidth: 1.5, tip: true })],
  });
}
