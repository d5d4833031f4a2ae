// Time series of adaptive optimizers: the per-coordinate learning rate, and Adam's moments with or without bias
// correction. Layered figures (./layers.ts), so show them in FigureSlots: the axes are drawn once per domain (rounded
// outwards so that nearby slider values share them), the lines by hand as one overlay mark on every call, and the
// legends are made once per set of labels.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type { AdamMomentRow } from "../lib/analysis/adamMoments.js";
import type { Trace } from "../lib/types.js";
import { formatNumber } from "./format.js";
import { appendDots, appendLines, element, frameOf, hoverTitle } from "./svgMarks.js";
import { coarseLogDomain } from "./coarseDomain.js";
import { layeredPlot, type LayeredFigure } from "./layers.js";
import { seriesColors } from "./series.js";

export interface EffectiveLrRun {
  label: string;
  trace: Trace;
  /** The run's colour on the page's other charts. */
  color?: string;
}

interface Line {
  /** Legend entry. */
  label: string;
  color: string;
  dashed?: boolean;
  points: { t: number; value: number }[];
}

/**
 * A Plot render function drawing the lines (2 px; dashed ones 6,3; a dot per point when `dots`), a dashed rule at
 * `rule` if given, and a tooltip naming each line's value at the step under the pointer.
 */
function linesLayer(lines: readonly Line[], { dots = false, rule }: { dots?: boolean; rule?: number }) {
  return (_index: unknown, scales: Record<string, unknown>, _values: unknown, dimensions: Plot.Dimensions, context: { document: Document }) => {
    const doc = context.document;
    const sx = scales.x as ((v: number) => number) & { invert(p: number): number };
    const sy = scales.y as (v: number) => number;
    const g = element(doc, "g");
    const drawn = element(doc, "g", { "aria-hidden": "true" });
    const frame = frameOf(dimensions);
    if (rule !== undefined && Number.isFinite(sy(rule))) {
      drawn.append(element(doc, "line", { x1: frame.x, x2: frame.x + frame.width, y1: sy(rule), y2: sy(rule), stroke: "currentColor", "stroke-width": 1, "stroke-dasharray": "4,3" }));
    }
    for (const { color, dashed, points } of lines) {
      const [xs, ys] = [points.map((p) => p.t), points.map((p) => p.value)];
      appendLines(doc, drawn, [{ xs, ys }], sx, sy, { stroke: color, strokeWidth: 2, strokeDasharray: dashed ? "6,3" : undefined });
      if (dots) appendDots(doc, drawn, xs, ys, sx, sy, { fill: color, r: 2 });
    }
    g.append(drawn);
    g.append(
      hoverTitle(doc, dimensions, (px) => {
        const t = Math.round(sx.invert(px));
        const parts = lines.flatMap(({ label, dashed, points }) => {
          const p = points.find((q) => q.t === t);
          return p ? [`${label}${dashed ? " (dashed)" : ""}: ${formatNumber(p.value)}`] : [];
        });
        return parts.length ? `step ${t}\n${parts.join("\n")}` : "";
      }),
    );
    return g as unknown as SVGElement;
  };
}

/** Each run's effective learning rate per coordinate (state.effectiveLr): solid along x, dashed along y. */
export function AdaptiveLrChart(runs: readonly EffectiveLrRun[], options: { width: number; height: number; reference?: number }): LayeredFigure {
  const { width, height, reference } = options;
  const colors = runs.map((r, i) => r.color ?? seriesColors[i % seriesColors.length]);
  const lines: Line[] = runs.flatMap(({ label, trace }, i) =>
    [0, 1].map((c) => ({
      label: `${label} along ${c === 0 ? "x" : "y"}`,
      color: colors[i],
      dashed: c === 1,
      points: (trace.state?.effectiveLr ?? []).map((lrs, k) => ({ t: k + 1, value: lrs[c] })).filter((p) => Number.isFinite(p.value) && p.value > 0),
    })),
  );
  const last = (i: number, c: number) => lines[2 * i + c].points.at(-1)?.value;
  const steps = Math.max(1, ...runs.map((r) => r.trace.state?.effectiveLr?.length ?? 0));
  return layeredPlot({
    width,
    height,
    marginLeft: 50,
    ariaLabel: "Effective learning rate per coordinate and step",
    ariaDescription: runs
      .map(({ label }, i) => `${label}: after the last step, ${formatNumber(last(i, 0) ?? NaN)} along x and ${formatNumber(last(i, 1) ?? NaN)} along y.`)
      .join(" "),
    x: { label: "step", grid: true, domain: [1, steps] },
    y: { type: "log", label: "effective learning rate (log scale)", grid: true, tickFormat: "~g", domain: coarseLogDomain([...lines.flatMap((l) => l.points.map((p) => p.value)), ...(reference ? [reference] : [])].filter((v) => Number.isFinite(v) && v > 0)) },
    baseKey: "adaptive lr",
    // The rates' decades follow η and κ: the axis is drawn with the lines.
    movingY: true,
    color: { type: "ordinal", domain: runs.map((r) => r.label), range: colors, legend: true },
    overlay: [linesLayer(lines, { rule: reference }) as unknown as Plot.Markish],
  });
}

