// A layered figure (./layers.ts) whose overlay is drawn without Plot at all. layeredPlot renders the overlay through
// Plot on every call, and Plot's fixed cost per figure (scales, dimensions, the SVG and its attributes: about a
// millisecond here) is most of what a small hand-drawn overlay costs. Here the figure with an empty overlay is made
// once per geometry and kept as a template; each call copies the template's overlay <svg> element (its attributes
// only) and draws into it with the template's own scales, so the marks line up with the base exactly as before.
import { layeredPlot, stackLayers, type LayeredFigure, type LayeredPlotOptions } from "./layers.js";
import { pathData } from "./svgMarks.js";

const svgNs = "http://www.w3.org/2000/svg";

type Attrs = Record<string, string | number | null | undefined>;

export interface OverlayDraw {
  /** Data to pixels, through the template figure's scales. */
  x(value: number): number;
  y(value: number): number;
  /** An SVG element with these attributes (null and undefined left out), appended to `parent`. */
  el(tag: string, attrs: Attrs, parent: Element, text?: string): SVGElement;
  /** One path per series (a gap where a value or its position is not finite), in one group of these attributes. */
  lines(series: readonly { xs: ArrayLike<number>; ys: ArrayLike<number>; title?: string }[], attrs: { stroke: string; strokeWidth?: number; strokeOpacity?: number; strokeDasharray?: string }, parent: Element): void;
}

const templates = new Map<string, LayeredFigure>();
const templateLimit = 64;

const unit = 10; // path coordinates in tenths of a pixel, under a scale(0.1), as svgMarks' pathData writes them

function el(tag: string, attrs: Attrs, parent: Element, text?: string): SVGElement {
  const node = document.createElementNS(svgNs, tag) as SVGElement;
  for (const name in attrs) {
    const value = attrs[name];
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  if (text !== undefined) node.textContent = text;
  parent.append(node);
  return node;
}

/**
 * layeredPlot's figure for these options, with the overlay drawn by `draw` into a copy of the template's overlay
 * element. `key` names what the template depends on beyond the geometry (as layeredPlot's baseKey; functions in the
 * options, such as a tickFormat, are not part of either key). The figure's name and description are this call's.
 */
export function drawnOverlayFigure(options: Omit<LayeredPlotOptions, "overlay">, draw: (d: OverlayDraw, svg: SVGSVGElement) => void): LayeredFigure {
  const { ariaLabel, ariaDescription, marks, ...geometry } = options;
  const key = JSON.stringify(geometry);
  let template = templates.get(key);
  if (!template) {
    template = layeredPlot({ ...options, overlay: [] });
    if (templates.size >= templateLimit) templates.delete(templates.keys().next().value!);
    templates.set(key, template);
  }
  const t = template;
  const svg = t.overlay.cloneNode(false) as SVGSVGElement;
  if (ariaLabel) svg.setAttribute("aria-label", ariaLabel);
  else svg.removeAttribute("aria-label");
  if (ariaDescription) svg.setAttribute("aria-description", ariaDescription);
  else svg.removeAttribute("aria-description");
  const sx = t.scale("x")!;
  const sy = t.scale("y")!;
  const x = (v: number) => sx.apply(v) as number;
  const y = (v: number) => sy.apply(v) as number;
  draw(
    {
      x,
      y,
      el,
      lines(series, { stroke, strokeWidth = 1.5, strokeOpacity, strokeDasharray }, parent) {
        const group = el(
          "g",
          {
            transform: `scale(${1 / unit})`,
            fill: "none",
            stroke,
            "stroke-width": strokeWidth * unit,
            "stroke-opacity": strokeOpacity,
            "stroke-dasharray": strokeDasharray?.split(/[\s,]+/).map((v) => Number(v) * unit).join(" "),
            "stroke-linejoin": "round",
            "stroke-linecap": "round",
          },
          parent,
        );
        for (const s of series) {
          const d = pathData(s.xs, s.ys, x, y);
          if (!d) continue;
          const path = el("path", { d }, group);
          if (s.title) el("title", {}, path, s.title);
        }
      },
    },
    svg,
  );
  const overlay = Object.assign(svg, { scale: t.scale }) as unknown as LayeredFigure["overlay"];
  return stackLayers(() => t.base.cloneNode(true) as Element, overlay, t.baseKey, options.width, (t.legend?.cloneNode(true) as Element | undefined) ?? null);
}
