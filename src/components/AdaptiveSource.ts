// One optimizer as a card: its update typeset beside the lines of lib/ that implement it, and the framework calls.
import { tex } from "../math.js";
import type { SourceExcerpt } from "./sourceExcerpt.js";


export interface AdaptiveSourceOptions {
  title: string;
  /** The update in TeX (display mode). */
  formula: string;
  excerpt: SourceExcerpt;
  torch: string;
  keras: string;
}

export function AdaptiveSource({ title, formula, excerpt, torch, keras }: AdaptiveSourceOptions): HTMLElement {
  const card = document.createElement("section");
  card.className = "adaptive-source";
  const heading = document.createElement("h3");
  heading.textContent = title;
  const math = document.createElement("div");
  math.className = "adaptive-source-formula";
  math.append(tex(formula, { displayMode: true }));
  const figure = document.createElement("figure");
  const pre = document.createElement("pre");
  const code = document.createElement("code");
  code.textContent = excerpt.code;
  pre.append(code);
  const caption = document.createElement("figcaption");
  const last = excerpt.startLine + excerpt.code.split("\n").length - 1;
  caption.textContent = `${excerpt.file}, lines ${excerpt.startLine}–${last}${excerpt.source === "step" ? " (the step method)" : ""}, read from the library as this page loads.`;
  figure.append(pre, caption);
  const body = document.createElement("div");
  body.className = "adaptive-source-body";
  body.append(math, figure);
  const api = document.createElement("pre");
  api.className = "adaptive-source-api";
  api.textContent = `# PyTorch\n${torch}\n# Keras\n${keras}`;
  card.append(heading, body, api);
  return card;
}
