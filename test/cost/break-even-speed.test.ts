/**
 * The break-even note's number formatting without ICU (lib/cost/estimate.ts calls lib/present/format.ts `groupedFixed(n, 0)`,
 * whose whole-number fast path skips the digit rounding; issue #15's speed target). Oracle: `Intl.NumberFormat("en-US").format`, the formatter the note
 * used before, evaluated independently on every input.
 */
import { groupedFixed } from "@/lib/present/format";

const groupedInteger = (n: number) => groupedFixed(n, 0);

const intl = new Intl.NumberFormat("en-US");

describe("groupedFixed(n, 0) gives Intl's en-US text for every whole number", () => {
  it("at each digit count and around each grouping boundary", () => {
    const cases: number[] = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 99999, 100000, 999999, 1000000, 1234567, 12345678, 123456789];
    for (let k = 0; k <= 15; k++) for (const d of [-1, 0, 1]) cases.push(10 ** k + d);
    cases.push(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1);
    for (const n of cases) if (n >= 0) expect(groupedInteger(n)).toBe(intl.format(n));
  });

  it("on 5,000 pseudo-random integers spread over 0 … 2^53 (a fixed linear congruential sequence)", () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const n = Math.floor(next() * 10 ** Math.floor(next() * 16));
      expect(groupedInteger(n)).toBe(intl.format(n));
    }
  });

  it("matches Intl beyond 2^53 − 1 too, where String(n) would switch to e-notation", () => {
    for (const n of [2 ** 53, 1e21, 1e22, 123456789012345678901234, 1.7976931348623157e308]) expect(groupedInteger(n)).toBe(intl.format(n));
    // String(n) is e-notation here ("1e+21"): the fast path must not take such numbers.
    expect(String(1e21)).toBe("1e+21");
  });
});
