// Arrows drawn over a finished Plot figure in its own data coordinates: the velocity a momentum method carries
// out of each point. Plot's ContourPlot takes no extra marks, so the arrows are added with the figure's scales.
import * as d3 from "d3";
import type { Trace } from "../lib/types.js";

export interface Arrow {
  x: number;
  y: number;
  dx: number;
  dy: number;
}

/**
 * The velocity after each step, drawn from the point that step reached: with heavy-ball momentum this is
 * where inertia alone would carry the next step. Reads `state.velocity` (recordState) of a 2-D run.
 */
export function velocityArrows(trace: Trace): Arrow[] {
  const recorded = trace.state?.velocity ?? [];
  const steps = trace.path.length - 1;
  // lib's momentum names both its buffer (v) and its inspected displacement (−ηv) "velocity", so the record
  // interleaves them, buffer first; keep the displacements.
  const velocity = recorded.length === 2 * steps ? recorded.filter((_, i) => i % 2 === 1) : recorded.slice(0, steps);
  return velocity.map((v, k) => ({ x: trace.path[k + 1][0], y: trace.path[k + 1][1], dx: v[0], dy: v[1] }));
}

type Figure = (SVGSVGElement | HTMLElement) & { scale(name: "x" | "y"): { apply(v: number): number } };

/** Appends the arrows (plain segments with `heads: false`) to `figure`, a Plot output with x and y scales; returns it. */
export function addArrows<T extends Element>(figure: T, arrows: readonly Arrow[], { color = "black", heads = true } = {}): T {
  const plot = figure as unknown as Figure;
  const svg = figure instanceof SVGSVGElement ? figure : figure.querySelector("svg");
  if (!svg || typeof plot.scale !== "function") return figure;
  const sx = plot.scale("x");
  const sy = plot.scale("y");
  const frame = svg.getAttribute("viewBox")?.split(" ").map(Number) ?? [0, 0, 0, 0];
  const inside = (px: number, py: number) => px >= frame[0] && py >= frame[1] && px <= frame[0] + frame[2] && py <= frame[1] + frame[3];
  // One path for all the arrows: a figure redrawn on every slider move gains nothing from a hundred elements.
  let d = "";
  for (const { x, y, dx, dy } of arrows) {
    const [x1, y1, x2, y2] = [sx.apply(x), sy.apply(y), sx.apply(x + dx), sy.apply(y + dy)];
    if (![x1, y1, x2, y2].every(Number.isFinite) || !inside(x1, y1) || Math.hypot(x2 - x1, y2 - y1) < 1) continue;
    const angle = Math.atan2(y2 - y1, x2 - x1);
    const head = heads ? Math.min(6, Math.hypot(x2 - x1, y2 - y1) / 2) : 0;
    const wing = (a: number) => `${x2 - head * Math.cos(angle + a)},${y2 - head * Math.sin(angle + a)}`;
    d += `M${x1},${y1}L${x2},${y2}` + (heads ? `M${wing(0.5)}L${x2},${y2}L${wing(-0.5)}` : "");
  }
  const g = d3.select(svg).append("g").attr("class", "downhill-arrows").attr("aria-hidden", "true").attr("stroke", color).attr("fill", "none").attr("stroke-width", 1.5);
  if (d) g.append("path").attr("d", d);
  return figure;
}
