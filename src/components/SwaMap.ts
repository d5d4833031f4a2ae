// A contour map for the SWA recipe: the whole run drawn faintly, the cached points numbered, and three points
// compared on the page (plain descent's end, the recipe's last point and the average) marked boldly.
//
// A layered figure (./layers.ts): the contours in the base, drawn once, the run and points in the overlay. The test
// loss is the training loss moved by (δx, δy), f(x − δx, y − δy), so its contours are the training contours moved by
// (δx, δy): the test map is the training map's base with its contours translated, and a new shift changes one
// transform instead of re-contouring. The base therefore holds the training contours over the view grown on every
// side by the largest shift (`maxShift`), clipped to the frame.
import * as Plot from "@observablehq/plot";
import type { Trace } from "../../lib/types.js";
import { drawablePath, expandBox, type Box } from "./points.js";
import { cachedGrid, cachedLevels, sampleGrid, type Surface } from "./contourGrid.js";
import { isLayeredFigure, layerMargins, overlayPlot, stackLayers, type FigureSlotElement, type LayeredFigure } from "./layers.js";
import { minFigureWidth, plot } from "./plot.js";
import { clipToFrame, element as svgElement, overlayMark } from "./svgMarks.js";
import { formatPoint } from "./format.js";
import { contourBands } from "./ContourPlot.js";
import { contourSummary } from "./summaries.js";

export interface SwaMapOptions {
  domain: Box;
  trace: Trace;
  /** The cached points; the first is plain descent's end. */
  cached: readonly (readonly number[])[];
  average: readonly number[];
  /** What the map shows, e.g. "training loss". */
  title: string;
  width?: number;
  /** Draw the surface moved by this much, f(x − δx, y − δy) (the test loss); the points stay where they are. */
  shift?: readonly [number, number];
  /** The largest shift the page offers: the base holds contours that far past the view (larger shifts draw a new base). */
  maxShift?: number;
}

/** Colours of the three compared points, shared with SwaLossBars. */
export const swaColors = { descent: "#c2255c", last: "#5f3dc4", average: "#e8590c" } as const;

export type SwaMapFigure = LayeredFigure & {
  /** The translation, in the base's pixels, that moves the contours by the figure's shift. */
  shiftTransform: string;
};

const levelCount = 20;
const resolution = 120;
let surfaces = 0;
const surfaceIds = new WeakMap<object, number>();
const templates = new Map<string, { element: Element; levels: number; log: boolean; perUnit: [number, number] }>();

/** The figure's size, as ContourPlot's layers: equal units on both axes. */
function geometry(box: Box, width: number) {
  const w = Math.max(minFigureWidth, width);
  const height = Math.round(((w - 60) * (box.y[1] - box.y[0])) / (box.x[1] - box.x[0]) + 50);
  return { ...layerMargins, width: w, height, x: { domain: [...box.x], label: "x" }, y: { domain: [...box.y], label: "y" } };
}

/** The contours of `surface` over `box` and `reach` past it on every side, clipped to the frame; drawn once per key. */
function baseTemplate(surface: Surface, box: Box, width: number, reach: number) {
  let id = surfaceIds.get(surface.f);
  if (id === undefined) surfaceIds.set(surface.f, (id = ++surfaces));
  const key = `swa map ${id} ${box.x} ${box.y} ${width} ${reach}`;
  let template = templates.get(key);
  if (!template) {
    // The levels and colours are the view's own, as on any contour map; the grid past the view only extends them.
    const grid = cachedGrid(surface.f, box, resolution, resolution);
    const levels = cachedLevels(grid, { count: levelCount });
    const bottom = Math.min(grid.min - levels.offset, levels.thresholds[0] ?? Infinity);
    const far: Box = { x: [box.x[0] - reach, box.x[1] + reach], y: [box.y[0] - reach, box.y[1] + reach] };
    const scale = (far.x[1] - far.x[0]) / (box.x[1] - box.x[0]);
    const wide = sampleGrid(surface.f, far, Math.round(resolution * scale), Math.round(resolution * scale));
    // Values below the view's lowest band (possible only past the view) are drawn in that band.
    const values = wide.values.map((v) => Math.max(bottom, v - levels.offset));
    let perUnit: [number, number] = [0, 0];
    const element = plot({
      ...geometry(box, width),
      color: levels.log ? { type: "log", scheme: "ylgnbu", reverse: true } : { type: "linear", scheme: "ylgnbu", reverse: true },
      marks: [
        // The contours in a group that a transform moves, inside a frame-sized SVG that clips them.
        contourBands(values, wide, far, [bottom, ...levels.thresholds], (index, scales, values, dimensions, context, next) => {
          const contours = next!(index, scales, values, dimensions, context)!;
          const [x, y] = [scales.x!, scales.y!] as ((v: number) => number)[];
          perUnit = [x(1) - x(0), y(1) - y(0)];
          const frame = clipToFrame(context.document, dimensions);
          const moved = svgElement(context.document, "g", { class: "swa-shifted" });
          moved.append(contours);
          frame.append(moved);
          return frame;
        }),
        Plot.frame({ stroke: "currentColor", strokeOpacity: 0.3 }),
      ],
    });
    element.removeAttribute("aria-label");
    element.removeAttribute("aria-description");
    element.setAttribute("aria-hidden", "true");
    template = { element, levels: levels.thresholds.length, log: levels.log, perUnit };
    if (templates.size >= 16) templates.delete(templates.keys().next().value!);
    templates.set(key, template);
  }
  return { key, ...template };
}

