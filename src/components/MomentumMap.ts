// Steps to converge over (η, β) as a heat map: a cell per grid point, blank where the run diverged. A layered figure
// (./layers.ts), so show it in a FigureSlot: the axes and the colour legend are drawn once (the x axis counts the
// grid's columns, so one base serves every set of learning rates), and each call draws only the overlay: the cells,
// the learning rates under the x ticks, and the ring round the highlighted cells.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type { ConvergenceCell } from "../lib/analysis/convergenceMap.js";
import { formatNumber } from "./format.js";
import { colorLegend, layerMargins, overlayPlot, stackLayers, type LayeredFigure } from "./layers.js";
import { plot } from "./plot.js";
import { element, hoverTitle, svgNs } from "./svgMarks.js";

export interface MomentumMapOptions {
  width: number;
  height: number;
  /** The grid's axes, so a partly computed map keeps its frame. */
  lrs: readonly number[];
  betas: readonly number[];
  maxSteps: number;
  /** Points to ring, e.g. the fastest cell and the reader's current (η, β). */
  highlight?: readonly { lr: number; beta: number; label: string }[];
}

/** Every sixth column carries a tick; its learning rate is written under it by the overlay. */
const tickEvery = 6;
const tooSlowFill = "#ddd";

const bases = new Map<string, Element>();

/** Shades of the colour scale the cells use: more than the eye tells apart, few enough for one path per shade. */
const shades = 64;
const shadeColors = d3.range(shades).map((i) => d3.interpolateViridis(i / (shades - 1)));

/**
 * The colour of a converged cell: Plot's log viridis scale from 1 to maxSteps, as in the legend, in `shades` steps
 * (each cell's tooltip gives its exact count). Hundreds of distinct counts would otherwise make hundreds of paths.
 */
function stepsColor(steps: number, maxSteps: number): string {
  const t = Math.log(Math.max(1, steps)) / Math.log(maxSteps);
  return shadeColors[Math.round(t * (shades - 1))];
}

/**
 * A Plot render function for the cells: one <path> per colour (a rectangle per cell in it) instead of a <rect> per
 * cell, so that the map redraws with a few dozen elements rather than six hundred. Over them, one transparent
 * rectangle whose tooltip (<title>) names the cell under the pointer, written as the pointer moves: the labels of
 * six hundred cells are never made up front.
 */
function cellLayer(
  cells: readonly ConvergenceCell[],
  column: (c: { lr: number }) => number | undefined,
  maxSteps: number,
  label: (c: ConvergenceCell) => string,
  highlight: readonly { lr: number; beta: number; label: string }[],
  tickLabels: readonly { column: number; text: string }[],
) {
  return (_index: unknown, scales: Record<string, unknown>, _values: unknown, dimensions: Plot.Dimensions, context: { document: Document }) => {
    const sx = scales.x as ((v: number) => number) & { bandwidth(): number; domain(): number[] };
    const sy = scales.y as ((v: number) => number) & { bandwidth(): number; domain(): number[] };
    const [w, h0] = [sx.bandwidth(), sy.bandwidth()];
    const doc = context.document;
    const byFill = new Map<string, string[]>();
    for (const c of cells) {
      const i = column(c);
      if (i === undefined) continue;
      const fill = c.outcome === "converged" ? stepsColor(c.steps!, maxSteps) : c.outcome === "tooSlow" ? tooSlowFill : null;
      if (fill === null) continue;
      let parts = byFill.get(fill);
      if (!parts) byFill.set(fill, (parts = []));
      parts.push(`M${sx(i)},${sy(c.beta)}h${w}v${h0}h${-w}z`);
    }
    const g = doc.createElementNS(svgNs, "g");
    const cellsGroup = doc.createElementNS(svgNs, "g");
    cellsGroup.setAttribute("aria-hidden", "true");
    for (const [fill, parts] of byFill) {
      const path = doc.createElementNS(svgNs, "path");
      path.setAttribute("fill", fill);
      path.setAttribute("d", parts.join(""));
      cellsGroup.append(path);
    }
    const band = (scale: typeof sx, v: number) => scale.domain().find((d) => v >= scale(d) && v < scale(d) + scale.bandwidth());
    // The cells by position, indexed when the pointer first comes over the map.
    let at: Map<string, ConvergenceCell> | undefined;
    const hover = hoverTitle(doc, dimensions, (px, py) => {
      at ??= new Map(cells.map((c) => [`${column(c)} ${c.beta}`, c]));
      const cell = at.get(`${band(sx, px)} ${band(sy, py)}`);
      return cell ? label(cell) : "";
    });
    g.append(cellsGroup, hover);
    // The highlighted cells, ringed.
    for (const h of highlight) {
      const i = column(h);
      if (i === undefined || !Number.isFinite(sy(h.beta))) continue;
      const ring = element(doc, "rect", { x: sx(i), y: sy(h.beta), width: w, height: h0, fill: "none", stroke: "red", "stroke-width": 2 });
      ring.append(Object.assign(element(doc, "title"), { textContent: h.label }));
      g.append(ring);
    }
    // The learning rates under the base's x ticks (which carry no text: they change with the grid).
    const ticks = element(doc, "g", { "aria-hidden": "true" });
    for (const t of tickLabels) {
      ticks.append(Object.assign(element(doc, "text", { x: sx(t.column) + w / 2, y: dimensions.height - dimensions.marginBottom + 9, dy: "0.71em" }), { textContent: t.text }));
    }
    g.append(ticks);
    return g as unknown as SVGElement;
  };
}

