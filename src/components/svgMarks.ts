// The moving part of a layered figure (./layers.ts) drawn by hand, inside Plot render functions (a mark that is a
// function): each Plot mark costs a fixed half millisecond or more here (channels, scales, styles), Plot's line a few
// microseconds a point and Plot's dot an element per point, and an overlay redrawn on every slider move is made of
// several of them. Inside one render function the same drawing is a few DOM calls and one path per run, on the
// scales and in the frame of the figure (made by Plot once per geometry, ./layers.ts's overlayPlot), so the overlay
// lines up with the base.
// The course's figures draw their overlays by hand with this module: appendLines and appendDots (lines, and a dot at
// each point, all in one path), clipToFrame, overlayMark (a drawing with scales), columnLines and columnDots (the same
// as marks, from columns of numbers), axisMark (an axis that moves with the data), and the small helpers below them.
// (The playground's map and time charts, whose paths a time cursor cuts short, still draw theirs with d3 and clip paths.)
import type * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { plot } from "./plot.js";

export const svgNs = "http://www.w3.org/2000/svg";

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
  /** A wider line under each one (a white casing that lifts it off a contour map), drawn from the same path data. */
  casing?: { stroke: string; strokeWidth: number; strokeOpacity?: number };
  /** What the scales depend on: a series with a `memo` object keeps its path data for as long as this stays the same. */
  view?: string;
}

type Scale = (value: number) => number;
/** Path coordinates are written in tenths of a pixel, as integers (a number with decimals is slow to print), under a scale(0.1). */
const unit = 10;

/**
 * The path data of one series, in tenths of a pixel: a gap wherever x or y, or its position, is not finite. On a
 * linear curve a point less than half a pixel from the last one drawn is left out (a run stalled at a saddle repeats
 * its position for hundreds of steps), unless it ends a piece of the line.
 */
export function pathData(xs: ArrayLike<number>, ys: ArrayLike<number>, x: Scale, y: Scale, curve: FastLineOptions["curve"] = "linear"): string {
  let d = "";
  let open = false;
  let lastX = 0;
  let lastY = 0;
  const step = curve === "step-after";
  const drawable = (i: number) => Number.isFinite(xs[i]) && Number.isFinite(ys[i]) && Number.isFinite(x(xs[i])) && Number.isFinite(y(ys[i]));
  for (let i = 0; i < xs.length; ++i) {
    const px = Math.round(x(xs[i]) * unit);
    const py = Math.round(y(ys[i]) * unit);
    if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) {
      open = false;
      continue;
    }
    if (open && !step && Math.abs(px - lastX) < unit / 2 && Math.abs(py - lastY) < unit / 2 && i < xs.length - 1 && drawable(i + 1)) continue;
    if (!open) d += "M" + px + "," + py;
    else if (step) d += py === lastY ? "H" + px : "H" + px + "V" + py;
    else d += "L" + px + "," + py;
    open = true;
    lastX = px;
    lastY = py;
  }
  return d;
}

type Attrs = Record<string, string | number | null | undefined>;

