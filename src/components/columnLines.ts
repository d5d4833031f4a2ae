// Lines (and dots) from columns of numbers, drawn by a Plot render function (a mark that is a function) straight into SVG paths:
// for the runs in the overlay of a layered figure, redrawn on every slider move. Plot's own line spends a few
// microseconds a point on channels, grouping and d3-shape; this spends a fraction of that. It draws what Plot.line
// draws with its default (linear) curve: one path per series, broken where a value or its position is not finite.
import type * as Plot from "@observablehq/plot";

export interface ColumnSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  stroke: string;
}

export interface ColumnLineOptions {
  strokeWidth?: number;
  strokeOpacity?: number;
  /** A wider line under each one (a white casing that lifts it off a contour map). */
  casing?: { stroke: string; strokeWidth: number; strokeOpacity?: number };
  /** Clip to the frame (the plotting area inside the margins). */
  clip?: boolean;
}

type Scale = (value: number) => number;
const svgNamespace = "http://www.w3.org/2000/svg";
let clipIds = 0;

/**
 * Path data, to a tenth of a pixel: a gap wherever x or y is not finite or falls off its scale (≤ 0 on a log axis).
 * A point less than half a pixel from the last one drawn is left out (a run stalled at a saddle repeats its position
 * for hundreds of steps), except at the end of a line.
 */
export function pathData(xs: ArrayLike<number>, ys: ArrayLike<number>, x: Scale, y: Scale): string {
  let d = "";
  let open = false;
  let lastX = 0;
  let lastY = 0;
  for (let i = 0; i < xs.length; ++i) {
    const px = Math.round(x(xs[i]) * 10) / 10;
    const py = Math.round(y(ys[i]) * 10) / 10;
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      open = false;
      continue;
    }
    if (open && Math.abs(px - lastX) < 0.5 && Math.abs(py - lastY) < 0.5 && i < xs.length - 1) {
      const next = i + 1;
      // Keep the point if the line breaks after it (it ends this piece of the line).
      if (Number.isFinite(x(xs[next])) && Number.isFinite(y(ys[next]))) continue;
    }
    d += (open ? "L" : "M") + px + "," + py;
    open = true;
    lastX = px;
    lastY = py;
  }
  return d;
}

/** Clips `g` to the frame (the plotting area inside the margins), with a clipPath of its own. */
function clipToFrame(g: SVGGElement, dimensions: Plot.Dimensions, document: Document): void {
  const { width, height, marginTop, marginRight, marginBottom, marginLeft } = dimensions;
  const id = `downhill-column-clip-${++clipIds}`;
  const clipPath = document.createElementNS(svgNamespace, "clipPath");
  clipPath.id = id;
  const rect = document.createElementNS(svgNamespace, "rect");
  for (const [name, value] of [["x", marginLeft], ["y", marginTop], ["width", width - marginLeft - marginRight], ["height", height - marginTop - marginBottom]] as const) {
    rect.setAttribute(name, String(value));
  }
  clipPath.append(rect);
  g.append(clipPath);
  g.setAttribute("clip-path", `url(#${id})`);
}

/** A mark drawing each series as a line in its own colour, on the plot's x and y scales (which other marks must define). */
export function columnLines(series: readonly ColumnSeries[], { strokeWidth = 1.5, strokeOpacity = 1, casing, clip = false }: ColumnLineOptions = {}): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    if (!scales.x || !scales.y) return null; // no x or y scale: nothing to place the lines on
    const document = context.document;
    const g = document.createElementNS(svgNamespace, "g");
    g.setAttribute("fill", "none");
    g.setAttribute("stroke-linejoin", "round");
    g.setAttribute("stroke-linecap", "round");
    if (clip) clipToFrame(g, dimensions, document);
    const x = scales.x as Scale;
    const y = scales.y as Scale;
    const line = (d: string, stroke: string, width: number, opacity: number) => {
      const path = document.createElementNS(svgNamespace, "path");
      path.setAttribute("d", d);
      path.setAttribute("stroke", stroke);
      path.setAttribute("stroke-width", String(width));
      if (opacity !== 1) path.setAttribute("stroke-opacity", String(opacity));
      g.append(path);
    };
    for (const s of series) {
      const d = pathData(s.x, s.y, x, y);
      if (!d) continue;
      if (casing) line(d, casing.stroke, casing.strokeWidth, casing.strokeOpacity ?? 1);
      line(d, s.stroke, strokeWidth, strokeOpacity);
    }
    return g;
  };
}

export interface ColumnDotSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  fill: string;
}

/**
 * A mark drawing a filled dot at each point, one SVG path per series (what Plot.dot draws with a constant fill, as
 * one element instead of one circle a point: the browser styles and lays out each element of an overlay anew on every
 * move). Points off their scale are left out; with `clip`, dots are cut at the frame.
 */
export function columnDots(series: readonly ColumnDotSeries[], { r = 2.5, clip = false }: { r?: number; clip?: boolean } = {}): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    if (!scales.x || !scales.y) return null;
    const document = context.document;
    const g = document.createElementNS(svgNamespace, "g");
    g.setAttribute("stroke", "none");
    if (clip) clipToFrame(g, dimensions, document);
    const x = scales.x as Scale;
    const y = scales.y as Scale;
    // A circle as two arcs from its leftmost point.
    const arcs = `a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    for (const s of series) {
      let d = "";
      for (let i = 0; i < s.x.length; ++i) {
        const px = Math.round(x(s.x[i]) * 10) / 10;
        const py = Math.round(y(s.y[i]) * 10) / 10;
        if (Number.isFinite(px) && Number.isFinite(py)) d += "M" + Math.round((px - r) * 10) / 10 + "," + py + arcs;
      }
      if (!d) continue;
      const path = document.createElementNS(svgNamespace, "path");
      path.setAttribute("fill", s.fill);
      path.setAttribute("d", d);
      g.append(path);
    }
    return g;
  };
}
