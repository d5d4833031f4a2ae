import { describe, expect, it } from "vitest";
import { defaultValues, pytorchScheduler, pythonNumber, scheduleCatalog, scheduleEntry, scheduleRates } from "../../../lib/analysis/scheduleCatalog.js";
import { schedules, validateRunSpec } from "../../../lib/index.js";

describe("scheduleCatalog", () => {
  it("offers every schedule in lib/schedules, and each cyclical mode", () => {
    const names = new Set(scheduleCatalog.map((e) => e.spec(defaultValues(e), 200).name));
    expect([...names].sort()).toEqual([...Object.keys(schedules), "reduceOnPlateau"].sort());
    const modes = scheduleCatalog.flatMap((e) => {
      const spec = e.spec(defaultValues(e), 200);
      return spec.name === "cyclic" ? [spec.mode] : [];
    });
    expect(modes).toEqual(["triangular", "triangular2", "expRange"]);
  });

  it("every parameter's default lies in its range, and the spec from the ends of the ranges validates", () => {
    for (const entry of scheduleCatalog) {
      for (const p of entry.params) {
        expect(p.value, `${entry.id}.${p.key}`).toBeGreaterThanOrEqual(p.min);
        expect(p.value, `${entry.id}.${p.key}`).toBeLessThanOrEqual(p.max);
      }
      for (const pick of ["min", "max", "value"] as const) {
        const values = Object.fromEntries(entry.params.map((p) => [p.key, p[pick]]));
        const spec = entry.spec(values, 200);
        expect(() => validateRunSpec({ objective: "rastrigin", start: [0, 0], optimizer: { name: "sgd", lr: 0.01 }, schedule: spec, steps: 200 }), `${entry.id} at ${pick}`).not.toThrow();
      }
    }
  });

  it("scheduleRates follows createSchedule and is null for reduceOnPlateau", () => {
    expect(scheduleRates({ name: "step", stepSize: 2, gamma: 0.5 }, 1, 6)).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25]);
    expect(scheduleRates({ name: "reduceOnPlateau" }, 1, 6)).toBeNull();
  });
});

describe("pytorchScheduler", () => {
  it("writes CosineAnnealingWarmRestarts from the controls", () => {
    const entry = scheduleEntry("cosineWarmRestarts");
    expect(pytorchScheduler(entry.spec({ t0: 40, tMult: 2, etaMin: 0.001 }, 200))).toBe(
      "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=40, T_mult=2, eta_min=0.001)",
    );
  });

  it("turns off cycle_momentum for CyclicLR and OneCycleLR (plain SGD has none) and spells exp_range as PyTorch does", () => {
    const line = pytorchScheduler({ name: "cyclic", baseLr: 0.002, maxLr: 0.02, stepSizeUp: 25, mode: "expRange", gamma: 0.99 });
    expect(line).toBe("torch.optim.lr_scheduler.CyclicLR(opt, base_lr=0.002, max_lr=0.02, step_size_up=25, mode='exp_range', gamma=0.99, cycle_momentum=False)");
    expect(pytorchScheduler({ name: "oneCycle", maxLr: 0.02, totalSteps: 200 })).toContain("total_steps=200");
    expect(pytorchScheduler({ name: "oneCycle", maxLr: 0.02, totalSteps: 200 })).toContain("cycle_momentum=False");
  });

  it("names each scheduler", () => {
    const lines = scheduleCatalog.map((e) => pytorchScheduler(e.spec(defaultValues(e), 200)));
    expect(lines.map((l) => l?.match(/lr_scheduler\.(\w+)/)?.[1] ?? null)).toEqual([
      null, "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts",
      "CyclicLR", "CyclicLR", "CyclicLR", "OneCycleLR", "LinearLR", "ReduceLROnPlateau",
    ]);
  });

  it("prints numbers as Python's repr does", () => {
    expect([0.5, 200, 0.0002, 0.00001, 1e4].map(pythonNumber)).toEqual(["0.5", "200", "0.0002", "1e-05", "10000"]);
  });
});
