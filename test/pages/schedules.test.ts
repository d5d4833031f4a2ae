// The claims of the Learning-rate schedules page (src/schedules.md), computed with its default settings.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runOptimizer, type ScheduleSpec } from "../../lib/index.js";
import { annealEnds, distinctPlaces } from "../../lib/analysis/annealEnds.js";
import { defaultValues, scheduleEntry } from "../../lib/analysis/scheduleCatalog.js";

// The page's loss cell and defaults.
const loss = "rastrigin";
const start = [3.1, 2.2];
const steps = 200;
const run = (schedule: ScheduleSpec, lr = 0.02) => runOptimizer({ objective: loss, start, optimizer: { name: "sgd", lr }, schedule, steps });
const placesVisited = (trace: ReturnType<typeof run>) => distinctPlaces([...annealEnds(trace).map((e) => e.point), trace.path[trace.path.length - 1]], 0.3);

describe("warm restarts hop between basins", () => {
  const entry = scheduleEntry("cosineWarmRestarts");
  const trace = run(entry.spec(defaultValues(entry), steps));

  it("the default run (T_0 = 40, η₀ = 0.02) ends its anneals in at least three different pits of Rastrigin", () => {
    const ends = annealEnds(trace);
    expect(ends.map((e) => e.step)).toEqual([40, 80, 120, 160]);
    expect(placesVisited(trace)).toBeGreaterThanOrEqual(3);
    // Each anneal ends at rest in a pit: the loss there is near a local minimum's value of Rastrigin (close to an integer sum of squares).
    for (const e of ends) expect(Math.hypot(...e.point.map((v) => v - Math.round(v)))).toBeLessThan(0.05);
  });

  it("a restart throws the run out of its pit: the loss jumps right after each one", () => {
    for (const e of annealEnds(trace)) expect(Math.max(...trace.loss.slice(e.step + 1, e.step + 10))).toBeGreaterThan(e.loss + 5);
  });

  it("one cosine anneal has no restarts, and a small constant η stays in the first pit", () => {
    const cosine = scheduleEntry("cosine");
    expect(annealEnds(run(cosine.spec(defaultValues(cosine), steps)))).toEqual([]);
    const small = run({ name: "constant" }, 0.004);
    expect(small.path[small.path.length - 1].map(Math.round)).toEqual([3, 2]);
  });
});

describe("reduce on plateau with a floor (the page's second figure)", () => {
  const plateau = (patience: number, earlyStopping?: { patience: number; minDelta: number }) =>
    runOptimizer({
      objective: loss,
      start,
      steps: 400,
      seed: 1,
      optimizer: { name: "sgd", lr: 0.004 },
      schedule: { name: "reduceOnPlateau", factor: 0.5, patience, minLr: 0.0002, stopAtMinLr: true },
      gradientNoise: 5,
      earlyStopping,
    });

  it("cuts η only after more than `patience` = 10 steps without improvement, and stops once η sits at the floor", () => {
    const trace = plateau(10);
    const cuts = trace.events.filter((e) => e.kind === "lrDecay");
    expect(cuts.length).toBeGreaterThanOrEqual(4);
    // Steps since the loss last improved on its best by PyTorch's default relative threshold 1e-4.
    let best = Infinity;
    let stale = 0;
    const staleAt: number[] = [];
    trace.loss.forEach((v, k) => {
      if (k > 0 && v < best * (1 - 1e-4)) [best, stale] = [v, 0];
      else if (k > 0) ++stale;
      else best = v;
      staleAt[k] = stale;
      if (cuts.some((c) => c.step === k)) stale = 0;
    });
    for (const cut of cuts) expect(staleAt[cut.step]).toBe(11);
    for (let i = 1; i < cuts.length; ++i) expect(cuts[i].step - cuts[i - 1].step).toBeGreaterThanOrEqual(11);
    expect(trace.stop.reason).toBe("minLr");
    expect(trace.lr[trace.lr.length - 1]).toBe(0.0002);
    expect(Math.min(...trace.lr)).toBe(0.0002);
  });

  it("early stopping (40 steps without a gain of 0.001) ends the run before η reaches its floor, unless the patience is short", () => {
    const withEarlyStop = plateau(10, { patience: 40, minDelta: 1e-3 });
    expect(withEarlyStop.stop.reason).toBe("earlyStopping");
    expect(withEarlyStop.stop.step).toBeLessThan(plateau(10).stop.step);
    expect(plateau(5, { patience: 40, minDelta: 1e-3 }).stop.reason).toBe("minLr");
  });
});

describe("the page", () => {
  const page = readFileSync(new URL("../../src/schedules.md", import.meta.url), "utf8");
  it("corrects the seed: step decay is a decaying learning rate, not simulated annealing", () => {
    expect(page).toMatch(/"simulated annealing"\. It is not/);
  });
  it("keeps its loss function in one marked cell, the one this test uses", () => {
    expect(page).toContain(`// ✏️ The loss function of this page`);
    expect(page).toContain(`const loss = "${loss}";`);
    expect(page).toContain(`const start = [${start.join(", ")}];`);
  });
});
