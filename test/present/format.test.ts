/** @jest-environment node */
/**
 * Number formatting. Oracle: the page's stated rules (issue #6) — units, thousands separators,
 * a few significant digits, never "NaN", never "$0" for an unknown price — and the cost engine's
 * own missing-price message (lib/cost missingPriceMessage).
 */
import fc from "fast-check";
import {
  accountantName, formatCount, formatDelta, formatEpsilon, formatFraction, formatMultiple, formatUsd, formatUsdOrMissing,
  formatUtility, missingPriceMessage, missingPriceText,
} from "@/lib";

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
  expect(formatDelta(1 / 66674)).toBe("1.50e-5");
  expect(formatMultiple(17.3)).toBe("17×");
  expect(formatMultiple(1.287)).toBe("1.29×");
  expect(formatFraction(0.99752)).toBe("99.8%");
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
