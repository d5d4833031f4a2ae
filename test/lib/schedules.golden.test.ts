// Every schedule's lr sequence, and schedules inside runs, against PyTorch 1.13's lr_scheduler (scripts/torch_golden.py).
import { describe, expect, it } from "vitest";
import { createSchedule, runOptimizer, type StatelessScheduleSpec } from "../../lib/index.js";
import { expectClose, expectTraceMatches, fixture, type RunCase, type ScheduleCase } from "../fixtures/torch/replay.js";

describe("schedules match torch.optim.lr_scheduler", () => {
  for (const { schedule, lr, lrs } of fixture<ScheduleCase>("schedules.json")) {
    it(`${JSON.stringify(schedule)} from lr ${lr} matches PyTorch for ${lrs.length} steps`, () => {
      const at = createSchedule(schedule as StatelessScheduleSpec, lr ?? NaN);
      expectClose(lrs.map((_, k) => at(k)), lrs, "lr");
    });
  }
});

describe("scheduled runs match PyTorch", () => {
  for (const { title, spec, trace } of fixture<RunCase>("scheduled-runs.json")) {
    it(`${title} matches PyTorch`, () => expectTraceMatches(runOptimizer(spec), trace));
  }
});

describe("stochastic weight averaging matches torch.optim.swa_utils", () => {
  type SwaCase = RunCase & { swaAverage: number[]; swaCount: number };
  for (const { title, spec, trace, swaAverage, swaCount } of fixture<SwaCase>("swa.json")) {
    it(`${title} matches PyTorch's AveragedModel`, () => {
      const ours = runOptimizer(spec);
      expectTraceMatches(ours, trace);
      expect(ours.swa!.averaged.length).toBe(swaCount);
      expectClose(ours.swa!.average, swaAverage, "swa average");
    });
  }
});
