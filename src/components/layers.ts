// A figure as two stacked Plot SVGs of identical geometry: a base (axes, grid, contours: what stays while a slider
// moves) and an overlay (the runs, and an axis whose domain follows them: what moves). Plot spends most of a small
// chart's time on its axes (about 3 ms of 4), so a chart that redraws only its overlay redraws in a fraction of that;
// a FigureSlot on the page keeps the base it already shows when a new figure has the same one, and swaps only the
// overlay.
import type * as Plot from "@observablehq/plot";
import { legend, plot } from "./plot.js";
import { observeNear, whenNear } from "./nearViewport.js";
import { axisMark } from "./svgMarks.js";

type PlotFigure = ReturnType<typeof Plot.plot>;

export type LayeredFigure = HTMLDivElement & {
  /** The runs' layer, on top: it carries the figure's name and text summary, and takes the pointer. */
  overlay: PlotFigure;
  /** The layer below, hidden from assistive technology (the overlay describes the whole figure). */
  base: Element;
  /** Equal for two figures whose base layers are identical. */
  baseKey: string;
  /** The colour legend above the layers, if any. */
  legend: Element | null;
  /** Equal for two figures whose legends are identical. */
  legendKey: string;
  /** The figure's scales, as on a Plot figure. */
  scale: PlotFigure["scale"];
};

/** Plot's default margins with axes, fixed so that a base and an overlay line up exactly. */
export const layerMargins = { marginTop: 20, marginRight: 20, marginBottom: 30, marginLeft: 40 } as const;

export interface LayeredPlotOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** Marks of the base layer, under the overlay, drawn with the axes; they take constant colours (no color scale). */
  marks?: Plot.Markish[];
  /** Marks of the overlay. */
  overlay: Plot.Markish[];
  /**
   * What the base marks depend on, beyond the options (which are part of the key already): the base is drawn once
   * per distinct key and copied after that. Functions in the options (a tickFormat) are not part of the key.
   */
  baseKey?: string;
  width: number;
  height: number;
  /** Explicit domains for x and y: both layers must agree on them. */
  x: Plot.ScaleOptions & { domain: readonly unknown[] };
  y: Plot.ScaleOptions & { domain: readonly unknown[] };
  /**
   * Draw the y axis's ticks, labels and grid with the overlay (axisMark in ./svgMarks.ts), for an axis whose domain
   * changes on most moves: the base keeps only the y label, and one base serves every y domain. Put nothing that
   * depends on y in the base's marks.
   */
  movingY?: boolean;
  /** The same for the x axis. */
  movingX?: boolean;
}

const cache = new Map<string, Element>();
const cacheSize = 64;

/** The base layer for a key, drawn on first use (a page may show the same figure twice: each shows a copy). */
function cachedBase(key: string, draw: () => Element): Element {
  let base = cache.get(key);
  if (!base) {
    base = draw();
    base.removeAttribute("aria-label");
    base.removeAttribute("aria-description");
    base.setAttribute("aria-hidden", "true");
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    cache.set(key, base);
  }
  return base;
}

const lazyTag = "downhill-layer-copy";

/**
 * Stands in for a copy of a cached element (a base layer, a legend) until the figure is put on a page, where it turns
 * into the copy. A FigureSlot that already shows the same base or legend takes only what changed, so the copy (of a
 * contour map: tens of thousands of path coordinates) is never made.
 */
class LazyCopy extends HTMLElement {
  copy?: () => Element;
  onCopy?: (copy: Element) => void;
  connectedCallback() {
    this.materialize();
  }
  materialize(): Element {
    const copy = this.copy!();
    this.replaceWith(copy);
    this.onCopy?.(copy);
    return copy;
  }
}
if (typeof customElements !== "undefined" && !customElements.get(lazyTag)) customElements.define(lazyTag, LazyCopy);

function lazyCopy(copy: () => Element, onCopy: (copy: Element) => void): LazyCopy {
  const stand = document.createElement(lazyTag) as LazyCopy;
  stand.copy = copy;
  stand.onCopy = onCopy;
  return stand;
}

/** The element itself, or the copy it stands in for. */
function materialized(element: Element): Element {
  return element instanceof LazyCopy ? element.materialize() : element;
}

/** A legend drawn once (`template`) and copied into each figure that shows it; `key` tells legends apart. */
export interface CachedLegend {
  key: string;
  template: Element;
}

const legends = new Map<string, Element>();

/** The legend of a colour scale, drawn once per scale (its labels and colours). */
export function colorLegend(color: Plot.ScaleOptions): CachedLegend {
  const key = JSON.stringify(color);
  let template = legends.get(key);
  if (!template) {
    template = legend({ color: { ...color, legend: true } });
    if (legends.size >= cacheSize) legends.delete(legends.keys().next().value!);
    legends.set(key, template);
  }
  return { key, template };
}

