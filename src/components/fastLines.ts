// Lines written straight into SVG paths, as a Plot mark (a render function): for the long runs in the overlay of a
// layered figure, which is redrawn on every slider move. Plot's own line costs about 3 µs a point here (channels,
// scales, grouping, d3-shape); this costs a tenth of that. What it draws is what Plot.line draws with a linear or
// step-after curve: one path per series, broken where a value is not finite, optionally clipped to the frame.
import type * as Plot from "@observablehq/plot";

export interface FastSeries {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** A tooltip for the whole line (an SVG <title>). */
  title?: string;
  /** Overrides the options' stroke for this series. */
  stroke?: string;
}

export interface FastLineOptions {
  stroke?: string;
  strokeWidth?: number;
  strokeOpacity?: number;
  strokeDasharray?: string;
  /** "step-after": horizontal to the next x, then vertical, as Plot's curve of that name. */
  curve?: "linear" | "step-after";
  /** Clip to the frame (the plotting area inside the margins). */
  clip?: boolean;
}

type Scale = (value: number) => number;
/** Path coordinates are written in tenths of a pixel, as integers (a number with decimals is slow to print), under a scale(0.1). */
const unit = 10;

/** The path data of one series, in tenths of a pixel: a gap wherever x or y, or its position, is not finite. */
export function pathData(xs: ArrayLike<number>, ys: ArrayLike<number>, x: Scale, y: Scale, curve: FastLineOptions["curve"] = "linear"): string {
  let d = "";
  let open = false;
  let lastY = 0;
  const step = curve === "step-after";
  for (let i = 0; i < xs.length; ++i) {
    const px = Math.round(x(xs[i]) * unit);
    const py = Math.round(y(ys[i]) * unit);
    if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) {
      open = false;
      continue;
    }
    if (!open) d += "M" + px + "," + py;
    else if (step) d += py === lastY ? "H" + px : "H" + px + "V" + py;
    else d += "L" + px + "," + py;
    open = true;
    lastY = py;
  }
  return d;
}

/** A Plot mark drawing each series as one path. */
export function fastLines(series: readonly FastSeries[], options: FastLineOptions = {}): Plot.RenderFunction {
  const { stroke = "currentColor", strokeWidth = 1.5, strokeOpacity, strokeDasharray, curve = "linear", clip = false } = options;
  return (_index, scales, _values, dimensions, context) => {
    const document = context.document;
    const svgNS = "http://www.w3.org/2000/svg";
    const g = document.createElementNS(svgNS, "g");
    g.setAttribute("fill", "none");
    g.setAttribute("stroke", stroke);
    g.setAttribute("transform", `scale(${1 / unit})`);
    g.setAttribute("stroke-width", String(strokeWidth * unit));
    g.setAttribute("stroke-linejoin", "round");
    g.setAttribute("stroke-linecap", "round");
    if (strokeOpacity !== undefined) g.setAttribute("stroke-opacity", String(strokeOpacity));
    if (strokeDasharray) g.setAttribute("stroke-dasharray", strokeDasharray.split(/[\s,]+/).map((v) => Number(v) * unit).join(" "));
    const x = scales.x as Scale;
    const y = scales.y as Scale;
    for (const s of series) {
      const d = pathData(s.xs, s.ys, x, y, curve);
      if (!d) continue;
      const path = document.createElementNS(svgNS, "path");
      path.setAttribute("d", d);
      if (s.stroke) path.setAttribute("stroke", s.stroke);
      if (s.title) {
        const title = document.createElementNS(svgNS, "title");
        title.textContent = s.title;
        path.append(title);
      }
      g.append(path);
    }
    if (!clip) return g;
    // A nested SVG as large as the frame, viewing the same coordinates, clips what it holds to the frame.
    const { width, height, marginTop, marginRight, marginBottom, marginLeft } = dimensions;
    const frame = document.createElementNS(svgNS, "svg");
    const [fw, fh] = [Math.max(0, width - marginLeft - marginRight), Math.max(0, height - marginTop - marginBottom)];
    frame.setAttribute("x", String(marginLeft));
    frame.setAttribute("y", String(marginTop));
    frame.setAttribute("width", String(fw));
    frame.setAttribute("height", String(fh));
    frame.setAttribute("viewBox", `${marginLeft} ${marginTop} ${fw} ${fh}`);
    frame.append(g);
    return frame;
  };
}
