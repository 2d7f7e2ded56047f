/** @jest-environment node */
/**
 * Number formatting. Oracle: the page's stated rules (issue #6) — units, thousands separators,
 * a few significant digits, never "NaN", never "$0" for an unknown price — and the cost engine's
 * own missing-price message (lib/cost missingPriceMessage).
 */
import fc from "fast-check";
import {
  accountantName, formatCount, formatDelta, formatEpsilon, formatMultiple, formatPercent, formatUsd, formatUsdOrMissing,
  formatUtility, missingPriceText,
} from "@/lib";
import { missingPriceMessage } from "@/lib/cost";
import { groupedFixed } from "@/lib/present/format";

test("dollars: grouped from $1,000, cents from $1, three significant digits below", () => {
  expect(formatUsd(12345.6)).toBe("$12,346");
  expect(formatUsd(665.908)).toBe("$665.91");
  expect(formatUsd(13.35)).toBe("$13.35");
  expect(formatUsd(0.000267)).toBe("$0.000267");
  expect(formatUsd(0.7728)).toBe("$0.773");
  expect(formatUsd(0)).toBe("$0");
});

test("an unknown price names the key that fixes it", () => {
  const missing = missingPriceMessage("gpt-4.1-mini", "paper-2024-05");
  expect(missingPriceText(missing)).toBe("no price — set price.gpt-4.1-mini");
  expect(formatUsdOrMissing(null, missing)).toBe("no price — set price.gpt-4.1-mini");
  expect(formatUsdOrMissing(null)).toBe("no price");
});

test("counts, ε, δ, multiples and fractions", () => {
  expect(formatCount(66674)).toBe("66,674");
  expect(formatCount(66508.92)).toBe("66,509");
  expect(formatCount(25.62)).toBe("25.6");
  expect(formatEpsilon(7.99985)).toBe("8.00");
  expect(formatEpsilon(null)).toBe("∞");
  // Was "1.50e-5" beside a δ box reading "1.5e-5": one δ rule now (test/present/format-kinds.test.ts).
  expect(formatDelta(1 / 66674)).toBe("1.5e-5");
  expect(formatMultiple(17.3)).toBe("17×");
  expect(formatMultiple(1.287)).toBe("1.29×");
  // Was formatFraction's "99.8%": percentages follow the ledger's rule now.
  expect(formatPercent(0.99752)).toBe("99.75%");
  expect(formatUtility(96, "%")).toBe("96.0%");
  expect(formatUtility(39.1, "points")).toBe("39.1");
  expect(accountantName("rdp-autodp-classic")).toBe("RDP (autodp classic conversion)");
});

test("no formatter ever prints NaN or undefined for a finite number", () => {
  fc.assert(fc.property(fc.double({ min: -1e18, max: 1e18, noNaN: true }), (x) => {
    for (const s of [formatUsd(x), formatCount(x), formatEpsilon(Math.abs(x)), formatDelta(Math.abs(x)), formatMultiple(Math.abs(x))]) {
      expect(s).not.toMatch(/NaN|undefined/);
    }
  }));
});

describe("groupedFixed: the page's digits without Intl (oracle: Intl.NumberFormat en-US in Node's ICU)", () => {
  const intl = [0, 1, 2].map((d) => new Intl.NumberFormat("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
  const same = (x: number, d: 0 | 1 | 2) => expect(groupedFixed(x, d)).toBe(intl[d]!.format(x));

  test("ties round on the shortest decimal, half away from zero, as Intl does (toFixed would not)", () => {
    // 1.005 is stored as 1.00499999999999989…: toFixed(2) gives "1.00", Intl "1.01".
    expect(groupedFixed(1.005, 2)).toBe("1.01");
    expect(groupedFixed(2.675, 2)).toBe("2.68");
    expect(groupedFixed(-2.5, 0)).toBe("-3");
    expect(groupedFixed(999.995, 2)).toBe("1,000.00");
    expect(groupedFixed(-0.4, 0)).toBe("-0");
    for (const x of [1.005, 2.675, 1.115, 0.125, 8.345, 1.255, 999.995, 0.5, -0.5, -0, 0, 5e-324, 1e21, 1.7976931348623157e308, 123456789.125, 99999.5]) {
      same(x, 0);
      same(x, 2);
    }
  });

  test("200,000 random numbers of every size give Intl's text", () => {
    const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
    const decimals = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 })).map(([m, e]) => m / 10 ** e);
    const ties = fc.tuple(fc.integer({ min: 0, max: 1e7 }), fc.constantFrom(2, 3, 4)).map(([m, e]) => (m * 10 + 5) / 10 ** e);
    const magnitudes = fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -8, max: 25 })).map(([m, e]) => m * 10 ** e);
    // A plain comparison, not expect(): Jest's matcher costs ~75 µs a call, which was ~15 s of
    // this file's CPU over 200,000 runs; a mismatch still fails the property with both texts.
    fc.assert(fc.property(fc.oneof(anyDouble, decimals, ties, magnitudes), fc.constantFrom(0 as const, 1 as const, 2 as const), (x, d) => {
      const ours = groupedFixed(x, d);
      const intlText = intl[d]!.format(x);
      if (ours !== intlText) throw new Error(`groupedFixed(${x}, ${d}) = ${JSON.stringify(ours)}, Intl gives ${JSON.stringify(intlText)}`);
    }), { numRuns: 200_000 });
  });
});
