// BudgetRace answers the race for every budget from one set of long runs: it must give exactly what race() gives.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { race, standardRacers } from "../../lib/analysis/race.js";
import { BudgetRace, truncateTrace } from "../../src/components/budgetRace.js";

describe("BudgetRace", () => {
  const cases = [
    { objective: "rosenbrock" as const, start: [-1.4, 2.4] },
    { objective: "rastrigin" as const, start: [-4, 4] },
    { objective: { expr: "x^2 + 10*y^2 + 3*sin(x)" }, start: [-2.1, 2.1] },
  ];
  for (const { objective, start } of cases) {
    it(`gives race()'s entries, tuning included, for every budget (${JSON.stringify(objective)})`, () => {
      const all = BudgetRace({ objective, start, maxSteps: 240 }, standardRacers);
      while (all.ready < standardRacers.length) all.work();
      for (const steps of [1, 2, 20, 73, 150, 240]) {
        expect(all.at(steps)).toEqual(race({ objective, start, steps }, standardRacers));
      }
    });
  }

  it("computes racer by racer, and answers for the racers that are ready", () => {
    const all = BudgetRace({ objective: "rosenbrock", start: [-1.4, 2.4], maxSteps: 50 }, standardRacers);
    expect(all.at(30)).toEqual([]);
    expect(all.work()).toBe(1);
    expect(all.at(30)).toEqual(race({ objective: "rosenbrock", start: [-1.4, 2.4], steps: 30 }, standardRacers.slice(0, 1)));
    expect(all.work(1e9)).toBe(standardRacers.length);
    expect(all.ms).toBeGreaterThan(0);
    expect(() => all.at(51)).toThrow(/from 1 to 50/);
  });

  it("truncates a diverging run as the shorter run would stop", () => {
    const spec = { objective: "rosenbrock" as const, start: [-1.4, 2.4], optimizer: { name: "sgd" as const, lr: 0.01 } };
    const long = runOptimizer({ ...spec, steps: 100 });
    expect(long.stop.reason).toBe("diverged");
    const s = long.stop.step;
    for (const steps of [1, s - 1, s, s + 1, s + 2, 100]) {
      if (steps < 1) continue;
      expect(truncateTrace(long, steps)).toEqual(runOptimizer({ ...spec, steps }));
    }
  });
});