/** The map as two stacked layers: the contours (drawn once, moved by the shift) under the run and its points (redrawn). */
export function SwaMap(surface: Surface, options: SwaMapOptions): SwaMapFigure {
  return buildMap(surface, options, () => true);
}

/**
 * Shows the map in a FigureSlot. The slot keeps the contours it shows when the new map has the same base: then the
 * base is not even copied (a copy of a contour map is most of the cost of a new figure), and the contours kept are
 * moved to the new map's shift here.
 */
export function showSwaMap(slot: FigureSlotElement, surface: Surface, options: SwaMapOptions): void {
  const shown = slot.firstElementChild;
  const figure = buildMap(surface, options, (key) => !(isLayeredFigure(shown) && shown.baseKey === key), shown);
  if (figure) slot.show(() => figure);
  const transform = shiftTransform(baseTemplate(surface, options.domain, options.width ?? 640, reachOf(options)).perUnit, options.shift);
  for (const g of slot.querySelectorAll("g.swa-shifted")) if (g.getAttribute("transform") !== transform) g.setAttribute("transform", transform);
}

type PlotFigure = LayeredFigure["overlay"];
let objects = 0;
const objectIds = new WeakMap<object, number>();
const idOf = (o: object) => objectIds.get(o) ?? (objectIds.set(o, ++objects), objects);
/** What each overlay drawn shows (the run, its points and the view), so an overlay can be kept or copied. */
const drawnContent = new WeakMap<Element, string>();
let recentOverlay: { content: string; overlay: PlotFigure } | undefined;

/** Whole halves past the view: a shift beyond the page's largest draws a base that reaches further. */
function reachOf({ shift = [0, 0], maxShift = 0 }: SwaMapOptions): number {
  return Math.ceil(Math.max(maxShift, Math.abs(shift[0]), Math.abs(shift[1])) * 2) / 2;
}

function shiftTransform(perUnit: readonly [number, number], shift: readonly [number, number] = [0, 0]): string {
  const px = (v: number) => Math.round(v * 100) / 100;
  return `translate(${px(shift[0] * perUnit[0])},${px(shift[1] * perUnit[1])})`;
}

/**
 * The map, or nothing when `shown` (a map in the slot it goes to) already shows the same base and the same run and
 * points: then only its accessible text is brought up to date (the shift moves its contours, in showSwaMap). The
 * test map shows what the training map shows over other contours: its overlay is a copy of the one drawn last.
 */
