// Data loader for /assets/katex.css: KaTeX's stylesheet from node_modules with its woff2 fonts
// inlined as data: URLs. Framework copies a stylesheet but not the fonts it points to, so one
// self-contained file is the robust way to serve both, in `npm run dev` and in dist/ (~350 kB,
// cached by the browser under a content-hashed name).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const cssPath = require.resolve("katex/dist/katex.min.css");
const css = readFileSync(cssPath, "utf8");

// Each @font-face lists woff2, woff and ttf; every browser that runs the course reads woff2.
const fontSource = /src:url\((fonts\/[\w-]+)\.woff2\) format\("woff2"\)[^;}]*/g;
let count = 0;
const inlined = css.replace(fontSource, (_, font: string) => {
  ++count;
  const data = readFileSync(join(dirname(cssPath), `${font}.woff2`)).toString("base64");
  return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
});
if (count === 0 || /url\(fonts\//.test(inlined)) throw new Error(`katex.css: unexpected font rules in ${cssPath}`);
process.stdout.write(inlined);
