// @vitest-environment jsdom
// The 2-D point input: a value, input events, the keyboard; and the trace cut used for replays.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";
import { DraggableContour, firstSteps } from "../../src/components/StartPoint.js";

const himmelblau = testFunctions.himmelblau;
const press = (el: Element, key: string, shiftKey = false) => el.dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey, bubbles: true }));

describe("DraggableContour", () => {
  it("DraggableContour(himmelblau, {value}) is a focusable, named input holding its value", () => {
    const input = DraggableContour(himmelblau, { value: [1, 2], label: "Start" });
    expect(input.value).toEqual([1, 2]);
    expect(input.tabIndex).toBe(0);
    expect(input.getAttribute("aria-label")).toMatch(/^Start: .*arrow keys/);
    expect([...input.querySelectorAll("svg")].filter((svg) => !svg.parentElement?.closest("svg"))).toHaveLength(2); // contours below, runs on top
  });

  it("arrow keys move the point by 1/40 of the view (Shift: 5×), fire input, and Home goes back", () => {
    const input = DraggableContour(himmelblau, { value: [1, 2] });
    const values: number[][] = [];
    input.addEventListener("input", () => values.push([...input.value]));
    press(input, "ArrowRight");
    press(input, "ArrowUp", true);
    expect(input.value[0]).toBeCloseTo(1 + 10 / 40, 12);
    expect(input.value[1]).toBeCloseTo(2 + (5 * 10) / 40, 12);
    expect(values).toHaveLength(2);
    press(input, "Home");
    expect(input.value).toEqual([1, 2]);
  });

  it("keeps the point inside the view", () => {
    const input = DraggableContour(himmelblau, { value: [4.9, 0] });
    for (let i = 0; i < 5; i++) press(input, "ArrowRight");
    expect(input.value).toEqual([5, 0]);
  });

  it("re-runs the trajectory from the new point, and redraws when an input it reads changes", () => {
    let lr = 0.01;
    const knob = new EventTarget();
    const starts: number[][] = [];
    const input = DraggableContour(himmelblau, {
      value: [0, 0],
      run: (s) => (starts.push(s), runOptimizer({ objective: "himmelblau", start: s, optimizer: { name: "sgd", lr }, steps: 10 })),
      redrawOn: [knob],
    });
    const summary = () => input.querySelectorAll("svg")[1].getAttribute("aria-description");
    const before = summary();
    press(input, "ArrowLeft");
    expect(starts.at(-1)).toEqual(input.value);
    expect(summary()).not.toBe(before);
    document.body.append(input);
    const afterMove = summary();
    lr = 0.02;
    knob.dispatchEvent(new Event("input"));
    expect(summary()).not.toBe(afterMove);
    input.remove();
  });

  it("setting value redraws without firing input (Framework's convention)", () => {
    const input = DraggableContour(himmelblau, { value: [0, 0] });
    let fired = 0;
    input.addEventListener("input", () => ++fired);
    input.value = [2, -1];
    expect(input.querySelector("[aria-live]")?.textContent).toContain("(2, −1)");
    expect(fired).toBe(0);
  });
});

describe("firstSteps", () => {
  const trace = runOptimizer({ objective: "himmelblau", start: [0, 0], optimizer: { name: "sgd", lr: 0.01 }, steps: 10 });
  it("firstSteps(trace, 3) keeps 4 points, 3 rates and a neutral stop", () => {
    const cut = firstSteps(trace, 3);
    expect(cut.path).toHaveLength(4);
    expect(cut.loss).toHaveLength(4);
    expect(cut.lr).toHaveLength(3);
    expect(cut.stop).toEqual({ reason: "maxSteps", step: 3, message: "" });
  });
  it("firstSteps(trace, n ≥ its steps) is the trace itself", () => {
    expect(firstSteps(trace, 10)).toBe(trace);
    expect(firstSteps(trace, Infinity)).toBe(trace);
  });
});