/** An SVG element with these attributes (null and undefined ones left out). */
export function element(doc: Document, name: string, attributes: Attrs = {}): SVGElement {
  const node = doc.createElementNS(svgNs, name) as SVGElement;
  for (const key in attributes) {
    const value = attributes[key];
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  return node;
}

export interface Draw {
  /** The x and y scales, data to pixels. */
  x(value: number): number;
  y(value: number): number;
  dimensions: Plot.Dimensions;
  /** Creates an SVG element with these attributes (null and undefined ones left out), appended to `parent`. */
  el(tag: string, attrs: Attrs, parent: Element, text?: string): SVGElement;
  /** Lines, one path per series (appendLines); clipped to the frame with `clip`. */
  lines(series: readonly LineSeries[], options: FastLineOptions & { clip?: boolean }, parent: Element): void;
  /** A dot at each point, all in one path (appendDots). */
  dots(xs: ArrayLike<number>, ys: ArrayLike<number>, options: DotOptions, parent: Element): void;
  /** The path of a d3 symbol ("diamond2", …) of radius r, as Plot's dot draws it, centred on 0,0. */
  symbol(name: "diamond2" | "times" | "circle", r: number): string;
  /** A group in `parent` whose contents are clipped to the frame (clipToFrame). */
  clipped(parent: Element): SVGElement;
}

const symbols = { diamond2: d3.symbolDiamond2, times: d3.symbolTimes, circle: d3.symbolCircle };
const symbolPaths = new Map<string, string>();
const memos = new WeakMap<object, { view: string; d: string }>();

/** One Plot mark that draws whatever `draw` appends to the group it is given. */
export function overlayMark(draw: (d: Draw, g: SVGGElement) => void): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    const doc = context.document;
    const el = (tag: string, attrs: Attrs, parent: Element, text?: string) => {
      const node = element(doc, tag, attrs);
      if (text !== undefined) node.textContent = text;
      parent.append(node);
      return node;
    };
    const x = scales.x as Scale;
    const y = scales.y as Scale;
    const clipped = (parent: Element) => {
      const frame = clipToFrame(doc, dimensions);
      parent.append(frame);
      return frame;
    };
    const g = doc.createElementNS(svgNs, "g") as SVGGElement;
    draw(
      {
        x,
        y,
        dimensions,
        el,
        clipped,
        lines(series, { clip, ...options }, parent) {
          appendLines(doc, clip ? clipped(parent) : parent, series, x, y, options);
        },
        dots(xs, ys, options, parent) {
          appendDots(doc, parent, xs, ys, x, y, options);
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
 * A nested SVG as large as the frame (the plotting area inside the margins), viewing the same coordinates: what it
 * holds is clipped to the frame, as by Plot's `clip: "frame"`, without a clipPath and an id.
 */
export function clipToFrame(doc: Document, dimensions: Plot.Dimensions): SVGElement {
  const { x, y, width, height } = frameOf(dimensions);
  const [w, h] = [Math.max(0, width), Math.max(0, height)];
  return element(doc, "svg", { x, y, width: w, height: h, viewBox: `${x} ${y} ${w} ${h}` });
}

export type LineSeries = FastSeries & {
  /** An object the path data is kept with, for as long as the options' `view` stays the same. */
  memo?: object;
};

/** A group drawing its paths in tenths of a pixel, as integers (see pathData), scaled back to pixels. */
function tenthsGroup(doc: Document, stroke: string, strokeWidth: number, strokeOpacity: number | undefined, strokeDasharray?: string): SVGElement {
  return element(doc, "g", {
    transform: `scale(${1 / unit})`,
    fill: "none",
    stroke,
    "stroke-width": strokeWidth * unit,
    "stroke-opacity": strokeOpacity,
    "stroke-dasharray": strokeDasharray?.split(/[\s,]+/).map((v) => Number(v) * unit).join(" "),
    "stroke-linejoin": "round",
    "stroke-linecap": "round",
  });
}

/**
 * Appends a line through each series to `parent`: one path each (pathData), over its casing if the options give one.
 * A series with a `memo` object keeps its path data with that object, for as long as `options.view` stays the same.
 */
export function appendLines(doc: Document, parent: Element, series: readonly LineSeries[], x: Scale, y: Scale, options: FastLineOptions): void {
  const { stroke = "currentColor", strokeWidth = 1.5, strokeOpacity, strokeDasharray, curve = "linear", casing, view } = options;
  const casingGroup = casing && tenthsGroup(doc, casing.stroke, casing.strokeWidth, casing.strokeOpacity);
  const group = tenthsGroup(doc, stroke, strokeWidth, strokeOpacity, strokeDasharray);
  if (casingGroup) parent.append(casingGroup);
  parent.append(group);
  const memoView = `${view} ${curve}`;
  for (const s of series) {
    let d: string;
    const memo = s.memo && view !== undefined ? memos.get(s.memo) : undefined;
    if (memo && memo.view === memoView) d = memo.d;
    else {
      d = pathData(s.xs, s.ys, x, y, curve);
      if (s.memo && view !== undefined) memos.set(s.memo, { view: memoView, d });
    }
    if (!d) continue;
    casingGroup?.append(element(doc, "path", { d }));
    const path = element(doc, "path", { d, stroke: s.stroke });
    if (s.title) path.append(Object.assign(element(doc, "title"), { textContent: s.title }));
    group.append(path);
  }
}

export interface DotOptions {
  fill: string;
  /** The radius in pixels (default 2.5). */
  r?: number;
  /** A ring: fill "none" and a stroke. */
  stroke?: string;
  strokeWidth?: number;
}

/**
 * Appends a dot of radius `r` at each point to `parent`, all in one path of arcs (in tenths of a pixel, as integers):
 * drawn after a line, a dot at every vertex. Much cheaper to paint than markers at the line's vertices, which
 * Chromium instantiates and paints one by one, or than an element per dot. Points off their scale are left out.
 */
export function appendDots(doc: Document, parent: Element, xs: ArrayLike<number>, ys: ArrayLike<number>, x: Scale, y: Scale, { fill, r = 2.5, stroke, strokeWidth }: DotOptions): void {
  // A circle as two arcs from its leftmost point.
  const ru = Math.round(r * unit);
  const arcs = `a${ru},${ru} 0 1,0 ${2 * ru},0a${ru},${ru} 0 1,0 ${-2 * ru},0`;
  let d = "";
  for (let i = 0; i < xs.length; ++i) {
    const px = Math.round(x(xs[i]) * unit);
    const py = Math.round(y(ys[i]) * unit);
    if (Number.isFinite(px) && Number.isFinite(py)) d += "M" + (px - ru) + "," + py + arcs;
  }
  if (d) parent.append(element(doc, "path", { d, fill, stroke: stroke ?? "none", "stroke-width": strokeWidth && strokeWidth * unit, transform: `scale(${1 / unit})` }));
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
    const catcher = document.createElementNS(svgNs, "rect");
    for (const [name, value] of Object.entries({ width, height, fill: "none", "pointer-events": "all" })) catcher.setAttribute(name, String(value));
    layer.prepend(catcher);
    overlay.append(layer);
  };
  overlay.addEventListener("pointerenter", build);
}

export interface ColumnSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  stroke: string;
}

/** A mark drawing each series as a line in its own colour (appendLines), on the plot's x and y scales (which other marks must define). */
export function columnLines(series: readonly ColumnSeries[], { clip = false, ...options }: Omit<FastLineOptions, "stroke" | "view"> & { clip?: boolean } = {}): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    if (!scales.x || !scales.y) return null; // no x or y scale: nothing to place the lines on
    const doc = context.document;
    // Named as Plot names its line mark's group.
    const g = element(doc, "g", { "aria-label": "line" });
    const target = clip ? g.appendChild(clipToFrame(doc, dimensions)) : g;
    appendLines(doc, target, series.map((s) => ({ xs: s.x, ys: s.y, stroke: s.stroke })), scales.x as Scale, scales.y as Scale, options);
    return g;
  };
}

