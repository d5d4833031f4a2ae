// Observable Framework configuration for Downhill. See https://observablehq.com/framework/config
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { markdownItMath } from "./src/math.js";

/** The course in reading order (docs: /work/shared/COURSE.md). The home page is src/index.md. */
export const course: { name: string; path: string }[] = [
  { name: "Gradient", path: "/gradient" },
  { name: "Gradient descent", path: "/gradient-descent" },
  { name: "Learning rate", path: "/learning-rate" },
  { name: "When to stop", path: "/when-to-stop" },
  { name: "Cost functions and regression", path: "/cost-functions" },
  { name: "Batch, stochastic, mini-batch", path: "/batch-size" },
  { name: "Momentum", path: "/momentum" },
  { name: "Adaptive methods", path: "/adaptive-methods" },
  { name: "Comparing optimizers", path: "/comparing-optimizers" },
  { name: "Local minima", path: "/local-minima" },
  { name: "Saddle points", path: "/saddle-points" },
  { name: "Exploding and vanishing gradients", path: "/exploding-gradients" },
  { name: "Learning-rate schedules", path: "/schedules" },
  { name: "Stochastic weight averaging", path: "/swa" },
  { name: "Playground", path: "/playground" }
];

const root = fileURLToPath(new URL("./src/", import.meta.url));

/**
 * Only pages whose file exists, checked when the config loads: a page appears in the sidebar and
 * the pager as soon as src/<path>.md is added (`npm run build` sees it at once; a running
 * `npm run dev` after a restart, as it caches this config until this file changes).
 */
export const pages = course.filter(({ path }) => existsSync(`${root}${path.slice(1)}.md`));

export default {
  root: "src",
  title: "Downhill",
  pages,
  pager: true,
  search: true, // Framework's search: a local MiniSearch index in dist/, no external service
  // Publishing under a sub-path (GitHub Pages serves https://<user>.github.io/<repo>/): set
  // DOWNHILL_BASE=/<repo>/ for `npm run build`.
  base: process.env.DOWNHILL_BASE ?? "/",
  // The build test builds into its own directory (DOWNHILL_OUTPUT) so it never races `npm run build`.
  output: process.env.DOWNHILL_OUTPUT ?? "dist",
  preserveExtension: false, // clean URLs: /momentum, not /momentum.html (was `cleanUrls: true`)
  // Light and dark themes without Framework's default Google Fonts stylesheet: see src/style.css.
  style: "style.css",
  globalStylesheets: [],
  // Root-relative paths in `head` are paths into src/: Framework rewrites them to hashed files
  // relative to each page (./_file/assets/…), so they work under any DOWNHILL_BASE.
  head: `<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/katex.css">`,
  // The sources, with English glosses of the Chinese titles (a reader without CJK fonts still learns
  // what each one is).
  footer:
    "Downhill retells, in its own words and live charts, five articles on gradient descent: " +
    "“梯度与梯度下降” (gradients and gradient descent); “Gradient Descent” (Towards Data Science, " +
    "in Chinese translation); “梯度下降背后的数学原理几何？” (the geometry behind gradient descent); " +
    "“梯度下降的基本概念” (the basic ideas of gradient descent); and Ayoosh Kathuria’s " +
    "“一文简述深度学习优化方法——梯度下降” (Paperspace: optimization in deep learning). " +
    "The prose, code and charts here are our own.",
  markdownIt: markdownItMath
};
