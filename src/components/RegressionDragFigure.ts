// A figure with one point the reader moves by dragging, tapping or the arrow keys; an input with a `value` {x, y}
// that fires `input`, so Framework's view() can read it (the model is Framework's Range2D example).
// The figure redraws itself while the point moves: the page cell that made it does not re-run mid-drag. It shows the
// charts in a FigureSlot, so a layered chart (./layers.ts) whose axes stay swaps in its overlay only; and a page
// redraws it for a new setting of its own (a degree) with redraw(), without making a new input.
import { FigureSlot } from "./layers.js";
import type { Sample } from "./RegressionScatter.js";
import { formatNumber } from "./format.js";

export interface RegressionDragOptions {
  /** The point; updated in place, so a figure re-created (new width, new degree) resumes where the reader left it. */
  point: Sample;
  xDomain: [number, number];
  yDomain: [number, number];
  /** Draws the chart for a point position: a Plot chart or a layered figure (with .scale() either way). */
  render(point: Sample): SVGSVGElement | HTMLElement;
  /** What the point is, for screen readers: "the extra week". */
  name: string;
  xLabel: string;
  yLabel: string;
}

type PlotChart = (SVGSVGElement | HTMLElement) & { scale(name: "x" | "y"): { invert(v: number): number } };

export type RegressionDragElement = HTMLDivElement & {
  value: Sample;
  /** Draws the chart again at the same point, for a change the figure does not know of; it fires no `input`. */
  redraw(): void;
};

export function RegressionDragFigure({ point, xDomain, yDomain, render, name, xLabel, yLabel }: RegressionDragOptions): RegressionDragElement {
  const root = document.createElement("div");
  root.tabIndex = 0;
  root.setAttribute("role", "application");
  root.setAttribute("aria-roledescription", "draggable point");
  root.style.cssText = "touch-action:pan-y;cursor:crosshair;outline-offset:2px;";
  const slot = FigureSlot();
  root.append(slot);
  let chart = render(point) as PlotChart;
  slot.show(() => chart);
  const redraw = () => {
    chart = render(point) as PlotChart;
    slot.show(() => chart);
  };

  const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));
  const describe = () =>
    root.setAttribute("aria-label", `${name}: ${xLabel} ${formatNumber(point.x)}, ${yLabel} ${formatNumber(point.y)}. Arrow keys move it; Shift moves it further.`);
  const update = (x: number, y: number) => {
    point.x = clamp(x, xDomain);
    point.y = clamp(y, yDomain);
    redraw();
    describe();
    root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const moveTo = (event: PointerEvent) => {
    // The chart shown: its first SVG is the one that takes the pointer (a layered figure's overlay), and a chart
    // whose overlay was swapped into the one already shown is no longer in the page itself.
    const svg = root.querySelector("svg");
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const ratio = box.width / (svg.width.baseVal.value || box.width); // CSS may shrink the SVG
    update(chart.scale("x").invert((event.clientX - box.left) / ratio), chart.scale("y").invert((event.clientY - box.top) / ratio));
  };
  root.addEventListener("pointerdown", (event) => {
    root.setPointerCapture(event.pointerId);
    moveTo(event);
  });
  root.addEventListener("pointermove", (event) => {
    if (root.hasPointerCapture(event.pointerId)) moveTo(event);
  });
  root.addEventListener("keydown", (event) => {
    const factor = event.shiftKey ? 0.1 : 0.02;
    const dx = (xDomain[1] - xDomain[0]) * factor;
    const dy = (yDomain[1] - yDomain[0]) * factor;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    update(point.x + move[0], point.y + move[1]);
  });
  describe();
  Object.defineProperty(root, "value", { get: () => ({ ...point }), set: (p: Sample) => update(p.x, p.y), enumerable: true });
  return Object.assign(root, { redraw }) as RegressionDragElement;
}
