// The moving part of a layered figure (./layers.ts) drawn by hand, as one Plot mark: each Plot mark costs a fixed
// half millisecond or more here (channels, scales, styles), and an overlay redrawn on every slider move is made of
// several small ones (a few dots, a label, a rule). Inside one render function the same drawing is a few DOM calls.
// Plot still makes the SVG, its scales and its accessible name, so the overlay lines up with the base as before.
import type * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { plot } from "./plot.js";

const svgNS = "http://www.w3.org/2000/svg";

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

type Attrs = Record<string, string | number | null | undefined>;

export interface Draw {
  /** The x and y scales, data to pixels. */
  x(value: number): number;
  y(value: number): number;
  dimensions: Plot.Dimensions;
  /** Creates an SVG element with these attributes (null and undefined ones left out), appended to `parent`. */
  el(tag: string, attrs: Attrs, parent: Element, text?: string): SVGElement;
  /**
   * Lines, one path per series (pathData); clipped to the frame with `clip`. A series with a `memo`
   * object keeps its path data with that object, for as long as `view` (what the scales depend on) stays the same.
   */
  lines(series: readonly (FastSeries & { memo?: object })[], options: FastLineOptions & { view?: string }, parent: Element): void;
  /** The path of a d3 symbol ("diamond2", …) of radius r, as Plot's dot draws it, centred on 0,0. */
  symbol(name: "diamond2" | "times" | "circle", r: number): string;
}

const symbols = { diamond2: d3.symbolDiamond2, times: d3.symbolTimes, circle: d3.symbolCircle };
const symbolPaths = new Map<string, string>();
const memos = new WeakMap<object, { view: string; d: string }>();

/** One Plot mark that draws whatever `draw` appends to the group it is given. */
export function overlayMark(draw: (d: Draw, g: SVGGElement) => void): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    const doc = context.document;
    const el = (tag: string, attrs: Attrs, parent: Element, text?: string) => {
      const node = doc.createElementNS(svgNS, tag) as SVGElement;
      for (const name in attrs) {
        const value = attrs[name];
        if (value !== null && value !== undefined) node.setAttribute(name, String(value));
      }
      if (text !== undefined) node.textContent = text;
      parent.append(node);
      return node;
    };
    const x = scales.x as (v: number) => number;
    const y = scales.y as (v: number) => number;
    const { width, height, marginTop, marginRight, marginBottom, marginLeft } = dimensions;
    const frameSize = [Math.max(0, width - marginLeft - marginRight), Math.max(0, height - marginTop - marginBottom)];
    const g = doc.createElementNS(svgNS, "g") as SVGGElement;
    draw(
      {
        x,
        y,
        dimensions,
        el,
        lines(series, options, parent) {
          const { stroke = "currentColor", strokeWidth = 1.5, strokeOpacity, strokeDasharray, curve = "linear", clip = false } = options;
          // A nested SVG as large as the frame, viewing the same coordinates, clips what it holds to the frame.
          const holder = clip
            ? el("svg", { x: marginLeft, y: marginTop, width: frameSize[0], height: frameSize[1], viewBox: `${marginLeft} ${marginTop} ${frameSize[0]} ${frameSize[1]}` }, parent)
            : parent;
          // Coordinates in tenths of a pixel, as integers (see pathData), under a scale(0.1).
          const group = el(
            "g",
            {
              transform: `scale(${1 / unit})`,
              fill: "none",
              stroke,
              "stroke-width": strokeWidth * unit,
              "stroke-opacity": strokeOpacity,
              "stroke-dasharray": strokeDasharray?.split(/[\s,]+/).map((v) => Number(v) * unit).join(" "),
              "stroke-linejoin": "round",
              "stroke-linecap": "round",
            },
            holder,
          );
          for (const s of series) {
            let d: string;
            const memo = s.memo && options.view !== undefined ? memos.get(s.memo) : undefined;
            if (memo && memo.view === `${options.view} ${curve}`) d = memo.d;
            else {
              d = pathData(s.xs, s.ys, x, y, curve);
              if (s.memo && options.view !== undefined) memos.set(s.memo, { view: `${options.view} ${curve}`, d });
            }
            if (!d) continue;
            const path = el("path", { d, stroke: s.stroke }, group);
            if (s.title) el("title", {}, path, s.title);
          }
        },
        symbol(name, r) {
          const key = `${name} ${r}`;
          let path = symbolPaths.get(key);
          if (path === undefined) symbolPaths.set(key, (path = d3.symbol(symbols[name], r * r * Math.PI)() ?? ""));
          return path;
        },
      },
      g,
    );
    return g;
  };
}

/**
 * A tip that is built when the pointer first comes over the overlay, so that the figures redrawn on every slider
 * move do not pay for it (a Plot tip computes its channels for every row up front). `marks` returns the tip's marks,
 * drawn in a layer of the overlay's own geometry on top of it.
 */
export function lazyTip(overlay: Element, options: Plot.PlotOptions, marks: () => Plot.Markish[]): void {
  const build = () => {
    overlay.removeEventListener("pointerenter", build);
    const [width, height] = ["width", "height"].map((name) => Number(overlay.getAttribute(name)));
    const layer = plot({ ...options, width, height, axis: null, marks: marks() });
    layer.removeAttribute("style");
    layer.removeAttribute("aria-label");
    layer.removeAttribute("aria-description");
    layer.setAttribute("aria-hidden", "true");
    for (const [name, value] of Object.entries({ x: 0, y: 0, width, height, overflow: "visible" })) layer.setAttribute(name, String(value));
    // The layer takes the pointer everywhere over the figure, not only over what it has drawn.
    const catcher = document.createElementNS(svgNS, "rect");
    for (const [name, value] of Object.entries({ width, height, fill: "none", "pointer-events": "all" })) catcher.setAttribute(name, String(value));
    layer.prepend(catcher);
    overlay.append(layer);
  };
  overlay.addEventListener("pointerenter", build);
}
