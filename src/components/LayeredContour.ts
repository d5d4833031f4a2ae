// A contour map as a layered figure (./layers.ts): the contours, drawn once per surface, view and width (the slow
// part, tens of milliseconds), under the runs and marks, which are redrawn on every call. Pages call it where they
// would call ContourPlot, on every slider move, and show it in a FigureSlot so that the contours stay in place.
import { cachedGrid, prefersLogLevels, type Surface } from "./contourGrid.js";
import { ContourPlot, type ContourPlotOptions } from "./ContourPlot.js";
import { stackLayers, type LayeredFigure } from "./layers.js";

type LayeredOptions = Omit<ContourPlotOptions, "layer">;

export type LayeredContourElement = LayeredFigure;

let surfaces = 0;
const bases = new WeakMap<Surface, { id: number; entries: Map<string, { template: Element; logLevels: boolean }> }>();

/** The contour layer for these options, drawn once and copied for every later figure (a page may show it twice). */
function baseLayer(surface: Surface, options: LayeredOptions & { width: number }) {
  // What only the runs use stays out of the base layer and out of its cache key.
  const { trajectories, start, handle, marks, summaryNote, ariaLabel, ariaDescription, ...baseOptions } = options;
  const { domain = surface.domain, resolution = 120 } = baseOptions;
  let bySurface = bases.get(surface);
  if (!bySurface) bases.set(surface, (bySurface = { id: ++surfaces, entries: new Map() }));
  const key = JSON.stringify(baseOptions);
  let base = bySurface.entries.get(key);
  if (!base) {
    // Choosing log levels takes a quantile of the grid: done once here and handed to the overlay, which would redo it.
    const logLevels = baseOptions.logLevels ?? prefersLogLevels(cachedGrid(surface.f, domain, resolution, resolution));
    const template = ContourPlot(surface, { ...baseOptions, logLevels, layer: "base" });
    // The overlay's name and text summary describe the contours too: the base layer stays out of the accessibility tree.
    template.removeAttribute("aria-label");
    template.removeAttribute("aria-description");
    template.setAttribute("aria-hidden", "true");
    base = { template, logLevels };
    bySurface.entries.set(key, base);
  }
  const { template } = base;
  return { copy: () => template.cloneNode(true) as Element, logLevels: base.logLevels, key: `contour ${bySurface.id} ${key}` };
}

/** ContourPlot's figure, with the contour layer reused while only the runs or marks change. */
export function LayeredContour(surface: Surface, options: LayeredOptions = {}): LayeredContourElement {
  const width = options.width ?? 640;
  const base = baseLayer(surface, { ...options, width });
  const overlay = ContourPlot(surface, { ...options, width, logLevels: base.logLevels, layer: "overlay" });
  return stackLayers(base.copy, overlay, base.key, width);
}
