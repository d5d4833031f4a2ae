// npm run bench [-- --json]: how fast the library is where a page feels it. Medians of repeated runs after warm-up,
// in CPU time of this process (on an idle machine, the wall time).
//   raceNamedMs  6 optimizers × 1,000 steps through runOptimizer on rosenbrock        (target < 2 ms)
//   raceExprMs   the same race on a typed expression                                  (target < 5 ms)
//   adamOverSweep  one Adam step on 1e6 float64 params ÷ a plain sweep a[i] += b[i]*c[i] (target ≤ 2)
//   tfjsOverAdam   the same Adam step in tfjs-core's CPU backend ÷ ours                 (target ≥ 3)
import type { OptimizerSpec, RunSpec } from "../lib/types.js";
import { adam } from "../lib/optimizers/adam.js";

const json = process.argv.includes("--json");
const notes: string[] = [];
// stdout carries only the result (one JSON line with --json): whatever else prints (tfjs's banner) goes to stderr.
const print = (text: string) => process.stdout.write(text + "\n");
console.log = console.info = console.warn = (...args: unknown[]) => console.error(...args);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** CPU time of this process in ms (user + system): unlike wall time, not inflated when other processes share the cores. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Median CPU time of `fn` in ms over `repeats` runs, after `warmup` runs. */
function time(fn: () => void, repeats: number, warmup = Math.max(3, repeats >> 2)): number {
  for (let i = 0; i < warmup; ++i) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; ++i) {
    const t0 = cpuMs();
    fn();
    times.push(cpuMs() - t0);
  }
  return median(times);
}

const racers: OptimizerSpec[] = [
  { name: "sgd", lr: 1e-3 },
  { name: "momentum", lr: 1e-3, beta: 0.9 },
  { name: "adam", lr: 0.01 },
  { name: "rmsprop", lr: 1e-3 },
  { name: "adagrad", lr: 0.1 },
  { name: "adadelta" },
];

async function race(objective: RunSpec["objective"], start: number[]): Promise<number | null> {
  try {
    const { runOptimizer } = await import("../lib/run.js");
    const specs = racers.map((optimizer): RunSpec => ({ objective, start, optimizer, steps: 1000 }));
    return time(() => specs.forEach((spec) => runOptimizer(spec)), 50);
  } catch (error) {
    notes.push(`race on ${JSON.stringify(objective)} not measured: ${(error as Error).message}`);
    return null;
  }
}

const N = 1_000_000;

/**
 * The sweep and the Adam step alternate, and the ratio is the median of the per-pair ratios: on a shared machine
 * the load changes from second to second, and a pair measured back to back sees the same load.
 * Also measured: a loop doing only one square root and one division per element, Adam's arithmetic floor.
 */
function adamOverSweep(): { sweepMs: number; adamMs: number; ratio: number; floorMs: number } {
  const [a, b, c] = [new Float64Array(N), new Float64Array(N).fill(1e-3), new Float64Array(N).fill(0.5)];
  const sweep = () => {
    for (let i = 0; i < N; ++i) a[i] += b[i] * c[i];
  };
  const optimizer = adam();
  const state = optimizer.init(N);
  const params = new Float64Array(N).fill(1);
  const grad = Float64Array.from({ length: N }, (_, i) => Math.sin(i));
  const step = () => optimizer.step(params, grad, 1e-3, state);
  const [sweepMs, adamMs, ratios] = [[] as number[], [] as number[], [] as number[]];
  for (let pair = 0; pair < 40; ++pair) {
    const [s, t] = [time(sweep, 1, pair === 0 ? 5 : 0), time(step, 1, pair === 0 ? 5 : 0)];
    if (pair < 5) continue; // warm-up
    sweepMs.push(s);
    adamMs.push(t);
    ratios.push(t / s);
  }
  const floorMs = time(() => {
    for (let i = 0; i < N; ++i) a[i] += c[i] / (Math.sqrt(b[i]) + 1e-8);
  }, 30);
  return { sweepMs: median(sweepMs), adamMs: median(adamMs), ratio: median(ratios), floorMs };
}

async function tfjsAdamMs(): Promise<number | null> {
  try {
    const tf = await import("@tensorflow/tfjs-core");
    await import("@tensorflow/tfjs-backend-cpu");
    await tf.setBackend("cpu");
    // tfjs has no float64: its tensors are float32, so it moves half the bytes ours does.
    const x = tf.variable(tf.ones([N]));
    const grad = tf.sin(tf.range(0, N));
    const optimizer = tf.train.adam(1e-3);
    const ms = time(() => optimizer.applyGradients([{ name: x.name, tensor: grad }]), 15);
    notes.push("tfjs runs in float32 (it has no float64 tensors); ours in float64");
    return ms;
  } catch (error) {
    notes.push(`tfjs not measured: ${(error as Error).message}`);
    return null;
  }
}

const raceNamedMs = await race("rosenbrock", [-1.5, 2]);
const raceExprMs = await race({ expr: "sin(x)*cos(y) + 0.1*(x^2+y^2)" }, [1, 2]);
const { sweepMs, adamMs, ratio, floorMs } = adamOverSweep();
const tfjsMs = await tfjsAdamMs();
const result = {
  raceNamedMs,
  raceExprMs,
  adamOverSweep: ratio,
  tfjsOverAdam: tfjsMs === null ? null : tfjsMs / adamMs,
};

if (json) {
  print(JSON.stringify(result));
  for (const note of notes) console.error(`note: ${note}`);
} else {
  const row = (what: string, value: number | null, unit: string, target: string) =>
    `${what.padEnd(52)} ${value === null ? "null".padStart(9) : value.toFixed(3).padStart(9)} ${unit.padEnd(3)} ${target}`;
  print(
    [
      row("race: 6 optimizers × 1,000 steps, rosenbrock", raceNamedMs, "ms", "target < 2 ms"),
      row("race: 6 optimizers × 1,000 steps, expression", raceExprMs, "ms", "target < 5 ms"),
      row("plain sweep a[i] += b[i]*c[i], 1e6 float64", sweepMs, "ms", ""),
      row("one Adam step, 1e6 float64 params", adamMs, "ms", ""),
      row("one sqrt and one division per element, 1e6", floorMs, "ms", "(Adam's arithmetic floor)"),
      row("one Adam step, tfjs-core cpu backend", tfjsMs, "ms", ""),
      row("Adam step ÷ sweep", result.adamOverSweep, "×", "target ≤ 2"),
      row("tfjs Adam step ÷ ours", result.tfjsOverAdam, "×", "target ≥ 3"),
      ...notes.map((note) => `note: ${note}`),
    ].join("\n"),
  );
}
