// The playground's map: the loss function's contours (or its curve, for a function of x alone) drawn
// once per function and view, with the runs' paths up to the time cursor on a light layer above it, so
// playing and scrubbing redraw only the paths. Clicking the map, or the arrow keys, moves the start.
import * as Plot from "@observablehq/plot";
import { plot } from "../plot.js";
import * as d3 from "d3";
import { ContourPlot } from "../ContourPlot.js";
import { drawablePath, expandBox } from "../points.js";
import type { Series } from "../series.js";
import type { View } from "./state.js";
import { thinPath } from "./thin.js";

export interface PlaygroundMapOptions {
  f: (x: number, y: number) => number;
  dim: 1 | 2;
  view: View;
  /** The formula, for the accessible name. */
  label: string;
  width: number;
  /** Called with a new start point (one number per variable) when the reader clicks or uses the arrow keys. */
  onPick: (start: number[]) => void;
}

export interface PlaygroundMapElement extends HTMLDivElement {
  /** Redraws the paths of `series` up to step `t`, and the start point. */
  draw(series: readonly Series[], t: number, start: readonly number[]): void;
}

const margins = { marginTop: 20, marginRight: 20, marginBottom: 36, marginLeft: 44 } as const;
type Size = { width: number; height: number };

export function PlaygroundMap({ f, dim, view, label, width: available, onPick }: PlaygroundMapOptions): PlaygroundMapElement {
  // Framework reports a width of 0 before the first layout; a map narrower than its margins cannot be drawn.
  const width = Math.max(240, available);
  const height = Math.round(Math.min(width, 560) * (dim === 1 ? 0.6 : 0.9));
  const size = { width, height, ...margins };
  const background =
    dim === 2
      ? ContourPlot({ f, domain: view, label }, { ...size, aspectRatio: undefined, showMinima: false, levels: 24 })
      : curvePlot(f, view, label, size);
  const root = document.createElement("div") as unknown as PlaygroundMapElement;
  root.className = "downhill-map";
  root.tabIndex = 0;
  root.setAttribute("role", "application");
  root.setAttribute("aria-roledescription", "loss map");
  root.style.cssText = `position:relative;width:${width}px;max-width:100%;cursor:crosshair;`;
  const overlay = document.createElement("div");
  // The paths on a compositing layer of their own: redrawing them (every frame of play) repaints that layer only,
  // not the contours under it.
  overlay.style.cssText = "position:absolute;inset:0;pointer-events:none;will-change:transform;";
  root.append(background, overlay);

  const svg = (background instanceof SVGSVGElement ? background : background.querySelector("svg"))!;
  const xScale = (background as unknown as Plot.Plot).scale("x")!;
  const yScale = (background as unknown as Plot.Plot).scale("y")!;
  let start: readonly number[] = [];

  const pick = (point: number[]) => {
    const clamped = point.map((v, i) => {
      const [lo, hi] = i === 0 ? view.x : view.y;
      return Number(Math.min(hi, Math.max(lo, v)).toPrecision(4));
    });
    onPick(dim === 1 ? clamped.slice(0, 1) : clamped);
  };
  root.addEventListener("click", (event) => {
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * width;
    const py = ((event.clientY - box.top) / box.height) * height;
    const x = xScale.invert!(px) as number;
    const y = yScale.invert!(py) as number;
    if (Number.isFinite(x) && Number.isFinite(y)) pick([x, y]);
  });
  root.addEventListener("keydown", (event) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const move = moves[event.key];
    if (!move || start.length === 0 || (dim === 1 && move[1] !== 0)) return;
    event.preventDefault();
    const fraction = event.shiftKey ? 0.1 : 0.02;
    pick([start[0] + move[0] * fraction * (view.x[1] - view.x[0]), (start[1] ?? 0) + move[1] * fraction * (view.y[1] - view.y[0])]);
  });

  const toX = (v: number) => xScale.apply!(v) as number;
  const toY = (v: number) => yScale.apply!(v) as number;
  const layer = pathsLayer(f, dim, view, size, toX, toY);
  overlay.append(layer.svg);
  root.draw = (series, t, nextStart) => {
    start = nextStart;
    root.setAttribute(
      "aria-label",
      `${background.getAttribute("aria-label") ?? "Loss map"}. Start at ${nextStart.map((v) => v.toPrecision(3)).join(", ")}: ` +
        "click the map or use the arrow keys (with Shift for larger moves) to move it.",
    );
    layer.draw(series, t, nextStart);
  };
  return root;
}

