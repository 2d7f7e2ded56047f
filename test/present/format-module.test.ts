/** @jest-environment node */
/**
 * The one formatting module (issue #16). Oracles: the ledger's previous implementation written
 * out with Intl.NumberFormat (en-US, Node's ICU), the independent reference its text was recorded
 * with; and the module's source text (no other lib/ file defines a formatter it replaced).
 */
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatQuantity } from "@/lib/present/format";

const INTL_0 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const INTL_1 = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** lib/leakage/format.ts's formatQuantity before the move, verbatim. */
function intlQuantity(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e15) return x.toPrecision(4).replace("e+", "e");
  if (Number.isInteger(x)) return INTL_0.format(x);
  if (Math.abs(x) >= 100) return INTL_1.format(x);
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toPrecision(3).replace("e+", "e");
  return String(Number(x.toPrecision(4)));
}

test("the ledger's quantities read as before the move, without Intl (100,000 random numbers and the ties)", () => {
  for (const x of [66674, 27165.508, 27165.55, 100.05, 100.25, 999.95, -150.45, 1e15 - 1, 123456789.05]) expect(formatQuantity(x)).toBe(intlQuantity(x));
  // A plain comparison per run, not expect(): Jest's expect() costs ~0.1 ms a call (it builds an
  // error to capture the stack), half of this file's time over 100,000 runs (issue #19 item 8).
  fc.assert(fc.property(fc.oneof(fc.double({ min: -1e16, max: 1e16, noNaN: true }), fc.integer().map((n) => n / 20), fc.integer().map((n) => n * 1000 + 0.05)), (x) => {
    const got = formatQuantity(x);
    const intl = intlQuantity(x);
    if (got !== intl) throw new Error(`formatQuantity(${x}) = ${JSON.stringify(got)}, Intl reads ${JSON.stringify(intl)}`);
  }), { numRuns: 100_000 });
});

test("the formatters it replaced are gone", () => {
  const root = join(__dirname, "..", "..");
  expect(existsSync(join(root, "lib/leakage/format.ts"))).toBe(false);
  expect(existsSync(join(root, "lib/api/format.ts"))).toBe(false);
  // No formatter built at load time: the page imports this module while it hydrates.
  expect(readFileSync(join(root, "lib/present/format.ts"), "utf8")).not.toMatch(/^(const|let)\s+\w+\s*=\s*new Intl\.NumberFormat/m);
});
