// A one-line verdict under a loss chart: the regime in its colour, and the evidence the trace gave for it.
import { regimeNames, type LossCurveReading } from "../lib/analysis/lossCurve.js";
import { regimeColors } from "./RegimeStrip.js";

export function RegimeCaption(reading: LossCurveReading, detail = ""): HTMLParagraphElement {
  const p = document.createElement("p");
  p.style.cssText = `border-left: 6px solid ${regimeColors[reading.regime]}; padding: 0.25rem 0 0.25rem 0.75rem; max-width: 640px;`;
  const strong = document.createElement("strong");
  strong.textContent = regimeNames[reading.regime];
  p.append(strong, ` — ${reading.evidence}.${detail ? ` ${detail}` : ""}`);
  return p;
}
