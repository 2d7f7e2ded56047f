/** @jest-environment node */
import fc from "fast-check";
import {
  composed, describeEvent, epsilonDelta, exponential, gaussian, gnmax, noOp, nonPrivate, poissonSampled, selfComposed, withFailure,
} from "@/lib/privacy";

describe("event constructors validate and name the parameter", () => {
  it.each([
    [() => gaussian(-1), "noiseMultiplier must be > 0; got -1"],
    [() => gaussian(0), "noiseMultiplier must be > 0; got 0"],
    [() => gaussian(NaN), "noiseMultiplier must be > 0; got NaN"],
    [() => gaussian(Infinity), "noiseMultiplier must be > 0; got Infinity"],
    [() => gnmax(-2), "noiseMultiplier must be > 0; got -2"],
    [() => exponential(-0.1), "epsilon must be >= 0; got -0.1"],
    [() => exponential(NaN), "epsilon must be >= 0; got NaN"],
    [() => epsilonDelta(1, 1), "delta must be in [0, 1); got 1"],
    [() => poissonSampled(1.5, gaussian(1)), "samplingRate must be in [0, 1]; got 1.5"],
    [() => poissonSampled(NaN, gaussian(1)), "samplingRate must be in [0, 1]; got NaN"],
    [() => selfComposed(1.5, gaussian(1)), "count must be a non-negative integer; got 1.5"],
    [() => selfComposed(-1, gaussian(1)), "count must be a non-negative integer; got -1"],
    [() => withFailure(1, gaussian(1)), "failureProbability must be in [0, 1); got 1"],
  ])("%#: throws RangeError with the parameter's name", (make, message) => {
    expect(make).toThrow(RangeError);
    expect(make).toThrow(message);
  });

  it("rejects a non-event as a child", () => {
    expect(() => poissonSampled(0.1, {} as never)).toThrow(RangeError);
    expect(() => composed([gaussian(1), null as never])).toThrow("events[1] must be a DpEvent");
  });

  it("events are frozen values", () => {
    const e = selfComposed(10, poissonSampled(0.1, gaussian(1)));
    expect(Object.isFrozen(e)).toBe(true);
    expect(() => {
      (e as { count: number }).count = 11;
    }).toThrow(TypeError);
    const c = composed([noOp(), nonPrivate()]);
    expect(Object.isFrozen(c.events)).toBe(true);
  });

  it("describeEvent names every kind (exhaustive switch)", () => {
    const e = composed([noOp(), nonPrivate(), gaussian(1), gnmax(2), exponential(0.5), epsilonDelta(1, 0), selfComposed(3, poissonSampled(0.1, withFailure(1e-6, gaussian(1))))]);
    expect(describeEvent(e)).toBe("composed[noOp, nonPrivate, gaussian(σ=1), gnmax(σ=2), exponential(ε=0.5), epsilonDelta(ε=1, δ=0), selfComposed(3, poissonSampled(q=0.1, withFailure(δ0=0.000001, gaussian(σ=1))))]");
  });

  it("property: any valid parameters construct; any NaN is refused", () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 1e6 }), (s, q, n) => {
      const e = selfComposed(n, poissonSampled(q, gaussian(s)));
      return e.count === n && e.event.kind === "poissonSampled";
    }));
    expect(() => selfComposed(NaN, noOp())).toThrow(RangeError);
  });
});