function curvePlot(f: (x: number, y: number) => number, view: View, label: string, size: object) {
  const samples = Array.from({ length: 401 }, (_, i) => {
    const x = view.x[0] + (i / 400) * (view.x[1] - view.x[0]);
    return { x, y: f(x, 0) };
  }).filter((p) => Number.isFinite(p.y));
  return plot({
    ...size,
    ariaLabel: `Curve of ${label}`,
    x: { domain: view.x, label: "x" },
    y: { domain: view.y, label: "f(x)", grid: true },
    marks: [Plot.frame({ strokeOpacity: 0.3 }), Plot.line(samples, { x: "x", y: "y", clip: "frame", strokeWidth: 2 })],
  });
}

type Scale = (v: number) => number;
let nextClipId = 0;
/** Runs shown up to at most this many points get a dot per step. */
const MAX_DOTTED = 150;
const svgNS = "http://www.w3.org/2000/svg";

function element(name: string, attributes: Record<string, string | number>, parent?: Element): SVGElement {
  const node = document.createElementNS(svgNS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  parent?.append(node);
  return node;
}

/** One run as the map draws it at any time t: its pixels, and its thinned line as a string whose prefixes are the line up to t. */
interface DrawnRun {
  label: string;
  color: string;
  g: SVGElement;
  /** "x,y" in pixels for each drawable step. */
  points: string[];
  /** The thinned line through every drawable step ("M…L…"), and where its part before each kept step ends. */
  d: string;
  kept: number[];
  ends: number[];
  casing: SVGElement;
  line: SVGElement;
  /** The dots' group, and how many of its dots are shown. */
  dots: SVGElement;
  dotted: number;
  current: SVGElement;
  diverged: SVGElement | null;
  stopStep: number;
}

/**
 * The paths up to step t (line, steps as dots for short runs, current point, a label where a run
 * diverged) and the start ring, as one SVG layer in the background's pixel coordinates. Drawn with plain
 * SVG rather than as a second Plot figure, and kept: new runs rebuild its elements, and a move of the time
 * cursor only rewrites their coordinates, so playing and scrubbing cost a small fraction of a frame.
 */
function pathsLayer(f: PlaygroundMapOptions["f"], dim: 1 | 2, view: View, size: Size, x: Scale, y: Scale) {
  const drawBox = expandBox(view, 0.05);
  // Points closer than about half a pixel to the last one drawn add nothing visible.
  const tolerance = { x: (0.5 * (view.x[1] - view.x[0])) / size.width, y: (0.5 * (view.y[1] - view.y[0])) / size.height };
  const svg = element("svg", { width: size.width, height: size.height, viewBox: `0 0 ${size.width} ${size.height}`, "aria-hidden": "true" }) as SVGSVGElement;
  svg.style.cssText = "position:absolute;inset:0;width:100%;height:auto;overflow:hidden;";
  // Paths are clipped to the plotting frame, as Plot's own marks would be.
  const [left, right] = [x(view.x[0]), x(view.x[1])];
  const [bottom, top] = [y(view.y[0]), y(view.y[1])];
  const clipId = `downhill-map-clip-${++nextClipId}`;
  element("rect", { x: left, y: top, width: right - left, height: bottom - top }, element("clipPath", { id: clipId }, svg));
  const frame = element("g", { "clip-path": `url(#${clipId})` }, svg);
  const runsGroup = element("g", {}, frame);
  const startRing = element("circle", { r: 7, fill: "white", "fill-opacity": 0.6, stroke: "black", "stroke-width": 2.5 }, frame);

  let shown: readonly Series[] | undefined;
  let runs: DrawnRun[] = [];

  /** The runs drawn, by their trace: a run whose trace, label and colour stay keeps its elements. */
  let byTrace = new Map<Series["trace"], DrawnRun>();
  const build = (series: readonly Series[]) => {
    const previous = byTrace;
    byTrace = new Map();
    runs = [];
    const groups: SVGElement[] = [];
    for (const { trace, label, color } of series) {
      const old = previous.get(trace);
      if (old && old.label === label && old.color === color && !byTrace.has(trace)) {
        byTrace.set(trace, old);
        runs.push(old);
        groups.push(old.g);
        continue;
      }
      // A 1-D run is drawn on the curve: its points are (x, f(x)).
      const path = dim === 1 ? trace.path.map(([px]) => [px, f(px, 0)]) : trace.path;
      const drawable = drawablePath(path, drawBox);
      if (drawable.length === 0) continue;
      const points = drawable.map((p) => `${x(p.x).toFixed(2)},${y(p.y).toFixed(2)}`);
      // thinPath over the whole run: its kept steps before t, then step t, are thinPath of the run up to t.
      const kept = thinPath(drawable, tolerance).map((p) => p.step);
      let d = "";
      const ends: number[] = [];
      for (const [k, step] of kept.entries()) {
        d += (k === 0 ? "M" : "L") + points[step];
        ends.push(d.length);
      }
      const g = element("g", {});
      groups.push(g);
      const casing = element("path", { fill: "none", stroke: "white", "stroke-width": 4, "stroke-opacity": 0.7 }, g);
      const line = element("path", { fill: "none", stroke: color, "stroke-width": 2 }, g);
      // A run shown up to at most MAX_DOTTED steps has a dot per step (made when first shown).
      const dots = element("g", { fill: color }, g);
      const current = element("circle", { r: 5, fill: color, stroke: "white", "stroke-width": 1.5 }, g);
      let diverged: SVGElement | null = null;
      if (trace.stop.reason === "diverged") {
        diverged = element("text", { "text-anchor": "middle", font: "12px sans-serif", fill: color, stroke: "white", "stroke-width": 3, "paint-order": "stroke" }, g);
        diverged.textContent = `${label} diverged`;
      }
      const run = { label, color, g, points, d, kept, ends, casing, line, dots, dotted: 0, current, diverged, stopStep: trace.stop.step };
      runs.push(run);
      if (!byTrace.has(trace)) byTrace.set(trace, run);
    }
    runsGroup.replaceChildren(...groups);
  };

  const draw = (series: readonly Series[], t: number, start: readonly number[]) => {
    if (series !== shown) build(series);
    shown = series;
    for (const run of runs) {
      const last = Math.min(t, run.points.length - 1);
      // The kept steps before `last` (the first is always step 0), then `last` itself.
      const before = d3.bisectLeft(run.kept, last);
      const d = last === 0 ? `M${run.points[0]}` : `${run.d.slice(0, run.ends[before - 1])}L${run.points[last]}`;
      run.casing.setAttribute("d", d);
      run.line.setAttribute("d", d);
      // Dots for steps 0…last while the run shown is short, none after.
      const dotted = last < MAX_DOTTED ? last + 1 : 0;
      while (run.dots.childElementCount < dotted) {
        const [cx, cy] = run.points[run.dots.childElementCount].split(",");
        element("circle", { cx, cy, r: 2 }, run.dots);
      }
      if (dotted !== run.dotted) {
        const dots = run.dots.children;
        for (let i = 0; i < dots.length; ++i) dots[i].setAttribute("display", i < dotted ? "inline" : "none");
        run.dotted = dotted;
      }
      const [cx, cy] = run.points[last].split(",");
      run.current.setAttribute("cx", cx);
      run.current.setAttribute("cy", cy);
      if (run.diverged) {
        run.diverged.setAttribute("display", t >= run.stopStep ? "inline" : "none");
        run.diverged.setAttribute("x", cx);
        run.diverged.setAttribute("y", String(Number(cy) - 12));
      }
    }
    const [sx, sy] = dim === 1 ? [start[0], f(start[0], 0)] : [start[0], start[1]];
    const visible = Number.isFinite(sx) && Number.isFinite(sy);
    startRing.setAttribute("display", visible ? "inline" : "none");
    if (visible) {
      startRing.setAttribute("cx", String(x(sx)));
      startRing.setAttribute("cy", String(y(sy)));
    }
  };
  return { svg, draw };
}
