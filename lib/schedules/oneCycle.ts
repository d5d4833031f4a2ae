// The 1cycle policy (Smith & Topin) as PyTorch's OneCycleLR, two phases, cycle_momentum=False.
// Warm up from maxLr/divFactor to maxLr over pctStart·totalSteps steps, then anneal to maxLr/(divFactor·finalDivFactor).
// The optimizer's lr is ignored (PyTorch overwrites it); validation rejects runs longer than totalSteps, where PyTorch raises.
import type { Schedule, ScheduleSpec } from "../types.js";

type OneCycleOptions = Omit<Extract<ScheduleSpec, { name: "oneCycle" }>, "name">;

export function oneCycle({
  maxLr,
  totalSteps,
  pctStart = 0.3,
  annealStrategy = "cos",
  divFactor = 25,
  finalDivFactor = 1e4,
}: OneCycleOptions): Schedule {
  const initialLr = maxLr / divFactor;
  const minLr = initialLr / finalDivFactor;
  const warmupEnd = pctStart * totalSteps - 1;
  const end = totalSteps - 1;
  const anneal =
    annealStrategy === "cos"
      ? (start: number, stop: number, pct: number) => stop + ((start - stop) / 2) * (Math.cos(Math.PI * pct) + 1)
      : (start: number, stop: number, pct: number) => (stop - start) * pct + start;
  return (k) =>
    k <= warmupEnd ? anneal(initialLr, maxLr, k / warmupEnd) : anneal(maxLr, minLr, (k - warmupEnd) / (end - warmupEnd));
}
