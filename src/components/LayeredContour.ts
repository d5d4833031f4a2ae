// A contour map drawn as two stacked SVGs of identical geometry (ContourPlot's "base" and "overlay" layers):
// the contours once per width, the runs on every call. Contouring costs tens of milliseconds; the runs a few.
import { ContourPlot, type ContourPlotOptions } from "./ContourPlot.js";
import { cachedGrid, prefersLogLevels, type Surface } from "./contourGrid.js";

type RunOptions = Pick<ContourPlotOptions, "trajectories" | "start" | "marks" | "summaryNote"> & { width: number };

/**
 * A drawing function for one figure over `surface`. Make it in a cell that depends only on the surface, and
 * call it in the cell that has the runs: a slider that changes only the runs then never redraws the contours.
 */
export function layeredContour(surface: Surface, baseOptions: Omit<ContourPlotOptions, "layer" | "width" | keyof RunOptions> = {}) {
  // Decided once here: left to ContourPlot, the choice of log levels takes a quantile of the grid on every call.
  const box = baseOptions.domain ?? surface.domain;
  const resolution = baseOptions.resolution ?? 120;
  const logLevels = baseOptions.logLevels ?? prefersLogLevels(cachedGrid(surface.f, box, resolution, resolution));
  baseOptions = { ...baseOptions, logLevels };
  let base: { element: Element; width: number } | undefined;
  return (options: RunOptions): HTMLDivElement => {
    const { width } = options;
    if (base?.width !== width) {
      const element = ContourPlot(surface, { ...baseOptions, width, layer: "base" });
      element.setAttribute("aria-hidden", "true"); // the overlay carries the name and the text summary
      base = { element, width };
    }
    const top = ContourPlot(surface, { ...baseOptions, ...options, layer: "overlay" });
    top.style.cssText += ";position:absolute;left:0;top:0;width:100%;height:auto;";
    const stage = document.createElement("div");
    stage.style.cssText = `position:relative;max-width:${width}px;`;
    stage.append(base.element, top);
    return stage;
  };
}
