// A 2-D point input drawn as a figure, in the style of Framework's Range2D example: an element with a
// `value` ([x, y]) that fires `input` events, so a page writes `const start = view(DraggableContour(…))`.
// The figure is redrawn inside the element as the point moves (at most once per frame), so whatever it
// draws from the point — a trajectory re-run from it, a gradient arrow at it — follows the pointer live.
// Mouse, touch and pen through pointer events; keyboard through the arrow keys (Shift for larger steps,
// Home to go back to the first value).
import type * as Plot from "@observablehq/plot";
import type { Trace } from "../../lib/types.js";
import { ContourPlot, type ContourPlotOptions } from "./ContourPlot.js";
import type { Surface } from "./contourGrid.js";
import { formatPoint } from "./format.js";
import { clamp } from "./points.js";
import type { TraceInput } from "./series.js";

export type Point2 = [number, number];
type Figure = ReturnType<typeof Plot.plot>;
export type PointInput = HTMLDivElement & { value: Point2 };

export interface StartPointOptions {
  /** The first value. */
  value: Point2;
  /** What the point is, for its accessible name ("Start point"). */
  label?: string;
  /** One arrow-key press moves the point by this fraction of the view (default 1/40; Shift: 5 times more). */
  keyboardStep?: number;
  /** The figure's largest width in pixels; it otherwise fills its container. */
  maxWidth?: number;
  /** Called on each new value before the figure is redrawn (after a release or key press, not mid-drag). */
  onSettle?: (value: Point2) => void;
  /**
   * A slow, point-independent figure of the same size drawn once per width under the figure `render`
   * returns (which then must be transparent and share its scales and margins): e.g. contours.
   */
  background?: (width: number) => Element;
}

/**
 * `render(value, width)` returns a Plot figure with continuous x and y scales; the point lives in their
 * domain. Clicking or touching the figure moves the point there, dragging moves it continuously.
 */
