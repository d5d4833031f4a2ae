// The playground's map: the loss function's contours (or its curve, for a function of x alone) drawn
// once per function and view, with the runs' paths up to the time cursor on a light layer above it, so
// playing and scrubbing redraw only the paths. Clicking the map, or the arrow keys, moves the start.
import * as Plot from "@observablehq/plot";
import { ContourPlot } from "../ContourPlot.js";
import { drawablePath, expandBox, type DrawPoint } from "../points.js";
import type { Series } from "../series.js";
import type { View } from "./state.js";

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

export function PlaygroundMap({ f, dim, view, label, width, onPick }: PlaygroundMapOptions): PlaygroundMapElement {
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
    overlay.replaceChildren(pathsLayer(series, t, nextStart, f, dim, view, size));
  };
  return root;
}

function curvePlot(f: (x: number, y: number) => number, view: View, label: string, size: object) {
  const samples = Array.from({ length: 401 }, (_, i) => {
    const x = view.x[0] + (i / 400) * (view.x[1] - view.x[0]);
    return { x, y: f(x, 0) };
  }).filter((p) => Number.isFinite(p.y));
  return Plot.plot({
    ...size,
    ariaLabel: `Curve of ${label}`,
    x: { domain: view.x, label: "x" },
    y: { domain: view.y, label: "f(x)", grid: true },
    marks: [Plot.frame({ strokeOpacity: 0.3 }), Plot.line(samples, { x: "x", y: "y", clip: "frame", strokeWidth: 2 })],
  });
}

/** The paths up to step t: line, current point, start ring, and an × where a run diverged before t. */
function pathsLayer(series: readonly Series[], t: number, start: readonly number[], f: PlaygroundMapOptions["f"], dim: 1 | 2, view: View, size: object) {
  const drawBox = expandBox(view, 0.05);
  const marks: Plot.Markish[] = [];
  const xy = { x: "x", y: "y", clip: "frame" } as const;
  for (const { trace, label, color } of series) {
    // A 1-D run is drawn on the curve: its points are (x, f(x)).
    const path = dim === 1 ? trace.path.slice(0, t + 1).map(([x]) => [x, f(x, 0)]) : trace.path.slice(0, t + 1);
    const points: DrawPoint[] = drawablePath(path, drawBox);
    if (points.length === 0) continue;
    const current = points[points.length - 1];
    marks.push(
      Plot.line(points, { ...xy, stroke: "white", strokeWidth: 4, strokeOpacity: 0.7 }),
      Plot.line(points, { ...xy, stroke: color, strokeWidth: 2 }),
      points.length <= 150 ? Plot.dot(points, { ...xy, r: 2, fill: color }) : null,
      Plot.dot([current], { ...xy, r: 5, fill: color, stroke: "white", strokeWidth: 1.5 }),
      trace.stop.reason === "diverged" && t >= trace.stop.step
        ? Plot.text([current], { ...xy, text: () => `${label} diverged`, dy: -12, fill: color, stroke: "white", strokeWidth: 3, paintOrder: "stroke" })
        : null,
    );
  }
  const startPoint = dim === 1 ? { x: start[0], y: f(start[0], 0) } : { x: start[0], y: start[1] };
  marks.push(Plot.dot([startPoint], { x: "x", y: "y", r: 7, stroke: "black", strokeWidth: 2.5, fill: "white", fillOpacity: 0.6, clip: "frame" }));
  const layer = Plot.plot({
    ...size,
    style: { background: "transparent", overflow: "visible" },
    x: { domain: view.x, axis: null },
    y: { domain: view.y, axis: null },
    marks,
  });
  layer.setAttribute("aria-hidden", "true"); // the map's own label describes the runs
  return layer;
}
