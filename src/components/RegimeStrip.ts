// The η axis cut into the four regimes a sweep found, with the current η and the quadratic boundaries marked.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { regimeNames, type LossRegime } from "../lib/analysis/lossCurve.js";
import type { RegimeSpan } from "../lib/analysis/sweep.js";
import { formatNumber } from "./format.js";

/** One colour per regime, shared by every chart that shows regimes. */
export const regimeColors: Record<LossRegime, string> = {
  slow: "#74c0fc",
  converging: "#40c057",
  oscillating: "#fab005",
  diverging: "#fa5252",
};

export interface RegimeStripOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** The learning rate to mark. */
  lr: number;
  /** Theory's boundaries to draw as ticks, e.g. [{lr: 1/L, label: "1/L"}]. */
  boundaries?: readonly { lr: number; label: string }[];
}

/** Labels that fit their span at this width: the full name, a short one, or none. */
const shortNames: Record<LossRegime, string> = { slow: "slow", converging: "conv.", oscillating: "osc.", diverging: "div." };

export function RegimeStrip(spans: readonly RegimeSpan[], { lr, boundaries = [], ...plotOptions }: RegimeStripOptions) {
  const domain: [number, number] = [spans[0]?.from ?? lr, spans[spans.length - 1]?.to ?? lr];
  const pixels = (plotOptions.width ?? 640) - 40;
  const label = (s: RegimeSpan) => {
    const room = (Math.log(s.to / s.from) / Math.log(domain[1] / domain[0])) * pixels;
    const full = s.regime === "slow" ? "slow" : regimeNames[s.regime];
    return room > full.length * 7 + 8 ? full : room > shortNames[s.regime].length * 7 + 4 ? shortNames[s.regime] : "";
  };
  const here = spans.find((s) => lr >= s.from && lr <= s.to);
  return plot({
    height: 76,
    marginTop: 22,
    marginBottom: 30,
    ariaLabel: "Regimes of the learning rate",
    ariaDescription:
      `Learning rates from ${formatNumber(domain[0])} to ${formatNumber(domain[1])} on a log scale: ` +
      spans.map((s) => `${regimeNames[s.regime]} from ${formatNumber(s.from)} to ${formatNumber(s.to)}`).join("; ") +
      `. The current η = ${formatNumber(lr)}${here ? ` is in the ${regimeNames[here.regime]} regime` : ""}.`,
    x: { type: "log", domain, label: "learning rate η (log scale)", labelAnchor: "right", tickFormat: (v: number) => formatNumber(v) },
    y: { axis: null, domain: [0, 1] },
    color: { domain: Object.keys(regimeColors), range: Object.values(regimeColors) },
    marks: [
      Plot.rect(spans, { x1: "from", x2: "to", y1: 0, y2: 1, fill: "regime", fillOpacity: 0.75 }),
      Plot.text(spans, {
        x: (s: RegimeSpan) => Math.sqrt(s.from * s.to),
        y: 0.5,
        text: label,
        fontSize: 11,
        fill: "#212529",
      }),
      Plot.ruleX(boundaries, { x: "lr", y1: 0, y2: 1, stroke: "#212529", strokeDasharray: "3 2" }),
      Plot.text(boundaries, { x: "lr", y: 1, text: "label", dy: -8, fontSize: 11, fill: "currentColor" }),
      Plot.ruleX([lr], { y1: -0.1, y2: 1.1, stroke: "#212529", strokeWidth: 3 }),
    ],
    ...plotOptions,
  });
}
