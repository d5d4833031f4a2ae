// A contour map as two stacked layers: the contours, drawn once per surface, view and width (the slow part,
// 40–160 ms), under the runs and marks, redrawn on every move. Used by the schedules and SWA maps.
import { cachedGrid, prefersLogLevels, type Surface } from "./contourGrid.js";
import { ContourPlot, type ContourPlotOptions } from "./ContourPlot.js";

type LayeredOptions = Omit<ContourPlotOptions, "layer">;

const bases = new WeakMap<Surface, Map<string, { element: Element; logLevels: boolean }>>();

function baseLayer(surface: Surface, options: LayeredOptions) {
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
    const element = ContourPlot(surface, { ...baseOptions, logLevels, layer: "base" });
    // The overlay's name and text summary describe the contours too: the base layer stays out of the accessibility tree.
    element.removeAttribute("aria-label");
    element.removeAttribute("aria-description");
    element.setAttribute("aria-hidden", "true");
    base = { element, logLevels };
    entries.set(key, base);
  }
  return base;
}

/** ContourPlot's figure, with the contour layer reused while only the runs or marks change. */
export function LayeredContour(surface: Surface, options: LayeredOptions): HTMLDivElement & { overlay: SVGSVGElement | HTMLElement } {
  const width = options.width ?? 640;
  const base = baseLayer(surface, { ...options, width });
  const overlay = ContourPlot(surface, { ...options, width, logLevels: base.logLevels, layer: "overlay" });
  overlay.style.cssText += ";position:absolute;left:0;top:0;width:100%;height:auto;";
  const stack = Object.assign(document.createElement("div"), { overlay });
  stack.style.cssText = `position:relative;max-width:${width}px;`;
  // A base layer shown in an earlier figure moves here; the page shows each map once.
  stack.append(base.element, overlay);
  return stack;
}
