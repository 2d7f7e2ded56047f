/** @jest-environment node */
/**
 * The bound rule of lib/present/format.ts (issue #16 item 3): a privacy loss ε, a cost bound and a
 * probability bound print rounded UP, a target ε prints as typed.
 *
 * Oracles: the hand-worked cases below (each rounding written out in its comment), and two
 * invariants checked on random positive doubles by reading the text back with Number(): the
 * printed bound is ≥ the value, and less than one unit in its last printed place above it.
 */
import fc from "fast-check";
import { EPSILON_SIGNIFICANT_DIGITS, formatEpsilon, formatEpsilonTarget, formatUpperBound, formatUsdCentsUp } from "@/lib/present/format";

test("ε bounds round up at 3 significant digits (worked by hand)", () => {
  const cases: [number, string][] = [
    [1.0049, "1.01"], // 1.00|49: digits cut are non-zero, so the third digit goes 0 → 1 (round-to-nearest said "1.00")
    [0.99951, "1.00"], // 0.999|51 → 0.999 + 0.001 = 1.000 → carry, three significant digits "1.00"
    [2, "2"], // exact: no digit cut, printed shortest (no padding zeros that would pretend a rounding)
    [7.99985, "8.00"], // 7.99|985 → 7.99 + 0.01 = 8.00 (the page used to print "8.00" too, by nearest)
    [8, "8"],
    [3.14159, "3.15"], // 3.14|159 → 3.15 (nearest said "3.14", below the bound)
    [23.6149, "23.7"], // 23.6|149 → 23.7
    [0.0042, "0.0042"], // exact at 2 significant digits
    [0.00421001, "0.00422"], // 0.00421|001 → 0.00422
    [0.000420001, "4.21e-4"], // below 1e-3: scientific, 4.20|001e-4 → 4.21e-4
    [1e-7, "1e-7"], // exact
    [9.999, "10.0"], // 9.99|9 → 10.0
    [12345.6, "12,346"], // above 10^3: the whole number rounded up, grouped
    [999.5, "1,000"], // 999|.5 → 1000
  ];
  for (const [x, text] of cases) expect([x, formatEpsilon(x)]).toEqual([x, text]);
  expect(EPSILON_SIGNIFICANT_DIGITS).toBe(3);
  expect(formatEpsilon(null)).toBe("∞");
  expect(formatEpsilon(Infinity)).toBe("∞");
  expect(formatEpsilon(0)).toBe("0");
});

test("a target ε prints as typed, a bound equal to it prints the same digits", () => {
  for (const [x, text] of [[8, "8"], [0.125, "0.125"], [1.0049, "1.0049"], [0.5, "0.5"], [1e-7, "1e-7"]] as const) expect(formatEpsilonTarget(x)).toBe(text);
  expect(formatEpsilon(8)).toBe(formatEpsilonTarget(8));
});

test("other bounds: probabilities at more digits, cents rounded up", () => {
  expect(formatUpperBound(0.123456789, 6)).toBe("0.123457"); // 0.123456|789 → …457 (nearest agrees here)
  expect(formatUpperBound(0.1234561, 6)).toBe("0.123457"); // 0.123456|1 → …457 (nearest said …456)
  expect(formatUsdCentsUp(100.001)).toBe("$100.01"); // a budget of $100.00 would not cover $100.001
  expect(formatUsdCentsUp(1234.5)).toBe("$1,234.50");
  expect(formatUsdCentsUp(99.999)).toBe("$100.00");
  expect(formatUsdCentsUp(0.004)).toBe("$0.01");
  expect(formatUpperBound(NaN)).toBe("—");
  expect(() => formatUpperBound(-1)).toThrow(RangeError);
});

/** One unit in the last place the text prints: 10^-(fraction digits), scaled by its exponent. */
function lastPlace(text: string): number {
  const [mantissa, exponent = "0"] = text.replace(/,/g, "").split("e");
  const fraction = mantissa!.split(".")[1] ?? "";
  return 10 ** (Number(exponent) - fraction.length);
}

const positive = fc.oneof(
  fc.double({ min: 1e-12, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 1, max: 10 ** 9 }).map((n) => n / 10 ** 6),
  fc.integer({ min: -12, max: 5 }).chain((e) => fc.double({ min: 1, max: 10, noNaN: true }).map((m) => m * 10 ** e)),
).filter((x) => x > 0 && Number.isFinite(x));

test("invariant on random positive doubles: the printed bound read back is ≥ the value and within one unit of its last place", () => {
  fc.assert(fc.property(positive, fc.integer({ min: 1, max: 6 }), (x, digits) => {
    const text = formatUpperBound(x, digits);
    const back = Number(text.replace(/,/g, ""));
    expect(back).toBeGreaterThanOrEqual(x);
    expect(back - x).toBeLessThan(lastPlace(text) * (1 + 1e-9));
  }), { numRuns: 10_000 });
  fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (x) => {
    const back = Number(formatUsdCentsUp(x).slice(1).replace(/,/g, ""));
    expect(back).toBeGreaterThanOrEqual(x);
    expect(back - x).toBeLessThan(0.01 * (1 + 1e-9));
  }), { numRuns: 5_000 });
});

test("the invariant fails on round-to-nearest (so it checks something)", () => {
  const nearest = (x: number) => String(Number(x.toPrecision(3)));
  expect(Number(nearest(1.0049))).toBeLessThan(1.0049);
  expect(Number(formatEpsilon(1.0049))).toBeGreaterThanOrEqual(1.0049);
});
