// A scatter of (x, y) samples with fitted curves, optional residual segments and the reader's extra point.
// A layered figure (./layers.ts): the axes and the samples are drawn once per data set and view, the curves, the
// residuals and the extra point over them on every call; show it in a FigureSlot (or a RegressionDragFigure).
import * as Plot from "@observablehq/plot";
import { hashNumbers, layeredPlot, type LayeredFigure } from "./layers.js";
import { formatNumber } from "./format.js";
import { overlayMark } from "./svgMarks.js";

export interface Sample {
  x: number;
  y: number;
}

export interface FitCurve {
  label: string;
  color: string;
  f: (x: number) => number;
  dashed?: boolean;
  /** One sentence for the text summary, e.g. "MSE fit: ŷ = 1.9 + 10.2·x". */
  description?: string;
}

export interface RegressionScatterOptions {
  width?: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  curves?: readonly FitCurve[];
  /** Draw each sample's residual as a vertical segment to this curve. */
  residualsTo?: FitCurve;
  /** The reader's draggable point, drawn large and red (it is also a sample of every fit). */
  outlier?: Sample | null;
}

export const OUTLIER_COLOR = "#d6336c";

export function RegressionScatter(samples: readonly Sample[], options: RegressionScatterOptions): LayeredFigure {
  const { xLabel, yLabel, xDomain, yDomain, curves = [], residualsTo, outlier, width = 640, height = 400 } = options;
  const [y0, y1] = yDomain;
  const span = y1 - y0;
  // Sampled curves; points far outside the view become gaps, so a wild polynomial never reaches the SVG as 1e20.
  const curveXs = Float64Array.from({ length: 160 }, (_, i) => xDomain[0] + ((xDomain[1] - xDomain[0]) * i) / 159);
  const curveYs = curves.map((c) =>
    curveXs.map((x) => {
      const y = c.f(x);
      return y > y1 + span || y < y0 - span || !Number.isFinite(y) ? NaN : y;
    }),
  );
  const all = outlier ? [...samples, outlier] : samples;
  const summary = [
    `Scatter of ${samples.length} samples, ${yLabel} against ${xLabel}.`,
    outlier ? `The added point is at ${xLabel} ${formatNumber(outlier.x)}, ${yLabel} ${formatNumber(outlier.y)}.` : "",
    ...curves.map((c) => c.description ?? c.label),
    residualsTo ? `Residuals are drawn as vertical segments to the ${residualsTo.label}.` : "",
  ].filter(Boolean);
  return layeredPlot({
    width,
    height,
    ariaLabel: `${yLabel} against ${xLabel}${curves.length ? ` with ${curves.map((c) => c.label).join(" and ")}` : ""}`,
    ariaDescription: summary.join(" "),
    x: { domain: xDomain, label: xLabel, grid: true },
    y: { domain: yDomain, label: yLabel, grid: true },
    // The samples stay while the curves and the extra point move: they are drawn once, with the axes.
    baseKey: `regression scatter ${hashNumbers(samples.flatMap((d) => [d.x, d.y]))}`,
    marks: [Plot.dot(samples, { x: "x", y: "y", r: 3, fill: "currentColor", fillOpacity: 0.55, clip: "frame" }), Plot.frame({ strokeOpacity: 0.3 })],
    // Drawn by hand (./svgMarks.ts): residuals, curves and the extra point, clipped to the frame.
    overlay: [
      overlayMark(({ x, y, el, lines, clipped }, g) => {
        if (residualsTo) {
          const links = el("g", { stroke: residualsTo.color, "stroke-opacity": 0.55 }, clipped(g));
          for (const d of all) {
            const [x1, ya, yb] = [x(d.x), y(d.y), y(residualsTo.f(d.x))];
            if ([x1, ya, yb].every(Number.isFinite)) el("line", { x1, x2: x1, y1: ya, y2: yb }, links);
          }
        }
        curves.forEach((c, k) => lines([{ xs: curveXs, ys: curveYs[k] }], { stroke: c.color, strokeWidth: 2.5, strokeDasharray: c.dashed ? "6 4" : undefined, clip: true }, g));
        if (outlier) {
          const [cx, cy] = [x(outlier.x), y(outlier.y)];
          if (Number.isFinite(cx) && Number.isFinite(cy)) el("circle", { cx, cy, r: 8, fill: OUTLIER_COLOR, stroke: "white", "stroke-width": 2 }, clipped(g));
        }
      }),
    ],
  });
}

/** A one-line legend in HTML (Plot's swatch legend would put extra SVGs in the draggable figure). */
export function curveLegend(curves: readonly FitCurve[], outlierLabel?: string): HTMLElement {
  const legend = document.createElement("div");
  legend.style.cssText = "display:flex;flex-wrap:wrap;gap:0.25rem 1rem;font-size:0.85rem;margin:0.25rem 0;";
  const item = (color: string, text: string, dashed = false, dot = false) => {
    const span = document.createElement("span");
    const mark = document.createElement("span");
    mark.style.cssText = dot
      ? `display:inline-block;width:0.7rem;height:0.7rem;border-radius:50%;background:${color};margin-right:0.3rem;vertical-align:middle;`
      : `display:inline-block;width:1.4rem;border-top:3px ${dashed ? "dashed" : "solid"} ${color};margin-right:0.3rem;vertical-align:middle;`;
    span.append(mark, text);
    legend.append(span);
  };
  for (const c of curves) item(c.color, c.label, c.dashed);
  if (outlierLabel) item(OUTLIER_COLOR, outlierLabel, false, true);
  return legend;
}
