// A basin-of-attraction map: each cell of a grid of start points coloured by the minimum its run ended in,
// with the minima marked. Rows not computed yet are left blank, so a partial map can be drawn while it fills.
import * as Plot from "@observablehq/plot";
import { plot, legend } from "./plot.js";
import type { BasinMap as BasinMapData } from "../../lib/analysis/basins.js";
import { formatNumber, formatPoint } from "./format.js";

export interface BasinMapOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** How many rows of `map` are filled (default: all). */
  rowsDone?: number;
  title?: string;
  /** Draw the colour legend (turn off when several maps share one BasinLegend). */
  legend?: boolean;
}

const palette = ["#4c6ef5", "#f76707", "#2f9e44", "#ae3ec9", "#e8590c", "#1098ad", "#f59f00", "#d6336c", "#5c940d", "#7048e8"];
const UNSETTLED = "did not settle";

/** The label of basin i: where it is and how deep. */
export function basinLabel(map: BasinMapData, i: number): string {
  if (i < 0) return UNSETTLED;
  const b = map.basins[i];
  return `${formatPoint(b.point.map((v) => Number(v.toFixed(2))))}, f = ${formatNumber(b.value, 3)}`;
}

/** The colour scale of one or more maps over the same minima: basin i always gets palette colour i. */
function basinColors(maps: readonly BasinMapData[]): { domain: string[]; range: string[] } {
  const reference = maps.reduce((a, b) => (b.basins.length > a.basins.length ? b : a));
  const used = reference.basins.map((_, i) => i).filter((i) => maps.some((m) => (m.basins[i]?.count ?? 0) > 0));
  const unsettled = maps.some((m) => m.unsettled > 0);
  return {
    domain: [...used.map((i) => basinLabel(reference, i)), ...(unsettled ? [UNSETTLED] : [])],
    range: [...used.map((i) => palette[i % palette.length]), ...(unsettled ? ["#ced4da"] : [])],
  };
}

/** One legend for maps computed over the same list of minima. */
export function BasinLegend(maps: readonly BasinMapData[]) {
  return legend({ color: { type: "ordinal", ...basinColors(maps) } });
}

export function BasinMap(map: BasinMapData, { rowsDone = map.rows, title = "f", legend = true, ...plotOptions }: BasinMapOptions) {
  const { box, columns, rows } = map;
  const dx = (box.x[1] - box.x[0]) / columns;
  const dy = (box.y[1] - box.y[0]) / rows;
  // One rect per run of equal cells along a row, not per cell: a 40×40 map is then ~100 rects, not 1,600.
  const labels = new Map<number, string>();
  const labelOf = (i: number) => labels.get(i) ?? labels.set(i, basinLabel(map, i)).get(i)!;
  const cells: { x1: number; x2: number; y1: number; y2: number; basin: string }[] = [];
  for (let j = 0; j < rowsDone; ++j) {
    const y2 = box.y[1] - j * dy;
    for (let i = 0; i < columns; ) {
      const basin = map.cells[j * columns + i];
      let end = i + 1;
      while (end < columns && map.cells[j * columns + end] === basin) ++end;
      cells.push({ x1: box.x[0] + i * dx, x2: box.x[0] + end * dx, y1: y2 - dy, y2, basin: labelOf(basin) });
      i = end;
    }
  }
  const used = map.basins.map((_, i) => i).filter((i) => map.basins[i].count > 0);
  const total = map.basins.reduce((s, b) => s + b.count, 0) + map.unsettled;
  const shares = used.map((i) => `${basinLabel(map, i)}: ${formatNumber((100 * map.basins[i].count) / Math.max(1, total), 3)}% of starts`);
  return plot({
    aspectRatio: 1,
    ariaLabel: `Basins of attraction of ${title}`,
    ariaDescription:
      `Each of ${columns}×${rows} start points coloured by the minimum its run ended in (${rowsDone} of ${rows} rows computed). ` +
      shares.join("; ") + (map.unsettled ? `; ${map.unsettled} runs did not settle.` : "."),
    x: { domain: box.x, label: "x" },
    y: { domain: box.y, label: "y" },
    color: { type: "ordinal", ...basinColors([map]), legend },
    marks: [
      Plot.rect(cells, { x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "basin", inset: 0, shapeRendering: "crispEdges" }),
      Plot.frame({ stroke: "currentColor", strokeOpacity: 0.3 }),
      Plot.dot(used.map((i) => map.basins[i]), { x: (b) => b.point[0], y: (b) => b.point[1], symbol: "star", r: 7, fill: "white", stroke: "black", title: (b) => `minimum near ${formatPoint(b.point)}, f = ${formatNumber(b.value)}` }),
    ],
    ...plotOptions,
  });
}