function buildMap(surface: Surface, options: SwaMapOptions, needsBase: (key: string) => boolean): SwaMapFigure;
function buildMap(surface: Surface, options: SwaMapOptions, needsBase: (key: string) => boolean, shown: Element | null): SwaMapFigure | undefined;
function buildMap(surface: Surface, options: SwaMapOptions, needsBase: (key: string) => boolean, shown?: Element | null): SwaMapFigure | undefined {
  const { domain, trace, cached, average, title, width = 640, shift = [0, 0] } = options;
  const base = baseTemplate(surface, domain, width, reachOf(options));
  // Points are drawn where they lie in the view, and left out elsewhere (a clip path costs more to lay out than the
  // whole overlay without one).
  const inView = (p: { x: number; y: number }) => p.x >= domain.x[0] && p.x <= domain.x[1] && p.y >= domain.y[0] && p.y <= domain.y[1];
  const cycleEnds = cached.slice(1).map((p, i) => ({ x: p[0], y: p[1], n: String(i + 1) }));
  const [descent, last] = [cached[0], cached[cached.length - 1]];
  const labelled = [
    { x: descent[0], y: descent[1], text: "descent", color: swaColors.descent },
    { x: last[0], y: last[1], text: "last", color: swaColors.last },
    { x: average[0], y: average[1], text: "average", color: swaColors.average },
  ];
  const moved = shift[0] !== 0 || shift[1] !== 0;
  const ariaLabel = `Contour map of the ${title} with the SWA recipe's cached points and their average`;
  const ariaDescription =
    contourSummary({ title, box: domain, levels: base.levels, logLevels: base.log, minima: [], series: [], leftView: [] }) +
    (moved ? ` It is the training loss moved by ${formatPoint(shift)}: the same contours, shifted.` : "") +
    ` The recipe's run is drawn faintly. Plain descent ended at ${formatPoint(descent)}; the recipe cached ${cycleEnds.length} more points, the last at ${formatPoint(last)}; their average is ${formatPoint(average)}.`;
  const content = `${idOf(trace)} ${idOf(cached)} ${idOf(average)} ${width} ${domain.x} ${domain.y}`;
  const describe = (overlay: Element) => {
    if (overlay.getAttribute("aria-label") !== ariaLabel) overlay.setAttribute("aria-label", ariaLabel);
    if (overlay.getAttribute("aria-description") !== ariaDescription) overlay.setAttribute("aria-description", ariaDescription);
    return overlay;
  };
  if (isLayeredFigure(shown) && shown.baseKey === base.key && drawnContent.get(shown.overlay) === content) {
    describe(shown.overlay);
    return undefined;
  }
  let overlay: PlotFigure;
  if (recentOverlay?.content === content) {
    overlay = describe(recentOverlay.overlay.cloneNode(true) as Element) as PlotFigure;
    overlay.scale = recentOverlay.overlay.scale;
  } else {
    overlay = drawOverlay();
    recentOverlay = { content, overlay };
  }
  drawnContent.set(overlay, content);
  // A figure whose base the slot will not use gets an empty stand-in.
  const element = needsBase(base.key) ? (base.element.cloneNode(true) as Element) : document.createElementNS("http://www.w3.org/2000/svg", "svg");
  const transform = shiftTransform(base.perUnit, shift);
  element.querySelector("g.swa-shifted")?.setAttribute("transform", transform);
  return Object.assign(stackLayers(element, overlay, base.key, width), { shiftTransform: transform });

  function drawOverlay(): PlotFigure {
    // The run is context here, drawn thin so the cached points stay readable; its long jumps after a raise run off the frame.
    const path = drawablePath(trace.path, expandBox(domain, 0.05));
    // Plot's scales and an empty figure are made once per geometry (overlayPlot); only the mark draws on each call.
    return overlayPlot({ ...geometry(domain, width), axis: null, ariaLabel, ariaDescription }, [
      overlayMark((d, g) => {
        d.lines([{ xs: path.map((p) => p.x), ys: path.map((p) => p.y) }], { stroke: "#343a40", strokeOpacity: 0.45, strokeWidth: 0.8, clip: true }, g);
        for (const p of cycleEnds.filter(inView)) {
          const [cx, cy] = [d.x(p.x), d.y(p.y)];
          d.el("circle", { cx, cy, r: 7, fill: "white", stroke: "black" }, g);
          d.el("text", { x: cx, y: cy, dy: "0.32em", "font-size": 9 }, g, p.n);
        }
        const diamond = d.symbol("diamond2", 8);
        for (const p of labelled.filter(inView)) {
          const [cx, cy] = [d.x(p.x), d.y(p.y)];
          d.el("path", { d: diamond, transform: `translate(${cx},${cy})`, fill: "white", stroke: p.color, "stroke-width": 2.5 }, g);
        }
        for (const p of labelled.filter(inView)) {
          d.el("text", { x: d.x(p.x), y: d.y(p.y) - 15, dy: "0.32em", fill: p.color, "font-weight": "bold", stroke: "white", "stroke-width": 3, "paint-order": "stroke" }, g, p.text);
        }
      }),
    ]);
  }
}

