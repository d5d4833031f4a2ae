// The basin map's Web Worker: receives a BasinSpec, computes it row by row and posts progress, so the page stays responsive.
// Bundled with lib/ into one file by basins-worker.js.ts; the page starts it with new Worker(url, {type: "module"}).
import { basinMapper, type BasinMap, type BasinSpec } from "../../lib/analysis/basins.js";

export type BasinMessage =
  | { type: "progress"; done: number; rows: number; map: BasinMap }
  | { type: "error"; message: string };

const post = (message: BasinMessage) => (self as unknown as { postMessage(m: BasinMessage): void }).postMessage(message);

self.onmessage = (event: MessageEvent<BasinSpec>) => {
  try {
    const mapper = basinMapper(event.data);
    // About twenty progress reports per map, each with the rows so far.
    const every = Math.max(1, Math.round(mapper.rows / 20));
    for (let j = 0; j < mapper.rows; ++j) {
      mapper.row(j);
      if ((j + 1) % every === 0 || j + 1 === mapper.rows) post({ type: "progress", done: j + 1, rows: mapper.rows, map: mapper.result() });
    }
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
