/** @jest-environment node */
import { erfc, logErfc, upperNormalQuantile } from "@/lib/privacy";
import { logAddExp, logSubExp, log1mExp, logCosh } from "@/lib/privacy/special-functions";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("erfc (Cody 1969), oracle: scipy.special.erfc 1.17", () => {
  it.each([
    [0, 1.0],
    [0.25, 0.7236736098317631],
    [1, 0.15729920705028516],
    [3, 2.2090496998585445e-5],
    [10, 2.0884875837625446e-45],
    [-2, 1.9953222650189528],
  ])("erfc(%p) to 1e-14 relative", (x, expected) => {
    expect(rel(erfc(x), expected)).toBeLessThan(1e-14);
  });
});

describe("logErfc, oracle: log 2 + scipy.special.log_ndtr(−x√2)", () => {
  it.each([
    [5, -27.200889545537446],
    [30, -903.9741171106442],
    [100, -10005.177585122668],
  ])("logErfc(%p) stays finite where erfc underflows, to 1e-13 relative", (x, expected) => {
    expect(rel(logErfc(x), expected)).toBeLessThan(1e-13);
  });
});

describe("log-space helpers (closed forms)", () => {
  it("logAddExp, logSubExp, log1mExp, logCosh agree with direct formulas", () => {
    expect(logAddExp(0, 0)).toBeCloseTo(Math.LN2, 15);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logSubExp(Math.log(3), 0)).toBeCloseTo(Math.log(2), 15);
    expect(logSubExp(1, 1)).toBe(-Infinity);
    expect(log1mExp(-Math.LN2)).toBeCloseTo(-Math.LN2, 15);
    expect(log1mExp(-50)).toBeCloseTo(-Math.exp(-50), 30);
    expect(logCosh(0.5)).toBeCloseTo(Math.log(Math.cosh(0.5)), 15);
    expect(Number.isFinite(logCosh(1e6))).toBe(true);
  });

  it("upperNormalQuantile inverts the normal tail (oracle: scipy.stats.norm.isf(0.025) = 1.959963984540054)", () => {
    expect(upperNormalQuantile(0.025)).toBeCloseTo(1.959963984540054, 10);
  });
});
