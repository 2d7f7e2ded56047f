/**
 * formatParameter and formatPercent remember their texts (issue #15's speed target,
 * test/bench/RESULTS.md); a memo changes only the time. Oracle: the same calls in a fresh module
 * registry (jest.isolateModules), each number formatted once — the uncached path — and, for a few
 * numbers, the text written out by hand from the rules in lib/present/format.ts.
 */
import { formatParameter, formatPercent } from "@/lib/present/format";
import type * as FormatModule from "@/lib/present/format";

// 10,000 numbers (past the memo's 4,096-entry bound, so it is emptied and refilled), each twice.
let seed = 7;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const numbers: number[] = [0, -0, 1, 0.5, 1e-3, 9.99e-4, 0.9999, 0.99999, 1 / 66674, 8, Infinity, -Infinity, NaN];
while (numbers.length < 10000) numbers.push((next() - 0.2) * 10 ** Math.floor(next() * 12 - 8));

test("warm, past the bound and back, the texts are a fresh module's", () => {
  let cold: { parameter: string[]; percent: string[] } = { parameter: [], percent: [] };
  jest.isolateModules(() => {
    const fresh = jest.requireActual("../../lib/present/format") as typeof FormatModule;
    cold = { parameter: numbers.map((x) => fresh.formatParameter(x)), percent: numbers.map((x) => fresh.formatPercent(x)) };
  });
  for (let pass = 0; pass < 2; pass++) {
    numbers.forEach((x, i) => {
      const p = formatParameter(x);
      const q = formatPercent(x);
      if (p !== cold.parameter[i] || q !== cold.percent[i]) throw new Error(`pass ${pass}, ${x}: ${p} / ${q} ≠ ${cold.parameter[i]} / ${cold.percent[i]}`);
    });
  }
});

test("by hand: −0 and 0 share a key and a text; δ = 1/66,674 and ε read as the rules say", () => {
  expect(formatParameter(0)).toBe("0");
  expect(formatParameter(-0)).toBe("0"); // (−0).toPrecision(4) = "0.000" → 0
  expect(formatPercent(-0)).toBe("0%"); // −0 × 100 = −0 === 0 → `${-0}%` = "0%"
  expect(formatPercent(0)).toBe("0%");
  expect(formatParameter(1 / 66674)).toBe("1.5e-5"); // 1.4998…e-5 → 3 significant digits 1.50e-5 → "1.5e-5"
  expect(formatParameter(7.999854)).toBe("8"); // 4 significant digits 8.000 → "8"
  expect(formatPercent(0.40744)).toBe("40.74%");
  expect(formatPercent(0.999961)).toBe("99.9961%");
});
