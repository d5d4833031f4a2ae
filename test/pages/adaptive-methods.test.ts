// @vitest-environment jsdom
// The claims of the Adaptive methods page, computed with lib/ as the page computes them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { adamMoments } from "../../lib/analysis/adamMoments.js";
import { updateExcerpt } from "../../src/components/sourceExcerpt.js";
import { AdaptiveLrChart, AdaptiveMomentsChart } from "../../src/components/AdaptiveCharts.js";

const objective = { name: "ravine", params: { kappa: 25 } } as const;
const start = [-3.5, 1.5];

describe("Adaptive methods page", () => {
  it("each card shows its optimizer's own update lines from lib/", () => {
    const cut = (name: string) => updateExcerpt(readFileSync(`lib/optimizers/${name}.ts`, "utf8"), `lib/optimizers/${name}.ts`);
    const source = { adagrad: cut("adagrad"), rmsprop: cut("rmsprop"), adam: cut("adam"), adamw: cut("adam") };
    // The identifiers the page's "Reading the code" paragraph names.
    expect(source.adagrad.code).toContain("sum[i] += g * g");
    expect(source.rmsprop.code).toContain("s[i] = alpha * s[i] + (1 - alpha) * g * g");
    expect(source.adam.code).toContain("v[i] = beta2 * v[i] + (1 - beta2) * g * g");
    for (const name of ["m[i] = beta1", "stepSize"]) expect(source.adam.code).toContain(name);
    expect(source.adamw.code).toMatch(/decay \* params\[i\]|params\[i\] \*= decay/);
    expect(source.adamw.code).toContain("1 - lr * weightDecay");
    for (const excerpt of Object.values(source) as { source: string }[]) expect(excerpt.source).toBe("region");
  });

  it("on the ravine, Adam's effective rate along the steep axis is far below its rate along the shallow one", () => {
    const t = runOptimizer({ objective, start, optimizer: { name: "adam", lr: 0.1 }, steps: 1, recordState: true });
    const [ex, ey] = t.state!.effectiveLr[0];
    // After one step √v̂ = |g|: the rates are η/|g_x| and η/|g_y|, in the ratio |g_x|/|g_y| = 3.5/37.5.
    expect(ey / ex).toBeCloseTo(3.5 / 37.5, 6);
  });

  it("AdaGrad's effective rates only decrease", () => {
    const t = runOptimizer({ objective, start, optimizer: { name: "adagrad", lr: 0.1 }, steps: 50, recordState: true });
    const rates = t.state!.effectiveLr;
    for (let k = 1; k < rates.length; ++k) for (const c of [0, 1]) expect(rates[k][c]).toBeLessThanOrEqual(rates[k - 1][c]);
  });

  it("Adam's first step is η with bias correction and about 3.16·η without, on y = x² from 10", () => {
    const run = runOptimizer({ objective: "quadratic1d", start: [10], optimizer: { name: "adam", lr: 0.1 }, steps: 60, recordState: true });
    const [first] = adamMoments(run, 0);
    expect(first.mHat).toBeCloseTo(20, 10);
    expect(Math.sqrt(first.vHat)).toBeCloseTo(20, 10);
    expect(first.correctedStep).toBeCloseTo(0.1, 8);
    expect(first.uncorrectedStep / first.correctedStep).toBeCloseTo(3.1623, 3);
  });

  it("RMSProp and Adam end far below plain descent at its stable η = 1.5/κ after 80 steps (κ = 100)", () => {
    const ravine = { name: "ravine", params: { kappa: 100 } } as const;
    const gd = runOptimizer({ objective: ravine, start, optimizer: { name: "sgd", lr: 0.015 }, steps: 80 });
    for (const name of ["rmsprop", "adam"] as const) {
      const t = runOptimizer({ objective: ravine, start, optimizer: { name, lr: 0.1 }, steps: 80 });
      expect(t.loss.at(-1)!).toBeLessThan(gd.loss.at(-1)! / 10);
    }
  });

  it("the charts keep their axes for nearby η and say what they show", () => {
    const moments = (lr: number, corrected: boolean, panel: "moments" | "step") => {
      const run = runOptimizer({ objective: "quadratic1d", start: [10], optimizer: { name: "adam", lr }, steps: 60, recordState: true });
      return AdaptiveMomentsChart(adamMoments(run, 0), { width: 640, height: 220, corrected, lr, panel });
    };
    expect(moments(0.1, true, "moments").baseKey).toBe(moments(0.12, true, "moments").baseKey);
    expect(moments(0.1, true, "step").baseKey).toBe(moments(0.12, true, "step").baseKey);
    expect(moments(0.1, true, "moments").overlay.getAttribute("aria-label")).toBe("Adam's moments with bias correction");
    expect(moments(0.1, false, "moments").overlay.getAttribute("aria-description")).toMatch(/^At step 1, m = 2, √v = 0\.6325; at step 60/);
    expect(moments(0.1, false, "step").legend?.textContent).toContain("η·m/(√v+ε) ÷ η");
    const lr = (eta: number) =>
      AdaptiveLrChart(
        (["adagrad", "rmsprop", "adam"] as const).map((name) => ({ label: name, trace: runOptimizer({ objective, start, optimizer: { name, lr: eta }, steps: 80, recordState: true }) })),
        { width: 640, height: 260, reference: 2 / 25 },
      );
    expect(lr(0.1).baseKey).toBe(lr(0.11).baseKey);
    expect(lr(0.1).overlay.getAttribute("aria-description")).toMatch(/^adagrad: after the last step, [\d.]+ along x and [\d.]+ along y\./);
  });
});