/**
 * Stacks `overlay` over `base` in a box as wide as `width` at most; both SVGs scale with it. `base` may be a function
 * that makes it: it is then called when the figure is first put on a page, or when its `base` is first read.
 */
export function stackLayers(base: Element | (() => Element), overlay: PlotFigure, baseKey: string, width: number, legend?: CachedLegend | null): LayeredFigure {
  overlay.style.cssText += ";position:absolute;left:0;top:0;width:100%;height:auto;";
  const stack = document.createElement("div");
  stack.style.cssText = "position:relative;";
  const root = Object.assign(document.createElement("div"), { overlay, baseKey, legendKey: legend?.key ?? "", scale: overlay.scale.bind(overlay) }) as LayeredFigure;
  let baseElement = typeof base === "function" ? lazyCopy(base, (copy) => (baseElement = copy)) : base;
  Object.defineProperty(root, "base", { get: () => (baseElement = materialized(baseElement)), enumerable: true });
  let legendElement: Element | null = legend ? lazyCopy(() => legend.template.cloneNode(true) as Element, (copy) => (legendElement = copy)) : null;
  // Read, the legend is a copy (made then if it was not yet put on a page); FigureSlot sets the one it shows.
  Object.defineProperty(root, "legend", {
    get: () => legendElement && (legendElement = materialized(legendElement)),
    set: (element: Element | null) => (legendElement = element),
    enumerable: true,
  });
  // The overlay comes first, so `querySelector("svg")` finds the layer that takes the runs and the pointer.
  stack.append(overlay, baseElement);
  root.className = "downhill-layered";
  root.style.cssText = `max-width:${width}px;`;
  if (legendElement) root.append(legendElement);
  root.append(stack);
  return root;
}

/** The scales, dimensions and empty figure of an overlay of one geometry, as Plot makes them. */
interface OverlayFrame {
  empty: PlotFigure;
  scales: Plot.ScaleFunctions;
  dimensions: Plot.Dimensions;
}

const frames = new Map<string, OverlayFrame>();

/**
 * An overlay whose marks are all render functions (./svgMarks.ts), without a call to Plot: Plot draws an empty
 * overlay of this geometry once, and hands its render functions the scales and dimensions it made; each call after
 * that copies the empty figure and runs the functions with those. What Plot spends on a figure before any mark
 * draws (scales, dimensions, the SVG, about a millisecond) is then spent once per geometry rather than per move.
 */
export function overlayPlot(
  options: Omit<Plot.PlotOptions, "marks"> & { x: Plot.ScaleOptions; y: Plot.ScaleOptions },
  marks: readonly Plot.RenderFunction[],
  /** A name for the geometry (the options but the name and summary), if the caller has one already. */
  geometryKey?: string,
): PlotFigure {
  const { ariaLabel, ariaDescription, ...geometry } = options;
  const key = geometryKey ?? JSON.stringify(geometry);
  let frame = frames.get(key);
  if (!frame) {
    let captured: Pick<OverlayFrame, "scales" | "dimensions"> | undefined;
    const capture: Plot.RenderFunction = (_index, scales, _values, dimensions) => ((captured = { scales, dimensions }), null);
    const empty = plot({ ...geometry, marks: [capture] });
    frame = { empty, ...captured! };
    if (frames.size >= cacheSize) frames.delete(frames.keys().next().value!);
    frames.set(key, frame);
  }
  const { empty, scales, dimensions } = frame;
  const svg = empty.cloneNode(false) as PlotFigure;
  svg.scale = empty.scale.bind(empty);
  if (ariaLabel) svg.setAttribute("aria-label", ariaLabel);
  if (ariaDescription) svg.setAttribute("aria-description", ariaDescription);
  const context = { document: svg.ownerDocument } as Plot.Context;
  for (const mark of marks) {
    const node = mark.call(null as never, [], scales, {} as Plot.ChannelValues, dimensions, context, () => null);
    if (node) svg.append(node);
  }
  return svg;
}

/** The marks as render functions, if every one is (after dropping nulls and flattening arrays). */
export function renderFunctions(marks: readonly Plot.Markish[]): Plot.RenderFunction[] | undefined {
  const flat = (marks as unknown[]).flat(Infinity).filter((m) => m !== null && m !== undefined);
  return flat.every((m) => typeof m === "function") ? (flat as Plot.RenderFunction[]) : undefined;
}

