// A start point picked on a chart: drag it (or use the arrow keys) and drop it. The element keeps the figure
// it shows, so the chart can be redrawn without losing the drag or the keyboard focus; `input` fires when the
// point is dropped. A layered figure (./layers.ts) whose base is the one shown swaps in its overlay only, so a
// race redrawn on every frame leaves the contours in place.
import { formatPoint } from "./format.js";
import { FigureSlot, isLayeredFigure } from "./layers.js";
import type { Box } from "./points.js";

type Scaled = Element & { scale(name: "x" | "y"): { apply(v: number): number; invert(v: number): number } };

export interface RaceStartElement extends HTMLDivElement {
  value: [number, number];
  /** Replaces the chart shown (a Plot figure or a layered figure, with x and y scales over `box`). */
  show(figure: Element): void;
}

export function RaceStart({ value, box }: { value: [number, number]; box: Box }): RaceStartElement {
  const root = document.createElement("div") as unknown as RaceStartElement;
  root.tabIndex = 0;
  root.setAttribute("role", "group");
  root.style.cssText = "position:relative;touch-action:none;cursor:crosshair;max-width:100%;";
  const status = document.createElement("div");
  status.setAttribute("aria-live", "polite");
  status.style.cssText = "font-size:13px;color:var(--theme-foreground-muted);";
  const marker = document.createElementNS("http://www.w3.org/2000/svg", "circle");
  marker.setAttribute("r", "8");
  marker.setAttribute("fill", "none");
  marker.setAttribute("stroke", "black");
  marker.setAttribute("stroke-width", "2");
  marker.setAttribute("stroke-dasharray", "3,2");
  const slot = FigureSlot();
  root.append(slot, status);
  let figure: Scaled | undefined;
  /** The SVG that takes the pointer and carries the marker: a layered figure's overlay, or the figure's only one. */
  let svg: SVGSVGElement | null = null;
  let current: [number, number] = value;
  const clampTo = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));

  const describe = () => {
    root.setAttribute("aria-label", `Start point ${formatPoint(current)}: drag it on the map, or focus here and use the arrow keys`);
    status.textContent = `Start ${formatPoint(current)} — drag the ring on the map, or focus the map and use the arrow keys.`;
  };
  const placeMarker = (p: [number, number]) => {
    if (!figure) return;
    marker.setAttribute("cx", String(figure.scale("x").apply(p[0])));
    marker.setAttribute("cy", String(figure.scale("y").apply(p[1])));
  };
  const commit = (p: [number, number]) => {
    current = [clampTo(p[0], box.x), clampTo(p[1], box.y)];
    describe();
    root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  /** The data point under a pointer event, from the figure's own scales. */
  const pointAt = (event: PointerEvent): [number, number] | undefined => {
    if (!figure || !svg) return undefined;
    const rect = svg.getBoundingClientRect();
    const scale = (svg.width.baseVal.value || rect.width) / rect.width;
    const px = (event.clientX - rect.left) * scale;
    const py = (event.clientY - rect.top) * scale;
    return [clampTo(figure.scale("x").invert(px), box.x), clampTo(figure.scale("y").invert(py), box.y)];
  };

  let dragging = false;
  root.addEventListener("pointerdown", (event) => {
    const p = pointAt(event);
    if (!p) return;
    dragging = true;
    root.setPointerCapture(event.pointerId);
    placeMarker(p);
  });
  root.addEventListener("pointermove", (event) => {
    const p = dragging ? pointAt(event) : undefined;
    if (p) placeMarker(p);
  });
  root.addEventListener("pointerup", (event) => {
    if (!dragging) return;
    dragging = false;
    const p = pointAt(event);
    if (p) commit(p);
  });
  root.addEventListener("keydown", (event) => {
    const step = [(box.x[1] - box.x[0]) / 40, (box.y[1] - box.y[0]) / 40];
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step[0], 0], ArrowRight: [step[0], 0], ArrowUp: [0, step[1]], ArrowDown: [0, -step[1]] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    commit([current[0] + move[0], current[1] + move[1]]);
  });

  root.show = (next: Element) => {
    slot.show(() => next);
    figure = next as Scaled;
    // A layered figure's overlay: the slot may have moved it into the figure already shown.
    svg = isLayeredFigure(next) ? (next.overlay as SVGSVGElement) : next instanceof SVGSVGElement ? next : next.querySelector("svg");
    svg?.append(marker);
    placeMarker(current);
  };
  Object.defineProperty(root, "value", {
    get: () => current,
    set: (p: [number, number]) => ((current = p), describe(), placeMarker(p)),
  });
  describe();
  return root;
}
