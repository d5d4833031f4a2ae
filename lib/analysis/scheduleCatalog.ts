// Every learning-rate schedule of lib/schedules as a page offers it: a label, its parameters with sensible
// ranges, the ScheduleSpec those values make, and the PyTorch line that builds the same scheduler.
import type { ScheduleSpec } from "../types.js";
import { createSchedule } from "../schedules/index.js";

export interface ScheduleParam {
  key: string;
  label: string;
  min: number;
  max: number;
  /** Default value. */
  value: number;
  step?: number;
  log?: boolean;
}

export interface ScheduleEntry {
  /** A unique id: the spec name, or "cyclic-<mode>" for the three cyclical modes. */
  id: string;
  label: string;
  /** Whether the optimizer's base lr sets the scale (cyclic and oneCycle set their own). */
  usesBaseLr: boolean;
  params: ScheduleParam[];
  /** The spec for these parameter values over a run of `steps` steps. */
  spec(values: Readonly<Record<string, number>>, steps: number): ScheduleSpec;
}

const int = (key: string, label: string, min: number, max: number, value: number): ScheduleParam => ({ key, label, min, max, value, step: 1 });
const gamma = (value: number, min = 0.05, max = 0.95, step = 0.01): ScheduleParam => ({ key: "gamma", label: "decay factor γ", min, max, value, step });
const etaMin: ScheduleParam = { key: "etaMin", label: "floor η_min", min: 0, max: 0.01, value: 0, step: 0.0005 };
const lrParam = (key: string, label: string, value: number): ScheduleParam => ({ key, label, min: 0.0005, max: 0.1, value, log: true });

const cyclic = (mode: "triangular" | "triangular2" | "expRange", label: string): ScheduleEntry => ({
  id: `cyclic-${mode}`,
  label,
  usesBaseLr: false,
  params: [
    lrParam("baseLr", "lowest η (base_lr)", 0.002),
    lrParam("maxLr", "highest η (max_lr)", 0.02),
    int("stepSizeUp", "steps up (half a cycle)", 5, 100, 25),
    ...(mode === "expRange" ? [gamma(0.99, 0.95, 0.9995, 0.0005)] : []),
  ],
  spec: ({ baseLr, maxLr, stepSizeUp, gamma }) => ({ name: "cyclic", baseLr, maxLr, stepSizeUp, mode, ...(mode === "expRange" ? { gamma } : {}) }),
});

export const scheduleCatalog: readonly ScheduleEntry[] = [
  { id: "constant", label: "Constant", usesBaseLr: true, params: [], spec: () => ({ name: "constant" }) },
  {
    id: "step",
    label: "Step decay",
    usesBaseLr: true,
    params: [int("stepSize", "steps between cuts", 5, 150, 50), gamma(0.5)],
    spec: ({ stepSize, gamma }) => ({ name: "step", stepSize, gamma }),
  },
  {
    id: "multiStep",
    label: "Multi-step decay",
    usesBaseLr: true,
    params: [int("first", "first milestone", 1, 300, 60), int("second", "second milestone", 1, 300, 140), gamma(0.3)],
    spec: ({ first, second, gamma }) => ({ name: "multiStep", milestones: [first, second], gamma }),
  },
  {
    id: "exponential",
    label: "Exponential decay",
    usesBaseLr: true,
    params: [gamma(0.985, 0.9, 0.999, 0.001)],
    spec: ({ gamma }) => ({ name: "exponential", gamma }),
  },
  {
    id: "cosine",
    label: "Cosine annealing",
    usesBaseLr: true,
    params: [int("tMax", "half period T_max", 10, 400, 200), etaMin],
    spec: ({ tMax, etaMin }) => ({ name: "cosine", tMax, etaMin }),
  },
  {
    id: "cosineWarmRestarts",
    label: "Cosine with warm restarts",
    usesBaseLr: true,
    params: [int("t0", "first period T_0", 5, 150, 40), int("tMult", "period multiplier T_mult", 1, 3, 1), etaMin],
    spec: ({ t0, tMult, etaMin }) => ({ name: "cosineWarmRestarts", t0, tMult, etaMin }),
  },
  cyclic("triangular", "Cyclical, triangular"),
  cyclic("triangular2", "Cyclical, triangular2"),
  cyclic("expRange", "Cyclical, exp-range"),
  {
    id: "oneCycle",
    label: "One-cycle",
    usesBaseLr: false,
    params: [
      lrParam("maxLr", "peak η (max_lr)", 0.02),
      { key: "pctStart", label: "share warming up", min: 0.05, max: 0.95, value: 0.3, step: 0.05 },
      { key: "divFactor", label: "start = peak ÷", min: 2, max: 100, value: 25, step: 1 },
      { key: "finalDivFactor", label: "end = start ÷", min: 10, max: 10000, value: 10000, log: true },
    ],
    // PyTorch's OneCycleLR refuses to step past total_steps, so the cycle spans the whole run.
    spec: ({ maxLr, pctStart, divFactor, finalDivFactor }, steps) => ({ name: "oneCycle", maxLr, totalSteps: steps, pctStart, divFactor, finalDivFactor }),
  },
  {
    id: "linear",
    label: "Linear warm-up",
    usesBaseLr: true,
    params: [
      { key: "startFactor", label: "start at base η ×", min: 0.01, max: 1, value: 0.05, step: 0.01 },
      int("totalIters", "warm-up steps", 1, 200, 60),
    ],
    spec: ({ startFactor, totalIters }) => ({ name: "linear", startFactor, endFactor: 1, totalIters }),
  },
  {
    id: "reduceOnPlateau",
    label: "Reduce on plateau",
    usesBaseLr: true,
    params: [
      { key: "factor", label: "cut factor", min: 0.1, max: 0.9, value: 0.5, step: 0.05 },
      int("patience", "patience (steps)", 0, 40, 10),
      { key: "minLr", label: "floor min_lr", min: 1e-5, max: 0.01, value: 0.0005, log: true },
    ],
    spec: ({ factor, patience, minLr }) => ({ name: "reduceOnPlateau", factor, patience, minLr, stopAtMinLr: true }),
  },
];

