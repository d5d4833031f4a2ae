// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { runOptimizer, type RunSpec } from "../../lib/index.js";
import { Select, Slider, SpecControls, Toggle, fromLogPosition } from "../../src/components/inputs.js";

describe("labelled inputs", () => {
  it("Slider({log}) moves along log10 and shows its value beside a linked label", () => {
    const form = Slider({ label: "learning rate η", min: 0.001, max: 1, value: 0.01, log: true });
    const input = form.querySelector("input")!;
    expect(form.querySelector("label")!.htmlFor).toBe(input.id);
    expect([input.min, input.max, input.value]).toEqual(["-3", "0", "-2"]);
    input.value = "-1.5";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    expect(form.value).toBe(fromLogPosition(-1.5));
    expect(form.querySelector("output")!.textContent).toBe("0.0316");
  });

  it("Select keeps any values and Toggle a boolean", () => {
    const select = Select({ label: "optimizer", options: [{ name: "sgd" }, { name: "adam" }], value: undefined, format: (o) => o.name });
    expect(select.value).toEqual({ name: "sgd" });
    expect(Toggle({ label: "log scale", value: true }).value).toBe(true);
  });

  it("SpecControls(spec, {'optimizer.lr': slider}) yields the spec with the control's value, leaving the original alone", () => {
    const spec: RunSpec = { objective: "quadratic1d", start: [10], optimizer: { name: "sgd", lr: 0.5 }, steps: 20 };
    const lr = Slider({ label: "η", min: 0.01, max: 1, value: 0.1 });
    const steps = Slider({ label: "steps", min: 1, max: 50, step: 1, value: 20 });
    const controls = SpecControls(spec, { "optimizer.lr": lr, steps });
    expect(controls.value.optimizer).toEqual({ name: "sgd", lr: 0.1 });
    expect(spec.optimizer.lr).toBe(0.5);
    expect(runOptimizer(controls.value).path[20][0]).toBeCloseTo(10 * 0.8 ** 20, 12);
    let heard = 0;
    controls.addEventListener("input", () => ++heard);
    lr.querySelector("input")!.dispatchEvent(new Event("input", { bubbles: true }));
    expect(heard).toBe(1);
  });
});