/** Plot's default colours for the first and second series of a chart, as the charts used before. */
const quantityColors = d3.schemeTableau10;

/** Adam's moments for one coordinate, raw or bias-corrected ("moments"), or the step they give divided by η ("step"). */
export function AdaptiveMomentsChart(rows: readonly AdamMomentRow[], options: { width: number; height: number; corrected: boolean; lr: number; panel: "moments" | "step" }): LayeredFigure {
  const { width, height, corrected, lr, panel } = options;
  const stepOf = (r: AdamMomentRow) => (corrected ? r.correctedStep : r.uncorrectedStep) / lr;
  const lines: Line[] =
    panel === "moments"
      ? [
          { label: corrected ? "m̂ (corrected mean)" : "m (raw mean)", color: quantityColors[0], points: rows.map((r) => ({ t: r.t, value: corrected ? r.mHat : r.m })) },
          { label: corrected ? "√v̂ (corrected RMS)" : "√v (raw RMS)", color: quantityColors[1], points: rows.map((r) => ({ t: r.t, value: Math.sqrt(corrected ? r.vHat : r.v) })) },
        ]
      : [{ label: corrected ? "η·m̂/(√v̂+ε) ÷ η" : "η·m/(√v+ε) ÷ η", color: quantityColors[0], points: rows.map((r) => ({ t: r.t, value: stepOf(r) })) }];
  const [first, lastRow] = [rows[0], rows.at(-1)];
  const describe = (r: AdamMomentRow) =>
    panel === "moments"
      ? `${corrected ? "m̂" : "m"} = ${formatNumber(corrected ? r.mHat : r.m)}, ${corrected ? "√v̂" : "√v"} = ${formatNumber(Math.sqrt(corrected ? r.vHat : r.v))}`
      : `step ÷ η = ${formatNumber(stepOf(r))}`;
  const values = lines.flatMap((l) => l.points.map((p) => p.value)).filter(Number.isFinite);
  // Zero included (and 1, the step panel's rule), rounded outwards to nice numbers: nearby η share the axes.
  const [lo, hi] = d3.extent([0, ...(panel === "step" ? [1] : []), ...values]) as [number, number];
  const domain = d3.nice(lo, hi, 5);
  return layeredPlot({
    width,
    height,
    ariaLabel: panel === "moments" ? `Adam's moments ${corrected ? "with" : "without"} bias correction` : `Adam's step divided by η ${corrected ? "with" : "without"} bias correction`,
    ariaDescription: first && lastRow ? `At step 1, ${describe(first)}; at step ${lastRow.t}, ${describe(lastRow)}.` : "No steps.",
    x: { label: "step t", grid: true, domain: [1, Math.max(2, rows.length)] },
    y: { label: panel === "moments" ? "value" : "step ÷ η", grid: true, domain },
    baseKey: `adam ${panel}`,
    marks: panel === "step" ? [Plot.ruleY([1], { strokeDasharray: "4,3" })] : [],
    color: { type: "ordinal", domain: lines.map((l) => l.label), range: lines.map((l) => l.color), legend: true },
    overlay: [linesLayer(lines, { dots: rows.length <= 60 }) as unknown as Plot.Markish],
  });
}