export function StartPoint(render: (value: Point2, width: number) => Figure, options: StartPointOptions): PointInput {
  const { value, label = "Start point", keyboardStep = 1 / 40, maxWidth = 640, onSettle, background } = options;
  const initial: Point2 = [value[0], value[1]];
  let current: Point2 = [...initial];
  let width = maxWidth;
  let figure: Figure | undefined;

  const root = document.createElement("div") as unknown as PointInput;
  root.className = "downhill-point-input";
  root.tabIndex = 0;
  root.setAttribute("role", "group");
  root.setAttribute("aria-roledescription", "draggable point");
  root.setAttribute("aria-label", `${label}: click or drag on the map, or focus it and use the arrow keys`);
  root.style.cssText = `position:relative;max-width:${maxWidth}px;touch-action:none;cursor:crosshair;border-radius:4px;user-select:none;`;
  const style = document.createElement("style");
  style.textContent = ".downhill-point-input:focus-visible{outline:3px solid var(--theme-foreground-focus, #3b5bdb);outline-offset:2px}";
  // Announced to screen readers as the point moves.
  const status = document.createElement("div");
  status.setAttribute("aria-live", "polite");
  status.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;";
  const stage = document.createElement("div");
  stage.style.cssText = "position:relative;";
  root.append(stage, style, status);

  let under: { element: Element; width: number } | undefined;
  const draw = () => {
    if (background && under?.width !== width) {
      const element = background(width);
      element.setAttribute("aria-hidden", "true"); // the figure on top carries the name and summary
      if (under) under.element.replaceWith(element);
      else stage.prepend(element);
      under = { element, width };
    }
    const next = render(current, width);
    if (background) next.style.cssText += ";position:absolute;left:0;top:0;width:100%;height:auto;";
    if (figure) figure.replaceWith(next);
    else stage.append(next);
    figure = next;
    status.textContent = `${label} at ${formatPoint(current)}`;
  };

  const domains = (): [number[], number[]] | undefined => {
    const [x, y] = [figure?.scale("x")?.domain, figure?.scale("y")?.domain];
    return x && y ? [Array.from(x, Number), Array.from(y, Number)] : undefined;
  };
  const inView = (p: Point2): Point2 => {
    const d = domains();
    if (!d) return p;
    const [[x0, x1], [y0, y1]] = d;
    return [clamp(p[0], Math.min(x0, x1), Math.max(x0, x1)), clamp(p[1], Math.min(y0, y1), Math.max(y0, y1))];
  };

  const commit = (p: Point2, eventType: "input" | "change" = "input") => {
    current = inView(p);
    draw();
    root.dispatchEvent(new Event(eventType, { bubbles: true }));
  };

  // Pointer positions to data: through the figure's own scales, corrected for CSS scaling of the SVG.
  const toData = (event: PointerEvent): Point2 | undefined => {
    const svg = figure instanceof SVGSVGElement ? figure : figure?.querySelector("svg");
    const x = figure?.scale("x");
    const y = figure?.scale("y");
    if (!svg || !x?.invert || !y?.invert) return undefined;
    const rect = svg.getBoundingClientRect();
    if (!(rect.width > 0 && rect.height > 0)) return undefined;
    const box = svg.viewBox.baseVal;
    const sx = (box && box.width ? box.width : svg.width.baseVal.value) / rect.width;
    const sy = (box && box.height ? box.height : svg.height.baseVal.value) / rect.height;
    return [Number(x.invert((event.clientX - rect.left) * sx)), Number(y.invert((event.clientY - rect.top) * sy))];
  };

  let dragging = false;
  let pending: Point2 | undefined;
  let frame = 0;
  const schedule = (p: Point2) => {
    pending = p;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (pending) commit(pending);
      pending = undefined;
    });
  };
  const flush = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    const p = pending ?? current;
    pending = undefined;
    settle(p);
  };
  const settle = (p: Point2) => {
    onSettle?.(inView(p));
    commit(p, "input");
    root.dispatchEvent(new Event("change", { bubbles: true }));
  };

  root.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    const p = toData(event);
    if (!p) return;
    dragging = true;
    root.setPointerCapture?.(event.pointerId);
    root.focus({ preventScroll: true });
    event.preventDefault();
    schedule(p);
  });
  root.addEventListener("pointermove", (event) => {
    if (!dragging) return;
    const p = toData(event);
    if (p) schedule(p);
  });
  const release = () => {
    if (!dragging) return;
    dragging = false;
    flush();
  };
  root.addEventListener("pointerup", release);
  root.addEventListener("pointercancel", release);
  root.addEventListener("lostpointercapture", release);

  root.addEventListener("keydown", (event) => {
    const moves: Record<string, Point2> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const move = moves[event.key];
    if (!move && event.key !== "Home") return;
    event.preventDefault();
    if (event.key === "Home") return settle(initial);
    const d = domains();
    const span = d ? [Math.abs(d[0][1] - d[0][0]), Math.abs(d[1][1] - d[1][0])] : [1, 1];
    const k = keyboardStep * (event.shiftKey ? 5 : 1);
    settle([current[0] + move[0] * span[0] * k, current[1] + move[1] * span[1] * k]);
  });

  Object.defineProperty(root, "value", {
    get: () => current,
    set: (v: Point2) => {
      current = [v[0], v[1]];
      draw();
    },
    enumerable: true,
  });

  // Fill the container's width; redraw only when it changes. The first drawing waits for the first
  // measurement, so a narrow screen does not pay for a full-width figure first.
  if (typeof ResizeObserver !== "undefined") {
    let measured = false;
    new ResizeObserver(([entry]) => {
      const w = Math.floor(Math.min(entry.contentRect.width, maxWidth));
      if (w > 0 && (w !== width || !measured)) {
        measured = true;
        width = w;
        draw();
      }
    }).observe(root);
  } else {
    draw();
  }
  return root;
}

export interface DraggableContourOptions extends Omit<ContourPlotOptions, "start" | "trajectories" | "width" | "marks"> {
  /** The first start point. */
  value: Point2;
  /** Runs to draw from a start point: called on every move, so keep it to a few hundred steps. */
  run?: (start: Point2) => TraceInput | readonly TraceInput[] | undefined;
  /** Extra marks that depend on the point (e.g. gradientProbeMarks at it). */
  overlay?: (point: Point2) => Plot.Markish[];
  /** A sentence for the text summary saying what `overlay` shows at the point. */
  describe?: (point: Point2) => string;
  label?: string;
  keyboardStep?: number;
  maxWidth?: number;
  /**
   * Replay each run one step at a time, this many milliseconds per step, after every click, release or
   * key press (during a drag the whole path follows the pointer).
   */
  animate?: number;
  /**
   * Inputs that `run` or `overlay` read directly (e.g. `etaInput.value`): the map redraws on their `input`
   * events instead of being rebuilt, so the dragged point survives a slider move.
   */
  redrawOn?: readonly EventTarget[];
}

