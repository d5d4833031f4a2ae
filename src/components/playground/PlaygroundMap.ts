// The playground's map: the loss function's contours (or its curve, for a function of x alone) drawn
// once per function and view, with the runs' paths up to the time cursor on a light layer above it, so
// playing and scrubbing redraw only the paths. Clicking the map, or the arrow keys, moves the start.
import * as Plot from "@observablehq/plot";
import { plot } from "../plot.js";
import * as d3 from "d3";
import { ContourPlot } from "../ContourPlot.js";
import { drawablePath, expandBox, type DrawPoint } from "../points.js";
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
  overlay.style.cssText = "position:absolute;inset:0;pointer-events:none;";
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

  root.draw = (series, t, nextStart) => {
    start = nextStart;
    root.setAttribute(
      "aria-label",
      `${background.getAttribute("aria-label") ?? "Loss map"}. Start at ${nextStart.map((v) => v.toPrecision(3)).join(", ")}: ` +
        "click the map or use the arrow keys (with Shift for larger moves) to move it.",
    );
    const toX = (v: number) => xScale.apply!(v) as number;
    const toY = (v: number) => yScale.apply!(v) as number;
    overlay.replaceChildren(pathsLayer(series, t, nextStart, f, dim, view, size, toX, toY));
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

/**
 * The paths up to step t (line, steps as dots for short runs, current point, a label where a run
 * diverged) and the start ring, as one SVG layer in the background's pixel coordinates. Drawn with d3
 * rather than as a second Plot figure: this redraws on every frame of play, and must cost well under one.
 */
function pathsLayer(series: readonly Series[], t: number, start: readonly number[], f: PlaygroundMapOptions["f"], dim: 1 | 2, view: View, size: Size, x: Scale, y: Scale) {
  const drawBox = expandBox(view, 0.05);
  // Points closer than about half a pixel to the last one drawn add nothing visible.
  const tolerance = { x: (0.5 * (view.x[1] - view.x[0])) / size.width, y: (0.5 * (view.y[1] - view.y[0])) / size.height };
  const svg = d3.create("svg").attr("width", size.width).attr("height", size.height).attr("viewBox", `0 0 ${size.width} ${size.height}`);
  svg.attr("aria-hidden", "true").style("position", "absolute").style("inset", "0").style("width", "100%").style("height", "auto").style("overflow", "hidden");
  // Paths are clipped to the plotting frame, as Plot's own marks would be.
  const [left, right] = [x(view.x[0]), x(view.x[1])];
  const [bottom, top] = [y(view.y[0]), y(view.y[1])];
  const clipId = `downhill-map-clip-${++nextClipId}`;
  svg.append("clipPath").attr("id", clipId).append("rect").attr("x", left).attr("y", top).attr("width", right - left).attr("height", bottom - top);
  const frame = svg.append("g").attr("clip-path", `url(#${clipId})`);
  const line = d3.line<DrawPoint>((p) => x(p.x), (p) => y(p.y));
  for (const { trace, label, color } of series) {
    // A 1-D run is drawn on the curve: its points are (x, f(x)).
    const path = dim === 1 ? trace.path.slice(0, t + 1).map(([px]) => [px, f(px, 0)]) : trace.path.slice(0, t + 1);
    const drawable = drawablePath(path, drawBox);
    if (drawable.length === 0) continue;
    const points = thinPath(drawable, tolerance);
    const current = drawable[drawable.length - 1];
    frame.append("path").attr("d", line(points)).attr("fill", "none").attr("stroke", "white").attr("stroke-width", 4).attr("stroke-opacity", 0.7);
    frame.append("path").attr("d", line(points)).attr("fill", "none").attr("stroke", color).attr("stroke-width", 2);
    if (drawable.length <= 150) {
      frame.append("g").attr("fill", color).selectAll("circle").data(drawable).join("circle").attr("cx", (p) => x(p.x)).attr("cy", (p) => y(p.y)).attr("r", 2);
    }
    frame.append("circle").attr("cx", x(current.x)).attr("cy", y(current.y)).attr("r", 5).attr("fill", color).attr("stroke", "white").attr("stroke-width", 1.5);
    if (trace.stop.reason === "diverged" && t >= trace.stop.step) {
      frame.append("text").attr("x", x(current.x)).attr("y", y(current.y) - 12).attr("text-anchor", "middle").attr("font", "12px sans-serif")
        .attr("fill", color).attr("stroke", "white").attr("stroke-width", 3).attr("paint-order", "stroke").text(`${label} diverged`);
    }
  }
  const [sx, sy] = dim === 1 ? [start[0], f(start[0], 0)] : [start[0], start[1]];
  if (Number.isFinite(sx) && Number.isFinite(sy)) {
    frame.append("circle").attr("cx", x(sx)).attr("cy", y(sy)).attr("r", 7).attr("fill", "white").attr("fill-opacity", 0.6).attr("stroke", "black").attr("stroke-width", 2.5);
  }
  return svg.node()!;
}
