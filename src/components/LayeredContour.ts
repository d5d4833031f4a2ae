// A contour map as two stacked layers of identical geometry (ContourPlot's "base" and "overlay"): the contours,
// drawn once per surface, view and width (the slow part, tens of milliseconds), under the runs and marks, which
// are redrawn on every call. Pages call it where they would call ContourPlot, on every slider move.
import { cachedGrid, prefersLogLevels, type Surface } from "./contourGrid.js";
import { ContourPlot, type ContourPlotOptions } from "./ContourPlot.js";

type LayeredOptions = Omit<ContourPlotOptions, "layer">;

export type LayeredContourElement = HTMLDivElement & {
  /** The runs' layer, on top: marks appended to it are drawn above the contours. */
  overlay: ReturnType<typeof ContourPlot>;
  /** The figure's scales, as on a Plot figure. */
  scale: ReturnType<typeof ContourPlot>["scale"];
};

const bases = new WeakMap<Surface, Map<string, { template: Element; logLevels: boolean }>>();

/** The contour layer for these options, drawn once and copied for every later figure (a page may show it twice). */
function baseLayer(surface: Surface, options: LayeredOptions & { width: number }) {
  // What only the runs use stays out of the base layer and out of its cache key.
  const { trajectories, start, handle, marks, summaryNote, ariaLabel, ariaDescription, ...baseOptions } = options;
  const { domain = surface.domain, resolution = 120 } = baseOptions;
  let entries = bases.get(surface);
  if (!entries) bases.set(surface, (entries = new Map()));
  const key = JSON.stringify(baseOptions);
  let base = entries.get(key);
  if (!base) {
    // Choosing log levels takes a quantile of the grid: done once here and handed to the overlay, which would redo it.
    const logLevels = baseOptions.logLevels ?? prefersLogLevels(cachedGrid(surface.f, domain, resolution, resolution));
    const template = ContourPlot(surface, { ...baseOptions, logLevels, layer: "base" });
    // The overlay's name and text summary describe the contours too: the base layer stays out of the accessibility tree.
    template.removeAttribute("aria-label");
    template.removeAttribute("aria-description");
    template.setAttribute("aria-hidden", "true");
    base = { template, logLevels };
    entries.set(key, base);
  }
  return { element: base.template.cloneNode(true) as Element, logLevels: base.logLevels };
}

/** ContourPlot's figure, with the contour layer reused while only the runs or marks change. */
export function LayeredContour(surface: Surface, options: LayeredOptions = {}): LayeredContourElement {
  const width = options.width ?? 640;
  const base = baseLayer(surface, { ...options, width });
  const overlay = ContourPlot(surface, { ...options, width, logLevels: base.logLevels, layer: "overlay" });
  overlay.style.cssText += ";position:absolute;left:0;top:0;width:100%;height:auto;";
  const stack = Object.assign(document.createElement("div"), { overlay, scale: overlay.scale.bind(overlay) });
  stack.style.cssText = `position:relative;max-width:${width}px;`;
  // The overlay comes first, so `querySelector("svg")` finds the layer that takes the runs and the pointer.
  stack.append(overlay, base.element);
  return stack;
}
