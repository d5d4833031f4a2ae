// A contour map whose contours are drawn once per surface and width and whose runs are redrawn on every call:
// two stacked SVGs of identical geometry (ContourPlot's "base" and "overlay" layers). Sampling and contouring
// the surface costs tens of milliseconds; the runs on top cost a few.
import { ContourPlot, type ContourPlotOptions } from "./ContourPlot.js";
import { cachedGrid, prefersLogLevels, type Surface } from "./contourGrid.js";

type BaseOptions = Omit<ContourPlotOptions, "layer" | "width" | "trajectories" | "start" | "marks" | "summaryNote">;
type RunOptions = Pick<ContourPlotOptions, "trajectories" | "start" | "marks" | "summaryNote"> & { width: number };

// Contour layers drawn so far, per surface and options: figures of the same size copy the SVG instead of contouring again.
const drawn = new WeakMap<Surface, Map<string, Element>>();

/**
 * Returns a drawing function for one figure: each call gives a fresh figure with the runs of `options` on a
 * copy of the contour layer for this surface and width. Make it in a cell that depends only on the surface, so
 * a slider that changes only the runs never contours again. The figure answers `scale("x")` like a Plot figure,
 * and its first SVG is the overlay (positioned on top), so marks appended to it are drawn above the contours.
 */
export function contourLayers(surface: Surface, baseOptions: BaseOptions = {}) {
  // Decided once here: ContourPlot's default re-reads a quantile of the whole grid on every call.
  const { domain = surface.domain, resolution = 120 } = baseOptions;
  const logLevels = baseOptions.logLevels ?? prefersLogLevels(cachedGrid(surface.f, domain, resolution, resolution));
  const layerOptions = { ...baseOptions, logLevels };
  let base: { element: Element; width: number } | undefined;
  return (options: RunOptions) => {
    const { width } = options;
    if (base?.width !== width) base = { element: contourLayer(surface, { ...layerOptions, width }), width };
    const top = ContourPlot(surface, { ...layerOptions, ...options, layer: "overlay" });
    top.style.cssText += ";position:absolute;left:0;top:0;width:100%;height:auto;";
    const stage = document.createElement("div");
    stage.style.cssText = `position:relative;max-width:${width}px;`;
    stage.append(top, base.element);
    return Object.assign(stage, { overlay: top, scale: (name: "x" | "y") => top.scale(name) });
  };
}

function contourLayer(surface: Surface, options: BaseOptions & { width: number }): Element {
  let bySurface = drawn.get(surface);
  if (!bySurface) drawn.set(surface, (bySurface = new Map()));
  const key = JSON.stringify(options);
  let template = bySurface.get(key);
  if (!template) {
    template = ContourPlot(surface, { ...options, layer: "base" });
    // The overlay carries the name and the text summary.
    template.setAttribute("aria-hidden", "true");
    template.removeAttribute("aria-label");
    template.removeAttribute("aria-description");
    bySurface.set(key, template);
  }
  return template.cloneNode(true) as Element;
}
