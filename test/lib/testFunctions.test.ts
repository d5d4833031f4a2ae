// The named test functions: their hand-written gradients, their expression-language twins and their known minima.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileExpression, testFunction, testFunctionNames, testFunctions } from "../../lib/index.js";

const issueNames = [
  "rosenbrock", "beale", "himmelblau", "booth", "matyas", "rastrigin", "ackley", "goldsteinPrice",
  "sixHumpCamel", "saddle", "monkeySaddle", "ravine", "cliff",
];

/** Relative closeness with a floor, for values that span orders of magnitude (Goldstein–Price reaches 10⁶). */
const near = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * (1 + Math.abs(a) + Math.abs(b));

describe("test functions", () => {
  it("has every function the issue names", () => {
    for (const name of issueNames) expect(testFunctionNames).toContain(name);
  });

  for (const name of testFunctionNames) {
    const fn = testFunctions[name];
    const inDomain = fc.tuple(
      fc.double({ min: fn.domain.x[0], max: fn.domain.x[1], noNaN: true }),
      fn.dim === 2 ? fc.double({ min: fn.domain.y[0], max: fn.domain.y[1], noNaN: true }) : fc.constant(0),
    );

    it(`${name}: f and its gradient equal its expression-language twin (exact derivatives) across its domain`, () => {
      const twin = compileExpression(fn.expr);
      expect(twin.dim).toBe(fn.dim);
      fc.assert(
        fc.property(inDomain, ([x, y]) => {
          const [ours, theirs] = [new Float64Array(2), new Float64Array(2)];
          fn.grad(x, y, ours);
          twin.grad(x, y, theirs);
          if (!near(fn.f(x, y), twin.f(x, y), 1e-12)) throw new Error(`f(${x}, ${y}): ${fn.f(x, y)} vs ${twin.f(x, y)}`);
          const scale = Math.abs(theirs[0]) + Math.abs(theirs[1]) + 1;
          for (let i = 0; i < fn.dim; ++i) {
            // ackley's cone tip at the origin has no gradient: the hand-written one takes 0 there.
            if (name === "ackley" && x === 0 && y === 0) continue;
            if (Math.abs(ours[i] - theirs[i]) > 1e-9 * scale) throw new Error(`∂${"xy"[i]} at (${x}, ${y}): ${ours[i]} vs ${theirs[i]}`);
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: every listed minimum and saddle has its stated value and a vanishing gradient`, () => {
      const critical = [...fn.minima, ...(fn.saddles ?? [])];
      expect(critical.length).toBeGreaterThan(0); // the saddles have no minima: they are unbounded below
      const grad = new Float64Array(2);
      for (const { point, value } of critical) {
        const [x, y = 0] = point;
        expect(near(fn.f(x, y), value, 1e-9), `f at ${point} = ${fn.f(x, y)}, listed ${value}`).toBe(true);
        if (name === "ackley") continue; // a cone tip: the minimum is not a stationary point
        fn.grad(x, y, grad);
        for (let i = 0; i < fn.dim; ++i) expect(Math.abs(grad[i]), `∂${"xy"[i]} at ${point}`).toBeLessThan(1e-6 * (1 + Math.abs(value)));
      }
      if (fn.minima.length === 0) return;
      // The global minima are the lowest of the listed ones.
      const lowest = Math.min(...fn.minima.map((m) => m.value));
      for (const m of fn.minima.filter((m) => m.global)) expect(m.value).toBe(lowest);
    });
  }

  it("saddle and monkeySaddle: the origin is a critical point but no minimum", () => {
    for (const name of ["saddle", "monkeySaddle"] as const) {
      const fn = testFunctions[name];
      const grad = new Float64Array(2);
      fn.grad(0, 0, grad);
      expect(Array.from(grad, Math.abs)).toEqual([0, 0]);
      expect(Math.min(fn.f(0, 0.1), fn.f(-0.1, 0))).toBeLessThan(fn.f(0, 0));
    }
  });

  it("ravine's condition number is its parameter; cliff's gradient is steep at the wall", () => {
    const ravine = testFunction("ravine").withParams({ kappa: 50 });
    const H = ravine.hessian(0.3, -0.2);
    expect(H[1][1] / H[0][0]).toBeCloseTo(50, 12);
    expect(ravine.lipschitz).toBe(50);
    const grad = new Float64Array(2);
    testFunctions.cliff.grad(1, 0, grad);
    expect(grad[0]).toBeGreaterThan(1000);
  });

  it("unknown names and parameters get a did-you-mean", () => {
    expect(() => testFunction("rosenbrok")).toThrow('did you mean "rosenbrock"?');
    expect(() => testFunction("ravine").withParams({ kapa: 3 })).toThrow('did you mean "kappa"?');
    expect(() => testFunction("ravine").withParams({ kappa: -1 })).toThrow("kappa must be positive");
  });
});