export function scheduleEntry(id: string): ScheduleEntry {
  const entry = scheduleCatalog.find((e) => e.id === id);
  if (!entry) throw new Error(`unknown schedule "${id}"; choose one of ${scheduleCatalog.map((e) => e.id).join(", ")}`);
  return entry;
}

/** Each parameter at its default. */
export function defaultValues(entry: ScheduleEntry): Record<string, number> {
  return Object.fromEntries(entry.params.map((p) => [p.key, p.value]));
}

/** A number as Python would write it in a call: 0.5, 1e-05, 200. */
export function pythonNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  // Python's repr switches to an exponent below 1e-4.
  return Math.abs(v) < 1e-4 ? v.toExponential().replace(/e([+-])(\d)$/, "e$10$2") : String(Number(v.toPrecision(6)));
}

/** The torch.optim.lr_scheduler line that builds the same schedule for an optimizer `opt` (null for constant). */
export function pytorchScheduler(spec: ScheduleSpec): string | null {
  const call = (name: string, args: Record<string, string | number | undefined>) =>
    `torch.optim.lr_scheduler.${name}(opt, ${Object.entries(args)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === "number" ? pythonNumber(v) : v}`)
      .join(", ")})`;
  switch (spec.name) {
    case "constant":
      return null;
    case "step":
      return call("StepLR", { step_size: spec.stepSize, gamma: spec.gamma ?? 0.1 });
    case "multiStep":
      return call("MultiStepLR", { milestones: `[${[...spec.milestones].sort((a, b) => a - b).join(", ")}]`, gamma: spec.gamma ?? 0.1 });
    case "exponential":
      return call("ExponentialLR", { gamma: spec.gamma });
    case "cosine":
      return call("CosineAnnealingLR", { T_max: spec.tMax, eta_min: spec.etaMin ?? 0 });
    case "cosineWarmRestarts":
      return call("CosineAnnealingWarmRestarts", { T_0: spec.t0, T_mult: spec.tMult ?? 1, eta_min: spec.etaMin ?? 0 });
    case "cyclic": {
      const mode = spec.mode ?? "triangular";
      return call("CyclicLR", {
        base_lr: spec.baseLr,
        max_lr: spec.maxLr,
        step_size_up: spec.stepSizeUp ?? 2000,
        step_size_down: spec.stepSizeDown,
        mode: mode === "expRange" ? "'exp_range'" : `'${mode}'`,
        gamma: mode === "expRange" ? (spec.gamma ?? 1) : undefined,
        // Plain SGD has no momentum to cycle; PyTorch raises unless this is off.
        cycle_momentum: "False",
      });
    }
    case "oneCycle":
      return call("OneCycleLR", {
        max_lr: spec.maxLr,
        total_steps: spec.totalSteps,
        pct_start: spec.pctStart ?? 0.3,
        anneal_strategy: `'${spec.annealStrategy ?? "cos"}'`,
        div_factor: spec.divFactor ?? 25,
        final_div_factor: spec.finalDivFactor ?? 1e4,
        cycle_momentum: "False",
      });
    case "linear":
      return call("LinearLR", { start_factor: spec.startFactor ?? 1 / 3, end_factor: spec.endFactor ?? 1, total_iters: spec.totalIters ?? 5 });
    case "reduceOnPlateau":
      return call("ReduceLROnPlateau", { mode: "'min'", factor: spec.factor ?? 0.1, patience: spec.patience ?? 10, min_lr: spec.minLr ?? 0 });
  }
}

/** η at each of `steps` steps for a spec and base lr; null for reduceOnPlateau, whose η depends on the losses a run sees. */
export function scheduleRates(spec: ScheduleSpec, lr: number, steps: number): number[] | null {
  if (spec.name === "reduceOnPlateau") return null;
  const schedule = createSchedule(spec, lr);
  return Array.from({ length: steps }, (_, k) => schedule(k));
}