export interface ColumnDotSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  fill: string;
}

/** A mark drawing a filled dot at each point (appendDots), one path per series; with `clip`, dots are cut at the frame. */
export function columnDots(series: readonly ColumnDotSeries[], { r = 2.5, clip = false }: { r?: number; clip?: boolean } = {}): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    if (!scales.x || !scales.y) return null;
    const doc = context.document;
    const g = element(doc, "g", { "aria-label": "dot" });
    const target = clip ? g.appendChild(clipToFrame(doc, dimensions)) : g;
    for (const s of series) appendDots(doc, target, s.x, s.y, scales.x as Scale, scales.y as Scale, { fill: s.fill, r });
    return g;
  };
}

/** The frame of a Plot figure, in its pixels. */
export function frameOf({ width, height, marginTop, marginRight, marginBottom, marginLeft }: Plot.Dimensions) {
  return { x: marginLeft, y: marginTop, width: width - marginLeft - marginRight, height: height - marginTop - marginBottom };
}

/**
 * A transparent rectangle over the frame whose tooltip (<title>) is `describe` of the pointer's position in the
 * figure's pixels, recomputed as the pointer moves: nothing is formatted until someone points.
 */
export function hoverTitle(doc: Document, dimensions: Plot.Dimensions, describe: (px: number, py: number) => string): SVGElement {
  const hover = element(doc, "rect", { ...frameOf(dimensions), fill: "transparent" });
  const title = doc.createElementNS(svgNs, "title");
  hover.append(title);
  hover.addEventListener("pointermove", (event) => {
    const matrix = (hover as SVGGraphicsElement).getScreenCTM();
    if (!matrix) return;
    const { clientX, clientY } = event as PointerEvent;
    const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    const text = describe(p.x, p.y);
    if (title.textContent !== text) title.textContent = text;
  });
  return hover;
}

