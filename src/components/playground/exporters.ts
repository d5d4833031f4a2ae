// Downloads: the runs as CSV or JSON (specs and traces), the map as SVG or PNG.
import type { RunSpec, Trace } from "../../lib/index.js";

export interface ExportedRun {
  label: string;
  spec: RunSpec;
  trace: Trace;
}

const cell = (v: number | string | undefined) => (v === undefined ? "" : typeof v === "number" ? String(v) : JSON.stringify(v));

/** One row per run and point: run, step, x, y, loss, and the lr and gradient norm of the step taken there. */
export function runsToCsv(runs: readonly ExportedRun[]): string {
  const rows = ["run,optimizer,step,x,y,loss,lr,gradNorm"];
  for (const { label, spec, trace } of runs) {
    trace.path.forEach((point, step) => {
      rows.push([label, spec.optimizer.name, step, point[0], point[1], trace.loss[step], trace.lr[step], trace.gradNorm[step]].map(cell).join(","));
    });
  }
  return rows.join("\n") + "\n";
}

/** The specs (enough to rerun with runOptimizer) beside their traces. */
export function runsToJson(runs: readonly ExportedRun[]): string {
  return JSON.stringify(
    runs.map(({ label, spec, trace }) => ({ label, spec, trace })),
    (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v), // JSON has no NaN or Infinity
    1,
  );
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** The playground map as one standalone SVG document: the contour layer with the paths layer over it. */
export function mapSvg(map: Element): string {
  const [background, overlay] = map.querySelectorAll("svg");
  const svg = background.cloneNode(true) as SVGSVGElement;
  const paths = document.createElementNS(SVG_NS, "g");
  if (overlay) for (const child of overlay.children) paths.append(child.cloneNode(true));
  svg.append(paths);
  svg.setAttribute("xmlns", SVG_NS);
  return new XMLSerializer().serializeToString(svg);
}

export function download(name: string, content: Blob | string, type = "text/plain"): void {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rasterises an SVG document at twice its size, on a white background. */
export async function svgToPng(svgText: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: width * 2, height: height * 2 });
    const context = canvas.getContext("2d")!;
    context.fillStyle = "white";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
