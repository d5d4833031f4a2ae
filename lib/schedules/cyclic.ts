// Cyclical learning rates (Smith 2017) as PyTorch's CyclicLR with cycle_momentum=False.
// The lr moves between baseLr and maxLr on its own: the optimizer's lr is ignored, as PyTorch overwrites it with baseLr.
import type { Schedule, ScheduleSpec } from "../types.js";

type CyclicOptions = Omit<Extract<ScheduleSpec, { name: "cyclic" }>, "name">;

export function cyclic({ baseLr, maxLr, stepSizeUp = 2000, stepSizeDown = stepSizeUp, mode = "triangular", gamma = 1 }: CyclicOptions): Schedule {
  const totalSize = stepSizeUp + stepSizeDown;
  const stepRatio = stepSizeUp / totalSize;
  const scale = (cycle: number, k: number) =>
    mode === "triangular" ? 1 : mode === "triangular2" ? 1 / 2 ** (cycle - 1) : gamma ** k;
  return (k) => {
    const cycle = Math.floor(1 + k / totalSize);
    const x = 1 + k / totalSize - cycle;
    const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    return baseLr + (maxLr - baseLr) * scaleFactor * scale(cycle, k);
  };
}