const axes = new Map<string, SVGElement>();

/**
 * An axis (ticks, labels) and its grid as Plot draws them — on y a tick every 35 pixels or so, on x every 80 — for an
 * axis whose domain changes on most moves: drawn with the overlay, it spares the figure a new base layer. `ticks` is
 * the scale's ticks option, if a count.
 */
export function axisMark(
  axis: "x" | "y",
  { tickFormat, log = false, ticks: tickCount }: { tickFormat?: string | ((value: number) => string); log?: boolean; ticks?: number } = {},
): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    const doc = context.document;
    type Format = (value: number) => string;
    const scale = scales[axis] as unknown as ((value: number) => number) & {
      ticks(count: number): number[];
      tickFormat(count: number, specifier?: string | Format): Format;
      domain(): number[];
      range(): number[];
    };
    const { width, height, marginTop, marginRight, marginBottom, marginLeft } = dimensions;
    const [bottom, right] = [height - marginBottom, width - marginRight];
    const count = tickCount ?? (axis === "y" ? (bottom - marginTop) / 35 : (right - marginLeft) / 80);
    // As Plot: the scale's own tick format (with the precision the ticks need; on a log axis, blank between powers of
    // ten when they would crowd), or a function given for a linear axis.
    const formatted = typeof tickFormat === "function" && !log;
    // An axis is drawn once per domain and frame and copied after that; one with a format given as a function (which
    // a key cannot tell apart) is drawn every time.
    const key = typeof tickFormat === "function" ? undefined : `${axis} ${log} ${scale.domain()} ${scale.range()} ${count} ${tickFormat} ${marginLeft} ${marginTop} ${right} ${bottom}`;
    const drawn = key === undefined ? undefined : axes.get(key);
    if (drawn) return drawn.cloneNode(true) as SVGElement;
    const label = formatted ? tickFormat : scale.tickFormat(count, tickFormat);
    const g = element(doc, "g", { "aria-hidden": "true" });
    const grid = element(doc, "g", { stroke: "currentColor", "stroke-opacity": 0.1 });
    const tickGroup = element(doc, "g", { fill: "none", stroke: "currentColor", transform: axis === "y" ? "translate(0,0.5)" : "translate(0.5,0)" });
    const labels = element(doc, "g", axis === "y" ? { "font-variant": "tabular-nums", "text-anchor": "end", transform: "translate(-8.5,0.5)" } : { "font-variant": "tabular-nums", transform: "translate(0.5,9.5)" });
    let gridPath = "";
    let tickPath = "";
    for (const value of scale.ticks(count)) {
      const at = Math.round(scale(value) * 10) / 10;
      if (!Number.isFinite(at)) continue;
      const text = label(value);
      if (axis === "y") {
        gridPath += `M${marginLeft},${at + 0.5}H${right}`;
        tickPath += `M${marginLeft},${at}h-6`;
        if (text) labels.append(Object.assign(element(doc, "text", { x: marginLeft, y: at, dy: "0.32em" }), { textContent: text }));
      } else {
        gridPath += `M${at + 0.5},${marginTop}V${bottom}`;
        tickPath += `M${at},${bottom}v6`;
        if (text) labels.append(Object.assign(element(doc, "text", { x: at, y: bottom, dy: "0.71em" }), { textContent: text }));
      }
    }
    grid.append(element(doc, "path", { d: gridPath }));
    tickGroup.append(element(doc, "path", { d: tickPath }));
    g.append(grid, tickGroup, labels);
    if (key !== undefined) {
      if (axes.size >= 128) axes.delete(axes.keys().next().value!);
      axes.set(key, g);
      return g.cloneNode(true) as SVGElement;
    }
    return g;
  };
}
