// Data loader: bundles the basin map's worker entry and lib/ into one ES module, printed to stdout (no network, no CDN).
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("./basins-worker-entry.ts", import.meta.url));
const result = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", platform: "browser", target: "es2022", minify: true, logLevel: "silent" });
process.stdout.write(result.outputFiles[0].text);
