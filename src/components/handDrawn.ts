// Helpers for overlays drawn by hand inside a Plot render function (one mark instead of a dozen): plain SVG elements,
// a dot per vertex as a marker of the line (one element per run instead of one per step), and a tooltip that names
// what lies under the pointer, written only as the pointer moves.
import type * as Plot from "@observablehq/plot";

export const svgNs = "http://www.w3.org/2000/svg";

/** An SVG element with its attributes. */
export function element(doc: Document, name: string, attributes: Record<string, string | number> = {}): SVGElement {
  const e = doc.createElementNS(svgNs, name) as SVGElement;
  for (const key in attributes) e.setAttribute(key, String(attributes[key]));
  return e;
}

let markerIds = 0;

/** Gives `line` a dot of radius `r` at every vertex, in `color`; the marker goes into `defs`. */
export function dotEveryVertex(line: SVGElement, defs: SVGElement, color: string, r = 2.5): void {
  const doc = line.ownerDocument;
  const id = `downhill-vertex-dot-${++markerIds}`;
  const marker = element(doc, "marker", { id, viewBox: "-5 -5 10 10", markerWidth: 10, markerHeight: 10, markerUnits: "userSpaceOnUse", fill: color, stroke: "none" });
  marker.append(element(doc, "circle", { r }));
  defs.append(marker);
  for (const at of ["marker-start", "marker-mid", "marker-end"]) line.setAttribute(at, `url(#${id})`);
}

/** "M x,y L x,y …" through the points, skipping none (the caller passes finite pixels). */
export function polyline(points: readonly (readonly [number, number])[]): string {
  return points.length === 0 ? "" : "M" + points.map(([x, y]) => `${x},${y}`).join("L");
}

/** The frame of a Plot figure, in its pixels. */
export function frameOf({ width, height, marginTop, marginRight, marginBottom, marginLeft }: Plot.Dimensions) {
  return { x: marginLeft, y: marginTop, width: width - marginLeft - marginRight, height: height - marginTop - marginBottom };
}

/**
 * A transparent rectangle over the frame whose tooltip (<title>) is `describe` of the pointer's position in the
 * figure's pixels, recomputed as the pointer moves: nothing is formatted until someone points.
 */
export function hoverTitle(doc: Document, dimensions: Plot.Dimensions, describe: (px: number, py: number) => string): SVGElement {
  const hover = element(doc, "rect", { ...frameOf(dimensions), fill: "transparent" });
  const title = doc.createElementNS(svgNs, "title");
  hover.append(title);
  hover.addEventListener("pointermove", (event) => {
    const matrix = (hover as SVGGraphicsElement).getScreenCTM();
    if (!matrix) return;
    const { clientX, clientY } = event as PointerEvent;
    const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    const text = describe(p.x, p.y);
    if (title.textContent !== text) title.textContent = text;
  });
  return hover;
}