export function layeredPlot(options: LayeredPlotOptions): LayeredFigure {
  const { marks = [], overlay, baseKey = "", ariaLabel, ariaDescription, color, movingX = false, movingY = false, ...shared } = options;
  const geometry = { ...layerMargins, ...shared };
  // A moving axis's scale draws only its label in the base: any domain of the scale's type will do.
  const labelOnly = (scale: LayeredPlotOptions["x"]) => ({ ...scale, domain: scale.type === "log" ? [1, 10] : [0, 1], ticks: [], grid: false });
  const baseGeometry = { ...geometry, ...(movingX ? { x: labelOnly(geometry.x) } : {}), ...(movingY ? { y: labelOnly(geometry.y) } : {}) };
  const baseJson = JSON.stringify(baseGeometry);
  const key = `${baseKey}|${baseJson}`;
  // The base has no colour scale (its marks take constant colours): runs relabelled as a slider moves keep it.
  const template = cachedBase(key, () => plot({ ...baseGeometry, marks }));
  const overlayGeometry = {
    ...geometry,
    x: { ...geometry.x, axis: null, grid: false },
    y: { ...geometry.y, axis: null, grid: false },
  };
  const axis = (name: "x" | "y") => {
    const { tickFormat, type, ticks } = geometry[name];
    return axisMark(name, { tickFormat: tickFormat as string | ((value: number) => string) | undefined, log: type === "log", ticks: typeof ticks === "number" ? ticks : undefined });
  };
  const overlayMarks = [...(movingY ? [axis("y")] : []), ...(movingX ? [axis("x")] : []), ...overlay];
  const functions = renderFunctions(overlayMarks);
  // Render functions take their colours as given: the colour scale serves only the legend.
  const top = functions
    ? // The overlay's geometry is the base's with both domains (a moving axis's is not in the base's).
      overlayPlot({ ...overlayGeometry, ariaLabel, ariaDescription }, functions, `layered|${baseJson}|${geometry.x.domain}|${geometry.y.domain}`)
    : plot({ ...overlayGeometry, color: color ? { ...color, legend: false } : undefined, ariaLabel, ariaDescription, marks: overlayMarks });
  return stackLayers(() => template.cloneNode(true) as Element, top, key, geometry.width, color?.legend ? colorLegend(color) : null);
}

/** A short digest of numbers, for a baseKey that depends on data (a sampled curve): FNV-1a over their float64 bits. */
export function hashNumbers(values: readonly number[]): string {
  const bytes = new Uint8Array(Float64Array.from(values).buffer);
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return `${values.length}:${(hash >>> 0).toString(36)}`;
}

export function isLayeredFigure(node: unknown): node is LayeredFigure {
  return node instanceof HTMLElement && "overlay" in node && "baseKey" in node;
}

export type FigureSlotElement = HTMLDivElement & {
  /**
   * Shows the figure `make` returns here: a layered figure with the base already shown swaps in its overlay only.
   * Off screen, `make` waits (see FigureSlot).
   */
  show(make: () => Node): void;
};

/**
 * A place on the page that keeps its figure between redraws. A page displays it once and shows each new figure in
 * it from the cell that computes the figure, as a function that makes it:
 *
 *     const lossFigure = display(FigureSlot());
 *     lossFigure.show(() => LossChart(run, {width}));
 *
 * A cell that returned the figure instead would have the page remove the old one and insert the new one, and the
 * browser would style, lay out and paint all of it again, base and axes included.
 *
 * A slot off screen makes a new figure only when it comes near the viewport, or when the slider rests (./nearViewport.ts
 * whenNear): the figures off screen then cost a drag nothing. The first figure is made at once, wherever the slot is.
 */
export function FigureSlot(): FigureSlotElement {
  const slot = document.createElement("div") as unknown as FigureSlotElement;
  slot.className = "downhill-figure-slot";
  let current: Node | undefined;
  slot.show = (make: () => Node) => {
    if (current !== undefined) return whenNear(slot, () => put(make()));
    observeNear(slot);
    put(make());
  };
  const put = (node: Node) => {
    if (node === current) return;
    if (isLayeredFigure(current) && isLayeredFigure(node) && current.baseKey === node.baseKey) {
      current.overlay.replaceWith(node.overlay);
      current.overlay = node.overlay;
      current.scale = node.scale;
      if (current.legendKey !== node.legendKey) {
        const legend = node.legend;
        if (current.legend && legend) current.legend.replaceWith(legend);
        else if (current.legend) current.legend.remove();
        else if (legend) current.prepend(legend);
        current.legend = legend;
        current.legendKey = node.legendKey;
      }
      return;
    }
    slot.replaceChildren(node);
    current = node;
  };
  return slot;
}
