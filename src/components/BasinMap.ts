// A basin-of-attraction map: each cell of a grid of start points coloured by the minimum its run ended in,
// with the minima marked. Rows not computed yet are left blank, so a partial map can be drawn while it fills.
// A layered figure (./layers.ts): the axes are drawn once per box and width, the cells and the minima
// over them on every call, so show it in a FigureSlot on a page with sliders.
import * as Plot from "@observablehq/plot";
import { legend as plotLegend } from "./plot.js";
import { layeredPlot, type LayeredFigure } from "./layers.js";
import type { BasinMap as BasinMapData } from "../../lib/analysis/basins.js";
import { formatNumber, formatPoint } from "./format.js";

export interface BasinMapOptions {
  width?: number;
  /** How many rows of `map` are filled (default: all). */
  rowsDone?: number;
  title?: string;
  /** Draw the colour legend (turn off when several maps share one BasinLegend). */
  legend?: boolean;
}

const palette = ["#4c6ef5", "#f76707", "#2f9e44", "#ae3ec9", "#e8590c", "#1098ad", "#f59f00", "#d6336c", "#5c940d", "#7048e8"];
const unsettledColor = "#ced4da";
const UNSETTLED = "did not settle";

/** The label of basin i: where it is and how deep. */
export function basinLabel(map: BasinMapData, i: number): string {
  if (i < 0) return UNSETTLED;
  const b = map.basins[i];
  return `${formatPoint(b.point.map((v) => Number(v.toFixed(2))))}, f = ${formatNumber(b.value, 3)}`;
}

/** The colour of basin i (−1: unsettled): basin i always gets palette colour i. */
const basinColor = (i: number) => (i < 0 ? unsettledColor : palette[i % palette.length]);

/** The colour scale of one or more maps over the same minima: basin i always gets palette colour i. */
function basinColors(maps: readonly BasinMapData[]): { domain: string[]; range: string[] } {
  const reference = maps.reduce((a, b) => (b.basins.length > a.basins.length ? b : a));
  const used = reference.basins.map((_, i) => i).filter((i) => maps.some((m) => (m.basins[i]?.count ?? 0) > 0));
  const unsettled = maps.some((m) => m.unsettled > 0);
  return {
    domain: [...used.map((i) => basinLabel(reference, i)), ...(unsettled ? [UNSETTLED] : [])],
    range: [...used.map((i) => basinColor(i)), ...(unsettled ? [unsettledColor] : [])],
  };
}

/** What BasinLegend(maps) shows, as a string: equal keys, equal legends (a page can keep the one it has). */
export function basinLegendKey(maps: readonly BasinMapData[]): string {
  return JSON.stringify(basinColors(maps));
}

/** One legend for maps computed over the same list of minima. */
export function BasinLegend(maps: readonly BasinMapData[]) {
  return plotLegend({ color: { type: "ordinal", ...basinColors(maps) } });
}

/**
 * The cells as one path per basin: a rectangle per run of equal cells along a row, all of a basin's rectangles in
 * one element (a 40×40 map is then a handful of paths, not 1,600 rects or even the ~100 rects of its runs).
 */
function cellPaths(map: BasinMapData, rowsDone: number): Plot.RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const { box, columns, rows } = map;
    const x = scales.x!;
    const y = scales.y!;
    // Pixel edges of the columns and rows, rounded so that neighbouring cells share an edge exactly.
    const xs = Array.from({ length: columns + 1 }, (_, i) => Math.round(x(box.x[0] + ((box.x[1] - box.x[0]) * i) / columns) as number));
    const ys = Array.from({ length: rows + 1 }, (_, j) => Math.round(y(box.y[1] - ((box.y[1] - box.y[0]) * j) / rows) as number));
    const paths = new Map<number, string[]>();
    for (let j = 0; j < rowsDone; ++j) {
      for (let i = 0; i < columns; ) {
        const basin = map.cells[j * columns + i];
        let end = i + 1;
        while (end < columns && map.cells[j * columns + end] === basin) ++end;
        let d = paths.get(basin);
        if (!d) paths.set(basin, (d = []));
        d.push(`M${xs[i]},${ys[j]}H${xs[end]}V${ys[j + 1]}H${xs[i]}Z`);
        i = end;
      }
    }
    const svg = "http://www.w3.org/2000/svg";
    const g = context.document.createElementNS(svg, "g");
    g.setAttribute("shape-rendering", "crispEdges");
    for (const [basin, d] of paths) {
      const path = context.document.createElementNS(svg, "path");
      path.setAttribute("fill", basinColor(basin));
      path.setAttribute("d", d.join(""));
      g.append(path);
    }
    return g;
  };
}

export function BasinMap(map: BasinMapData, { rowsDone = map.rows, title = "f", legend = true, width = 640 }: BasinMapOptions = {}): LayeredFigure {
  const { box, columns, rows } = map;
  const used = map.basins.map((_, i) => i).filter((i) => map.basins[i].count > 0);
  const total = map.basins.reduce((s, b) => s + b.count, 0) + map.unsettled;
  const shares = used.map((i) => `${basinLabel(map, i)}: ${formatNumber((100 * map.basins[i].count) / Math.max(1, total), 3)}% of starts`);
  // A square plot area, as Plot's aspectRatio: 1 would make it with equal x and y extents.
  const [marginTop, marginRight, marginBottom, marginLeft] = [20, 20, 30, 40];
  const plotWidth = Math.max(40, width - marginLeft - marginRight);
  const height = Math.round(marginTop + marginBottom + (plotWidth * (box.y[1] - box.y[0])) / (box.x[1] - box.x[0]));
  return layeredPlot({
    width,
    height,
    ariaLabel: `Basins of attraction of ${title}`,
    ariaDescription:
      `Each of ${columns}×${rows} start points coloured by the minimum its run ended in (${rowsDone} of ${rows} rows computed). ` +
      shares.join("; ") + (map.unsettled ? `; ${map.unsettled} runs did not settle.` : "."),
    x: { domain: [...box.x], label: "x" },
    y: { domain: [...box.y], label: "y" },
    color: legend ? { type: "ordinal", ...basinColors([map]), legend: true } : undefined,
    overlay: [
      cellPaths(map, rowsDone),
      Plot.frame({ stroke: "currentColor", strokeOpacity: 0.3 }),
      Plot.dot(used.map((i) => map.basins[i]), { x: (b) => b.point[0], y: (b) => b.point[1], symbol: "star", r: 7, fill: "white", stroke: "black", title: (b) => `minimum near ${formatPoint(b.point)}, f = ${formatNumber(b.value)}` }),
    ],
  });
}
