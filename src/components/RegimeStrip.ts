// The η axis cut into the four regimes a sweep found, with the current η and the quadratic boundaries marked.
// A layered figure (./layers.ts) that moves its η without redrawing: the axis is drawn once, the regimes over it once
// per sweep, and `figure.mark(lr)` moves the rule of the current η in place. Show it in a FigureSlot from a cell that
// does not depend on η, and call `mark` from one that does:
//
//     const strip = RegimeStrip(spans, {width, boundaries}); stripFigure.show(() => strip);   // reruns when the sweep changes
//     strip.mark(eta);                                                     // reruns when η moves
import * as Plot from "@observablehq/plot";
import { layeredPlot, type LayeredFigure } from "./layers.js";
import { regimeNames, type LossRegime } from "../lib/analysis/lossCurve.js";
import type { RegimeSpan } from "../lib/analysis/sweep.js";
import { formatNumber } from "./format.js";
import { overlayMark } from "./svgMarks.js";

/** One colour per regime, shared by every chart that shows regimes. */
export const regimeColors: Record<LossRegime, string> = {
  slow: "#74c0fc",
  converging: "#40c057",
  oscillating: "#fab005",
  diverging: "#fa5252",
};

export interface RegimeStripOptions {
  /** The learning rate to mark at first; `mark` moves it. */
  lr?: number;
  /** Theory's boundaries to draw as ticks, e.g. [{lr: 1/L, label: "1/L"}]. */
  boundaries?: readonly { lr: number; label: string }[];
  width?: number;
  height?: number;
}

export type RegimeStripFigure = LayeredFigure & {
  /** Moves the rule of the current learning rate to `lr`, and says where it is in the figure's description. */
  mark(lr: number): void;
};

/** Labels that fit their span at this width: the full name, a short one, or none. */
const shortNames: Record<LossRegime, string> = { slow: "slow", converging: "conv.", oscillating: "osc.", diverging: "div." };

const svgNS = "http://www.w3.org/2000/svg";

export function RegimeStrip(spans: readonly RegimeSpan[], { lr, boundaries = [], width = 640, height = 76 }: RegimeStripOptions = {}): RegimeStripFigure {
  const domain: [number, number] = [spans[0]?.from ?? lr ?? 0.1, spans[spans.length - 1]?.to ?? lr ?? 10];
  const pixels = width - 40;
  const label = (s: RegimeSpan) => {
    const room = (Math.log(s.to / s.from) / Math.log(domain[1] / domain[0])) * pixels;
    const full = s.regime === "slow" ? "slow" : regimeNames[s.regime];
    return room > full.length * 7 + 8 ? full : room > shortNames[s.regime].length * 7 + 4 ? shortNames[s.regime] : "";
  };
  const description =
    `Learning rates from ${formatNumber(domain[0])} to ${formatNumber(domain[1])} on a log scale: ` +
    spans.map((s) => `${regimeNames[s.regime]} from ${formatNumber(s.from)} to ${formatNumber(s.to)}`).join("; ") +
    ".";
  const figure = layeredPlot({
    width,
    height,
    marginTop: 22,
    marginBottom: 30,
    marginLeft: 20,
    marginRight: 20,
    ariaLabel: "Regimes of the learning rate",
    ariaDescription: description,
    x: { type: "log", domain, label: "learning rate η (log scale)", labelAnchor: "right", tickFormat: (v: number) => formatNumber(v) },
    y: { axis: null, domain: [0, 1] },
    // The axis and the boundaries' labels stay; the regimes change with the sweep (its step budget).
    baseKey: `regime strip ${JSON.stringify(boundaries)}`,
    marks: [Plot.text(boundaries, { x: "lr", y: 1, text: "label", dy: -8, fontSize: 11, fill: "currentColor" })],
    overlay: [
      // The spans, their names and the boundaries' ticks drawn by hand in one mark (three Plot marks cost several
      // times more, and the strip is redrawn whenever the sweep changes).
      overlayMark((d, g) => {
        const [top, bottom] = [d.y(1), d.y(0)];
        for (const s of spans) {
          const [a, b] = [d.x(s.from), d.x(s.to)];
          d.el("rect", { x: Math.min(a, b), y: top, width: Math.abs(b - a), height: bottom - top, fill: regimeColors[s.regime], "fill-opacity": 0.75 }, g);
        }
        const names = d.el("g", { "font-size": 11, fill: "#212529", "text-anchor": "middle" }, g);
        for (const s of spans) {
          const text = label(s);
          if (text) d.el("text", { x: d.x(Math.sqrt(s.from * s.to)), y: d.y(0.5), dy: "0.32em" }, names, text);
        }
        for (const { lr: at } of boundaries) {
          const px = d.x(at);
          if (Number.isFinite(px)) d.el("line", { x1: px, x2: px, y1: top, y2: bottom, stroke: "#212529", "stroke-dasharray": "3 2" }, g);
        }
      }),
    ],
  }) as RegimeStripFigure;
  // The current η: one line of our own on the overlay, moved by setting its x (no figure is redrawn).
  const x = figure.scale("x")!;
  const y = figure.scale("y")!;
  const rule = document.createElementNS(svgNS, "line");
  rule.setAttribute("aria-hidden", "true");
  rule.setAttribute("stroke", "#212529");
  rule.setAttribute("stroke-width", "3");
  rule.setAttribute("y1", String(y.apply(-0.1)));
  rule.setAttribute("y2", String(y.apply(1.1)));
  rule.style.display = "none";
  figure.overlay.append(rule);
  figure.mark = (lr: number) => {
    const at = x.apply(lr);
    rule.setAttribute("x1", String(at));
    rule.setAttribute("x2", String(at));
    rule.style.display = Number.isFinite(at) ? "" : "none";
    const here = spans.find((s) => lr >= s.from && lr <= s.to);
    figure.overlay.setAttribute("aria-description", `${description} The current η = ${formatNumber(lr)}${here ? ` is in the ${regimeNames[here.regime]} regime` : ""}.`);
  };
  if (lr !== undefined) figure.mark(lr);
  return figure;
}
