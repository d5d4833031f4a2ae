// Data loader: every basin map of the Local minima page's built-in landscapes, at each learning rate and noise level
// its sliders offer (src/components/basinSettings.ts), computed by lib/ at build time and printed as JSON. The page
// shows these at once and runs Web Workers only for a typed expression. Two processes share the work: this file
// started with a shard argument computes its half of the maps.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { basinMap } from "../../lib/analysis/basins.js";
import { resolveObjective } from "../../lib/objectives/index.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";
import { basinEtas, basinMethods, basinNoises, basinResolution, basinSpec, basinSteps, encodeCells, type BasinLandscape, type StoredMaps } from "../components/basinSettings.js";

const keys = ["himmelblau", "sixHumpCamel"] as const;
const landscape = (key: (typeof keys)[number]): BasinLandscape => ({ objective: key, box: testFunctions[key].domain, minima: testFunctions[key].minima });
const [gd, momentum, noisy] = basinMethods;

/** Every map, in a fixed order: [landscape, method, η index, σ index]. */
const jobs = keys.flatMap((key) => [
  ...basinEtas.map((_, i) => ({ key, method: gd, i, j: 0 })),
  ...basinEtas.map((_, i) => ({ key, method: momentum, i, j: 0 })),
  ...basinEtas.flatMap((_, i) => basinNoises.map((_, j) => ({ key, method: noisy, i, j }))),
]);
const compute = (job: (typeof jobs)[number]) =>
  encodeCells(basinMap(basinSpec(landscape(job.key), job.method, basinEtas[job.i], basinNoises[job.j])).cells);

const shards = 2;
const shard = process.argv[2];
if (shard !== undefined) {
  // A worker process: its share of the jobs, one encoded map per line.
  const k = Number(shard);
  process.stdout.write(jobs.filter((_, n) => n % shards === k).map(compute).join("\n") + "\n");
} else {
  const self = fileURLToPath(import.meta.url);
  const parts = await Promise.all(
    Array.from({ length: shards }, (_, k) =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, [...process.execArgv, self, String(k)], { stdio: ["ignore", "pipe", "inherit"] });
        let text = "";
        child.stdout.setEncoding("utf8").on("data", (chunk) => (text += chunk));
        child.on("error", reject);
        child.on("close", (code) => (code === 0 ? resolve(text.trim().split("\n")) : reject(new Error(`basin map shard ${k} exited with ${code}`))));
      }),
    ),
  );
  const encoded = jobs.map((_, n) => parts[n % shards][Math.floor(n / shards)]);
  const out: StoredMaps = { resolution: basinResolution, steps: basinSteps, etas: [...basinEtas], noises: [...basinNoises], landscapes: {} };
  let n = 0;
  for (const key of keys) {
    const objective = resolveObjective(key);
    const take = (count: number) => encoded.slice(n, (n += count));
    out.landscapes[key] = {
      box: { x: [...testFunctions[key].domain.x], y: [...testFunctions[key].domain.y] },
      basins: testFunctions[key].minima.map((m) => ({ point: [...m.point], value: objective.value(m.point) })),
      gd: take(basinEtas.length),
      momentum: take(basinEtas.length),
      noisy: basinEtas.map(() => take(basinNoises.length)),
    };
  }
  process.stdout.write(JSON.stringify(out));
}
