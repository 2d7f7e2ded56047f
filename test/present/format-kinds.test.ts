/** @jest-environment node */
/**
 * One rule per kind of number (issue #16), on every screen. Oracle: the strings below, written
 * out by hand from each rule's statement in lib/present/format.ts's header (3 significant digits
 * and no trailing zeros for δ, scientific below 1e-3; the ledger's percentage rule; …), and the
 * places a reader sees them: the page's privacy table, the form's δ box and note, the statement
 * and the link preview.
 */
import { estimate, formatDelta, formatEpsilon, formatPercent, formatUsdOrMissing, parseScenario, presentEstimate } from "@/lib";
import { buildStatement, guaranteeLine, scenarioLine } from "@/lib/api";

test("δ: three significant digits, trailing zeros dropped, scientific below 1e-3", () => {
  expect(formatDelta(1 / 66674)).toBe("1.5e-5"); // 1.49983…e-5
  expect(formatDelta(1 / 14732)).toBe("6.79e-5"); // SAMSum's 1/N = 6.7879…e-5
  expect(formatDelta(1e-9)).toBe("1e-9");
  expect(formatDelta(1.2345e-6)).toBe("1.23e-6");
  expect(formatDelta(0.00125)).toBe("0.00125");
  expect(formatDelta(0.0009996)).toBe("0.001"); // rounds to 1.00e-3, printed as a plain 0.001
  expect(formatDelta(0)).toBe("0");
});

test("percentages: two decimals, six significant digits above 99.99%, two below 0.01%", () => {
  expect(formatPercent(0.40744)).toBe("40.74%");
  expect(formatPercent(0.99752)).toBe("99.75%");
  expect(formatPercent(0.999961)).toBe("99.9961%"); // not "100.0%": some record is not sent
  expect(formatPercent(0.0000123)).toBe("0.0012%");
  expect(formatPercent(1)).toBe("100%");
  expect(formatPercent(Number.NaN)).toBe("—");
});

test("USD: the page's rule everywhere, and an unknown price is 'no price', never $0", () => {
  expect(formatUsdOrMissing(3419.42)).toBe("$3,419");
  expect(formatUsdOrMissing(27.6)).toBe("$27.60");
  expect(formatUsdOrMissing(0.000149)).toBe("$0.000149");
  expect(formatUsdOrMissing(0)).toBe("$0");
  expect(formatUsdOrMissing(null)).toBe("no price");
});

test("ε an accountant computed: three significant digits rounded up, never below the bound", () => {
  expect(formatEpsilon(23.62)).toBe("23.7"); // 23.6|2 → 23.7 (nearest gave "23.6", below the bound)
  expect(formatEpsilon(7.99985)).toBe("8.00");
  expect(formatEpsilon(0.004213)).toBe("0.00422"); // 0.00421|3 → 0.00422 (was 2 digits, "0.0042", below the bound)
});

describe("the same δ reads the same on the page, the form, the statement and the preview", () => {
  // SST2 at δ = 1/N = 1/66674 = 1.49983…e-5: three significant digits are 1.50e-5, printed "1.5e-5".
  const link = "v=1&preset=sst2&accountant=rdp&methods=private-lora&models=pythia-1b";
  const parsed = parseScenario(link);
  if (!parsed.ok) throw new Error("bad link");
  const est = estimate(parsed.scenario);
  const deltasIn = (text: string) => new Set([...text.matchAll(/δ = ([0-9.e-]+\d)/g)].map((m) => m[1]));

  test("the scenario's δ is SST2's 1/N", () => {
    expect(est.scenario.delta).toBe(1 / 66674);
  });

  test("every 'δ = …' on the page, in the statement and in the preview lines reads 1.5e-5", () => {
    const row = est.rows[0];
    if (!row) throw new Error("no row");
    const texts = {
      page: JSON.stringify(presentEstimate(est)),
      statement: JSON.stringify(buildStatement(link)),
      preview: `${scenarioLine(est)} ${guaranteeLine(row)}`,
    };
    for (const [door, text] of Object.entries(texts)) expect({ door, deltas: [...deltasIn(text)] }).toEqual({ door, deltas: ["1.5e-5"] });
  });
});