/** A contour map that is itself the start-point input: drag the ring and the runs re-run from it. */
export function DraggableContour(surface: Surface, options: DraggableContourOptions): PointInput {
  const { value, run, overlay, describe, label, keyboardStep, maxWidth, animate, redrawOn = [], ...contourOptions } = options;
  let shown = Infinity; // steps revealed while animating
  let cache: { start: Point2; runs: ReturnType<NonNullable<typeof run>> } | undefined;
  const runsFrom = (start: Point2) => {
    if (!cache || cache.start[0] !== start[0] || cache.start[1] !== start[1]) cache = { start, runs: run?.(start) };
    return cache.runs;
  };
  // Two stacked layers: the contours once per width, the runs and the handle on every move.
  const background = (width: number) => ContourPlot(surface, { ...contourOptions, width, layer: "base" });
  const render = (start: Point2, width: number) =>
    ContourPlot(surface, {
      ...contourOptions,
      width,
      start,
      handle: true,
      trajectories: reveal(runsFrom(start), shown),
      marks: overlay?.(start) ?? [],
      summaryNote: describe?.(start),
      layer: "overlay",
    });

  let started = 0;
  let animation = 0;
  const play = () => {
    if (!animate) return;
    cancelAnimationFrame(animation);
    started = performance.now();
    shown = 0;
    const tick = (now: number) => {
      const total = longest(runsFrom(input.value));
      shown = Math.floor((now - started) / animate);
      // Stop once everything is shown, or once the page has dropped this figure.
      if (shown >= total || (!input.isConnected && now - started > 1000)) {
        shown = Infinity;
        input.value = input.value;
        return;
      }
      input.value = input.value;
      animation = requestAnimationFrame(tick);
    };
    animation = requestAnimationFrame(tick);
  };
  const input = StartPoint(render, { value, label, keyboardStep, maxWidth, background, onSettle: animate ? () => play() : undefined });
  input.addEventListener("pointerdown", () => {
    if (animate) {
      cancelAnimationFrame(animation);
      shown = Infinity;
    }
  });
  for (const target of redrawOn) {
    const redraw = () => {
      // A map the page has dropped stops listening.
      if (!input.isConnected) return target.removeEventListener("input", redraw);
      cache = undefined;
      input.value = input.value;
    };
    target.addEventListener("input", redraw);
  }
  if (animate) play();
  return input;
}

/** The runs cut to their first `steps` steps (all of them when steps is Infinity). */
function reveal(runs: TraceInput | readonly TraceInput[] | undefined, steps: number): TraceInput | readonly TraceInput[] | undefined {
  if (runs === undefined || steps === Infinity) return runs;
  const list: readonly TraceInput[] = Array.isArray(runs) ? runs : [runs as TraceInput];
  return list.map((item) => ("path" in item ? firstSteps(item, steps) : { ...item, trace: firstSteps(item.trace, steps) }));
}

/** A trace's first `steps` steps; its stop is kept only once the whole run is shown. */
export function firstSteps(trace: Trace, steps: number): Trace {
  const taken = trace.path.length - 1;
  if (steps >= taken) return trace;
  const n = Math.max(0, steps);
  return {
    ...trace,
    path: trace.path.slice(0, n + 1),
    loss: trace.loss.slice(0, n + 1),
    lr: trace.lr.slice(0, n),
    gradNorm: trace.gradNorm.slice(0, n),
    stop: { reason: "maxSteps", step: n, message: "" },
  };
}

function longest(runs: TraceInput | readonly TraceInput[] | undefined): number {
  if (runs === undefined) return 0;
  const list: readonly TraceInput[] = Array.isArray(runs) ? runs : [runs as TraceInput];
  return Math.max(0, ...list.map((item) => ("path" in item ? item : item.trace).path.length - 1));
}
