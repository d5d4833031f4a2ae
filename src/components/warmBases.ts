// Base layers of layered figures (./layers.ts) drawn ahead of need, one per idle period: a chart whose axes a slider
// is likely to change next (another number of epochs, the next decade down) asks for them here, and the base layer's
// cache in layers.ts keeps them, so that the move that needs them copies axes instead of drawing them.
import { layeredPlot, type LayeredPlotOptions } from "./layers.js";

/** What decides a base layer: everything but the overlay and the overlay's name, summary and colours. */
export type BaseOptions = Omit<LayeredPlotOptions, "overlay" | "ariaLabel" | "ariaDescription" | "color">;

const warmed = new Set<string>();
const queue: (() => BaseOptions)[] = [];

/**
 * Draws the base layer that `options()` describes in idle time, once per page and `key` (a name for those options:
 * the call costs nothing when the key was seen). The options must be those the chart passes to layeredPlot.
 */
export function warmBase(key: string, options: () => BaseOptions): void {
  if (typeof document === "undefined" || warmed.has(key)) return;
  warmed.add(key);
  queue.push(options);
  if (queue.length === 1) schedule();
}

function schedule() {
  const idle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 50));
  idle(() => {
    const options = queue.shift();
    if (options) layeredPlot({ ...options(), overlay: [] });
    if (queue.length) schedule();
  });
}
