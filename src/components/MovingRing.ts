// A ring drawn into a figure's top layer and moved in place: for a mark that follows a slider (the current step of a
// path) over a figure that otherwise stays, moving one circle costs a fraction of redrawing the layer with it.
import type { LayeredFigure } from "./layers.js";

export interface MovingRing {
  readonly element: SVGCircleElement;
  /** Puts the ring at the data point (x, y); a point with a coordinate that is not finite hides it. */
  move(point: readonly number[]): void;
}

export interface MovingRingOptions {
  r?: number;
  stroke?: string;
  strokeWidth?: number;
}

/** Adds a ring to `figure`'s overlay (where the figure's runs are drawn), in the figure's data coordinates. */
export function MovingRing(figure: LayeredFigure, { r = 8, stroke = "black", strokeWidth = 2.5 }: MovingRingOptions = {}): MovingRing {
  const element = document.createElementNS("http://www.w3.org/2000/svg", "circle");
  element.setAttribute("r", String(r));
  element.setAttribute("fill", "none");
  element.setAttribute("stroke", stroke);
  element.setAttribute("stroke-width", String(strokeWidth));
  element.setAttribute("aria-hidden", "true");
  figure.overlay.append(element);
  const x = figure.scale("x") as { apply(v: number): number };
  const y = figure.scale("y") as { apply(v: number): number };
  return {
    element,
    move([px, py]: readonly number[]) {
      const cx = x.apply(px);
      const cy = y.apply(py);
      const shown = Number.isFinite(cx) && Number.isFinite(cy);
      element.style.display = shown ? "" : "none";
      if (shown) {
        element.setAttribute("cx", cx.toFixed(1));
        element.setAttribute("cy", cy.toFixed(1));
      }
    },
  };
}