export function MomentumMap(cells: readonly ConvergenceCell[], options: MomentumMapOptions): LayeredFigure {
  const { lrs, betas, maxSteps, highlight = [], width, height } = options;
  const label = (c: ConvergenceCell) =>
    `η = ${formatNumber(c.lr, 3)}, β = ${formatNumber(c.beta, 3)}: ` +
    (c.outcome === "converged" ? `${c.steps} steps` : c.outcome === "diverged" ? "diverges" : `not within ${maxSteps} steps`);
  const converged = cells.filter((c) => c.outcome === "converged");
  const columns = d3.range(lrs.length);
  const tickColumns = columns.filter((i) => i % tickEvery === 0);
  const columnOf = new Map(lrs.map((lr, i) => [lr, i]));
  const column = (c: { lr: number }) => columnOf.get(c.lr);
  const geometry = {
    ...layerMargins,
    width,
    height,
    x: { type: "band", domain: columns, label: "learning rate η (log-spaced)", ticks: tickColumns, tickFormat: () => "" },
    y: { type: "band", domain: [...betas].reverse(), label: "momentum coefficient (μ)", tickFormat: (v: number) => formatNumber(v, 2), ticks: betas.filter((_, i) => i % 4 === 0) },
  } as const;
  const key = `momentum map ${width} ${height} ${lrs.length} ${betas.join(",")}`;
  let base = bases.get(key);
  if (!base) {
    base = plot({ ...geometry, marks: [] });
    base.setAttribute("aria-hidden", "true");
    bases.set(key, base);
  }
  const overlay = overlayPlot(
    {
      ...geometry,
      x: { ...geometry.x, axis: null },
      y: { ...geometry.y, axis: null },
      ariaLabel: "Steps to converge over learning rate and momentum",
      ariaDescription:
        `Heat map of ${cells.length} of ${lrs.length * betas.length} runs: ${converged.length} converged, ` +
        `${cells.filter((c) => c.outcome === "diverged").length} diverged, ${cells.filter((c) => c.outcome === "tooSlow").length} too slow.` +
        ` Learning rates from ${formatNumber(lrs[0])} to ${formatNumber(lrs.at(-1)!)}, log-spaced; momentum from ${formatNumber(betas[0])} to ${formatNumber(betas.at(-1)!)}.`,
    },
    [cellLayer(cells, column, maxSteps, label, highlight, tickColumns.map((i) => ({ column: i, text: formatNumber(lrs[i], 2) }))) as unknown as Plot.RenderFunction],
  );

  const key2 = colorLegend({ type: "log", scheme: "viridis", label: "steps to converge", domain: [1, maxSteps] });
  // The base is copied only if this figure's base is put on the page (a FigureSlot showing it already keeps its own).
  return stackLayers(() => base.cloneNode(true) as Element, overlay, key, width, key2);
}
