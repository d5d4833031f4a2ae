// Plot.plot and Plot.legend, with the <style> element Plot puts inside every figure moved to the document head once.
// Each figure inserted or removed with its own <style> adds or drops a style sheet of the whole document, and
// Chromium then re-matches the style of every element on the page: about 5 ms per slider move on a long page,
// for rules that are the same in every figure.
import * as Plot from "@observablehq/plot";

const hoisted = new Set<string>();

/** Moves each <style> under `node` to the document head, the first time its text is seen, and drops it from `node`. */
function hoistStyles<T extends Element>(node: T): T {
  for (const style of node.querySelectorAll("style")) {
    const text = style.textContent ?? "";
    style.remove();
    if (hoisted.has(text) || typeof document === "undefined") continue;
    hoisted.add(text);
    const sheet = document.createElement("style");
    sheet.textContent = text;
    document.head.append(sheet);
  }
  return node;
}

/**
 * The narrowest and lowest a figure is drawn. Framework's `width` (what pages size figures by) can be 0 for a moment,
 * as when several pages load at once in one headless browser: a chart that small gets frames of negative size.
 */
export const minFigureWidth = 120;
const minFigureHeight = 60;

export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  const { width, height } = options;
  return hoistStyles(
    Plot.plot({
      ...options,
      ...(width === undefined ? {} : { width: Math.max(minFigureWidth, width) }),
      ...(height === undefined ? {} : { height: Math.max(minFigureHeight, height) }),
    }),
  );
}

export function legend(options: Parameters<typeof Plot.legend>[0]): ReturnType<typeof Plot.legend> {
  return hoistStyles(Plot.legend(options));
}
