/**
 * The one number-formatting module of privadapt (issue #16): every number a page, the statement,
 * the link preview, the CLI's prose or the estimate's ledger prints as text goes through a
 * function here, one rule per kind of number:
 *
 * | kind                               | function                          | example                          |
 * |------------------------------------|-----------------------------------|----------------------------------|
 * | USD                                | formatUsd, formatUsdOrMissing     | "$12,346", "$13.35", "$0.000267" |
 * | counts, tokens                     | formatCount, formatCountWithUnit  | "66,509", "25.6", "1 record"     |
 * | a budget's allowed workload        | formatAllowed                     | "≥ 10⁹ queries (search limit)"   |
 * | ε, any privacy loss bound (UP)     | formatEpsilon                     | "8.00", "1.01", "8", "∞"         |
 * | a target ε as typed                | formatEpsilonTarget               | "8", "0.125"                     |
 * | other bounds (UP)                  | formatUpperBound, formatUsdCentsUp, formatPercentUpperBound | "$100.01", "2.72%" |
 * | modelled quantities in prose       | formatSignificant, formatFixed, formatCompact, formatScientific | "0.000605", "1.38", "2.41M" |
 * | δ                                  | formatDelta                       | "1.5e-5", "1e-9"                 |
 * | percentages                        | formatPercent                     | "40.74%", "99.9961%", "0%"       |
 * | the ledger's quantities (estimate) | formatQuantity, formatParameter   | "27,165.5", "1.5e-5"             |
 * | other quantities in the statement's prose | formatSig | "27,170", "1.5e-5" |
 * | utility in its metric              | formatUtility                     | "95.9%", "39.1"                  |
 * | ratios                             | formatMultiple                    | "17×", "2.4×"                    |
 *
 * Which way each kind rounds, and why:
 * - UP (toward the weaker guarantee): every privacy loss bound ε, at EPSILON_SIGNIFICANT_DIGITS (3)
 *   significant digits, the same on the page, the API's text fields, the CLI and /statement
 *   (formatEpsilon). A reader signs off on the printed ε; shown rounded down (ε = 1.0049 as
 *   "1.00") it would claim more privacy than the plan has. Likewise a probability bound (a
 *   membership test's largest true-positive rate: formatPercentUpperBound) and a cost bound (the
 *   budget a relaxation asks for, a cost printed against the reader's maxCost: formatUsdCentsUp).
 *   A rounded-up value keeps its trailing zeros ("8.00" for 7.99985), a value that needs no more
 *   digits prints as it is ("8"), so "8.00" next to "target 8" reads as "just under or at 8".
 * - EXACT: a target ε the reader typed (formatEpsilonTarget): rounding would change what they asked.
 * - NEAREST: everything else — costs, counts, σ, sampling rates, utility, δ (a parameter the
 *   reader typed or 1/N, formatDelta) — where neither direction is a claim about privacy.
 *
 * Not display formatting, so not here: the share link's numbers (lib/scenario/codec.ts
 * `formatNumber`, the shortest text that reads back to the same double) and the Python snippets'
 * numbers (lib/rederive `pythonNumber`, exact).
 *
 * Fixed to en-US so that server-rendered HTML, the client and the tests agree on every digit.
 * Rules the page promises (issue #6): thousands separators, units, a few significant digits, and
 * never "NaN" or a "$0" that stands for an unknown price — an unknown is null and the caller
 * prints why (see `formatUsdOrMissing`).
 *
 * This module imports nothing at run time, so client components can use it (through
 * `@/lib/light`) without pulling the engines (and zod, and the price catalogue) into the page's
 * bundle.
 */

/**
 * `x` in fixed notation with exactly `digits` decimals and comma-grouped thousands: the same
 * text as `new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits:
 * digits })` gives (test/present/format.test.ts compares the two on 200,000 numbers).
 *
 * Why not Intl itself: the first Intl.NumberFormat a page constructs loads ICU's locale data,
 * 15–60 ms of main-thread time in Chromium on this machine (measured 2026-11-27), and this module
 * is evaluated while the page hydrates — the costliest single step of a phone's first load.
 *
 * How Intl rounds, and so how this does: on the shortest decimal that reads back as the same
 * double (`String(x)`: 1.005 is "1.005", not its binary value 1.00499…), half away from zero
 * ("halfExpand"): 1.005 → "1.01", 2.5 → "3", -2.5 → "-3". `toFixed` rounds the binary
 * value instead (1.005 → "1.00"), which is why it is not used.
 * @example groupedFixed(1234.5, 2) // "1,234.50"
 * @example groupedFixed(66508.92, 0) // "66,509"
 */
export function groupedFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  const negative = x < 0 || Object.is(x, -0);
  // A whole number below 1e21 (nine in ten calls of an estimate: counts in the leakage ledger):
  // String(x) is already its exact digits, nothing to round — the general path below gives the
  // same text with more work (test/present/format.test.ts checks both against Intl).
  if (Number.isInteger(x) && Math.abs(x) < 1e21) {
    const whole = groupThousands(String(Math.abs(x)));
    const text = digits > 0 ? `${whole}.${"0".repeat(digits)}` : whole;
    return negative ? `-${text}` : text;
  }
  // Shortest round-trip decimal, split into its digits and the position of the decimal point.
  const [mantissa, exponent = "0"] = String(Math.abs(x)).split("e");
  const [intPart, fracPart = ""] = mantissa!.split(".");
  let ds = (intPart! + fracPart).split("").map(Number);
  let point = intPart!.length + Number(exponent);
  if (point < 0) {
    ds = [...new Array<number>(-point).fill(0), ...ds];
    point = 0;
  }
  const keep = point + digits;
  while (ds.length < keep) ds.push(0);
  const roundUp = ds.length > keep && ds[keep]! >= 5;
  ds = ds.slice(0, keep);
  if (roundUp) {
    let i = keep - 1;
    while (i >= 0 && ds[i] === 9) ds[i--] = 0;
    if (i >= 0) ds[i]! += 1;
    else {
      ds.unshift(1);
      point += 1;
    }
  }
  const whole = ds.slice(0, point).join("").replace(/^0+(?=\d)/, "") || "0";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = digits > 0 ? `${grouped}.${ds.slice(point).join("")}` : grouped;
  // Intl prints "-0" for a negative number that rounds to zero; so does this.
  return negative ? `-${text}` : text;
}

/** "1234567" → "1,234,567": commas every three digits from the right of a string of digits. */
function groupThousands(digits: string): string {
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * `x` with exactly `digits` decimals and no thousands separators, rounded as groupedFixed rounds
 * (half away from zero on the shortest decimal): a ratio or a constant in a formula ("×1.38",
 * "0.725", "12.5 s").
 * @example formatFixed(1.3849, 2) // "1.38"
 */
export function formatFixed(x: number, digits: number): string {
  return groupedFixed(x, digits).replace(/,/g, "");
}

/** Three significant digits without trailing noise: 0.000267, 12.3, 0.5. */
function sig3(x: number): string {
  return formatSignificant(x, 3);
}

/**
 * `digits` significant digits, rounded to nearest, trailing zeros dropped, in JavaScript's
 * shortest number text (so "1.5e-7" below 1e-6, "0.000605" above): a modelled or measured
 * quantity in prose where the direction of rounding does not matter (a σ, a sampling rate, a
 * token count, a ratio, a utility). Not for a privacy, cost or probability *bound*: those round up
 * (formatEpsilon, formatUpperBound).
 * @example formatSignificant(0.00060512, 3) // "0.000605"
 * @example formatSignificant(7.99985, 4) // "8"
 */
export function formatSignificant(x: number, digits = 3): string {
  return String(Number(x.toPrecision(digits)));
}

/**
 * Scientific notation with `fractionDigits` digits after the point, JavaScript's form
 * ("1.234e-5", "2.000e+0"): a constant quoted from a method's original code at the precision the
 * note states.
 * @example formatScientific(1 / 66674, 3) // "1.500e-5"
 */
export function formatScientific(x: number, fractionDigits: number): string {
  return x.toExponential(fractionDigits);
}

/**
 * US dollars: grouped whole dollars from $1,000, cents from $1, three significant digits below
 * $1 (API prices of one query are fractions of a cent). A known zero prints "$0".
 * @example formatUsd(12345.6) // "$12,346"
 * @example formatUsd(13.35) // "$13.35"
 * @example formatUsd(0.000267) // "$0.000267"
 */
export function formatUsd(x: number): string {
  if (!Number.isFinite(x)) return "—";
  const sign = x < 0 ? "−" : "";
  const a = Math.abs(x);
  if (a === 0) return "$0";
  if (a >= 1e12) return `${sign}$${a.toPrecision(3).replace("e+", "e")}`;
  if (a >= 1000) return `${sign}$${groupedFixed(a, 0)}`;
  if (a >= 1) return `${sign}$${groupedFixed(a, 2)}`;
  if (a < 1e-6) return `${sign}$${a.toPrecision(2).replace("e+", "e")}`;
  // Trailing zeros kept: "$0.800" reads as a price, "$0.8" as a rounding.
  return `${sign}$${a.toPrecision(3)}`;
}

/**
 * US dollars to the cent with grouped thousands, whatever the size: a budget the user typed and the
 * costs compared with it ("$1,234.50", "$0.05"), so both sides of the comparison show the same digits.
 * @example formatUsdCents(1234.5) // "$1,234.50"
 */
export function formatUsdCents(x: number): string {
  return `$${groupedFixed(x, 2)}`;
}

/** Text for a missing price: the fix, never "$0". */
export const NO_PRICE = "no price";

/**
 * A dollar figure that may be unknown. `missing` is the cost engine's reason
 * ("no price for gpt-5 in paper-2024-05; set price.gpt-5=in,out"); the cell then reads
 * "no price — set price.gpt-5".
 */
export function formatUsdOrMissing(x: number | null, missing?: string): string {
  if (x !== null && Number.isFinite(x)) return formatUsd(x);
  return missingPriceText(missing);
}

/** "no price — set price.<model>" from the engine's `missing` message. */
export function missingPriceText(missing?: string): string {
  const key = missing?.match(/price\.[^=\s;,]+/)?.[0];
  return key ? `${NO_PRICE} — set ${key}` : NO_PRICE;
}

/**
 * A count (records, queries, tokens): integers grouped, large reals rounded to a whole number,
 * small reals to three significant digits, astronomically large ones in e-notation.
 * @example formatCount(66508.92) // "66,509"
 * @example formatCount(25.62) // "25.6"
 */
export function formatCount(x: number): string {
  if (!Number.isFinite(x)) return "—";
  if (Math.abs(x) >= 1e15) return x.toPrecision(3).replace("e+", "e");
  if (Number.isInteger(x) || Math.abs(x) >= 100) return groupedFixed(x, 0);
  return sig3(x);
}

/**
 * A count in compact form, three significant digits with k (from 10,000), M or B: how the
 * flips and the sensitivity bars name a value in words.
 * @example formatCompact(2412345) // "2.41M"
 * @example formatCompact(9500) // "9500"
 */
export function formatCompact(x: number): string {
  const abs = Math.abs(x);
  const [d, suffix] = abs >= 1e9 ? [1e9, "B"] : abs >= 1e6 ? [1e6, "M"] : abs >= 1e4 ? [1e3, "k"] : [1, ""];
  return `${formatSignificant(x / d, 3)}${suffix}`;
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * A workload the budget allows, with its unit. When the search stopped at its limit (`capped`,
 * see BudgetUse in lib/methods/types.ts) the figure is only a lower bound, so it never prints as
 * an exact count: "≥ 10⁹ queries (search limit)" (a power of ten in superscript), or
 * "≥ 1,234,567 queries (search limit)".
 * @example formatAllowed(1e9, true, "queries") // "≥ 10⁹ queries (search limit)"
 * @example formatAllowed(358, undefined, "public queries") // "358 public queries"
 */
export function formatAllowed(allowed: number, capped: boolean | undefined, unit = ""): string {
  const withUnit = (figure: string) => (unit ? `${figure} ${unit}` : figure);
  if (!capped) return withUnit(formatCount(allowed));
  const exponent = Math.log10(allowed);
  const figure = allowed >= 10 && Number.isInteger(exponent)
    ? `10${String(exponent).split("").map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join("")}`
    : formatCount(allowed);
  return `≥ ${withUnit(figure)} (search limit)`;
}

/** A count with its unit, singular when it is exactly one: "1 record", "66,674 records". */
export function formatCountWithUnit(x: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(x)} ${x === 1 ? singular : plural}`;
}

/**
 * The decimal digits of |x| as its shortest round-trip text spells them (`String(x)`: 1.0049 is
 * digits [1,0,0,4,9], point 1; 1e-7 is digits [1], point -6), so rounding works on the decimal a
 * reader would type, never on binary noise.
 */
function decimalDigits(x: number): { ds: number[]; point: number } {
  const [mantissa, exponent = "0"] = String(Math.abs(x)).split("e");
  const [intPart, fracPart = ""] = mantissa!.split(".");
  return { ds: (intPart! + fracPart).split("").map(Number), point: intPart!.length + Number(exponent) };
}

/**
 * Digits `ds` (a decimal point after `point` of them) cut to the first `keep` and rounded UP
 * (toward +∞ for a positive number) when anything non-zero is cut. Returns the kept digits (a
 * carry may lengthen them by one: 9.99 → 10.0, point moves right) and whether the cut was exact.
 */
function ceilDigits(ds: number[], point: number, keep: number): { ds: number[]; point: number; exact: boolean } {
  const out = ds.slice(0, Math.max(keep, 0));
  while (out.length < keep) out.push(0);
  const exact = ds.slice(Math.max(keep, 0)).every((d) => d === 0) && keep >= 0;
  if (keep <= 0) {
    // Everything is cut (x is below the last kept place): one unit of that place, 10^(point − keep).
    return { ds: [1], point: point - keep + 1, exact: false };
  }
  if (!exact) {
    let i = keep - 1;
    while (i >= 0 && out[i] === 9) out[i--] = 0;
    if (i >= 0) out[i]! += 1;
    else {
      out.unshift(1);
      out.pop();
      return { ds: out, point: point + 1, exact };
    }
  }
  return { ds: out, point, exact };
}

/** Digits with a decimal point after `point` of them, as plain text with grouped thousands. */
function plainDecimal(ds: number[], point: number): string {
  let digits = ds;
  let p = point;
  if (p <= 0) {
    digits = [...new Array<number>(-p + 1).fill(0), ...digits];
    p = 1;
  }
  while (digits.length < p) digits = [...digits, 0];
  const whole = digits.slice(0, p).join("").replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = digits.slice(p).join("");
  return frac ? `${whole}.${frac}` : whole;
}

/**
 * An upper bound printed so that it never claims less than it is: |x| rounded UP to `significant`
 * significant digits (toward the weaker guarantee, the larger cost, the larger probability).
 *
 * - A value that needs no more than `significant` digits prints exactly, shortest ("2", "0.5",
 *   "1e-7" reads "1e-7"); a rounded one keeps its trailing zeros, which mark it as rounded up
 *   ("0.99951" → "1.00", "1.0049" → "1.01", "7.99985" → "8.00").
 * - From 10^significant on, the whole number is rounded up instead ("12,346" for 12345.6), grouped.
 * - Below 1e-3, scientific like δ ("4.21e-4"); 0 is "0"; ∞ is "∞"; NaN is "—" (never "NaN").
 *
 * Parsed back (`Number(text.replace(/,/g, ""))`) the text is ≥ x and less than x plus one unit
 * in its last printed place (test/present/format-bounds.test.ts checks both on random doubles).
 * @example formatUpperBound(1.0049) // "1.01"
 * @example formatUpperBound(0.99951) // "1.00"
 * @example formatUpperBound(2) // "2"
 * @example formatUpperBound(0.000420001) // "4.21e-4"
 */
export function formatUpperBound(x: number, significant = 3): string {
  if (Number.isNaN(x)) return "—";
  if (x < 0) throw new RangeError(`an upper bound printed by formatUpperBound must be ≥ 0; got ${x}`);
  if (!Number.isFinite(x)) return "∞";
  if (x === 0) return "0";
  const { ds, point } = decimalDigits(x);
  const first = ds.findIndex((d) => d !== 0);
  // Digits to keep from the start of `ds`: `significant` after the first non-zero one, or up to the
  // decimal point for a number of more than `significant` whole digits.
  const keep = x >= 10 ** significant ? point : first + significant;
  const up = ceilDigits(ds, point, keep);
  if (x >= 10 ** significant || up.ds.length === 0) return plainDecimal(up.ds, up.point);
  // Exact: the shortest text of x itself (no padding zeros that would pretend a rounding).
  // A carry (0.99951 → 1.000) lengthens the digits by a trailing 0: keep `significant` of them.
  const sig = up.exact ? ds.slice(first).join("").replace(/0+$/, "") || "0" : up.ds.slice(up.ds.findIndex((d) => d !== 0)).join("").slice(0, significant);
  const lead = up.exact ? point - first : up.point - up.ds.findIndex((d) => d !== 0);
  // `lead`: the first significant digit's place, 1 for the units digit, 0 for tenths, -3 for 1e-4.
  if (lead <= -3) {
    const mantissa = sig.length > 1 ? `${sig[0]}.${sig.slice(1)}` : sig;
    return `${mantissa}e-${1 - lead}`;
  }
  return plainDecimal(sig.split("").map(Number), lead);
}

/**
 * ε an accountant computed, or any privacy loss bound (ε achieved, the ε of a method's setting,
 * the ε at which an answer flips or a must-have is met): THE ε rule, the same on the page, in the
 * API's text fields, the CLI and /statement — three significant digits rounded UP
 * (formatUpperBound). A bound shown rounded down would understate the privacy loss a reader signs
 * off on (ε = 1.0049 shown as "1.00" claims more privacy than the plan has). Null or ∞ means
 * unbounded: "∞". A target ε the reader typed is not a bound: formatEpsilonTarget.
 * @example formatEpsilon(7.99985) // "8.00"
 * @example formatEpsilon(1.0049) // "1.01"
 * @example formatEpsilon(8) // "8"
 */
export function formatEpsilon(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "∞";
  return formatUpperBound(x, EPSILON_SIGNIFICANT_DIGITS);
}

/** Significant digits of every printed privacy loss bound ε (formatEpsilon). */
export const EPSILON_SIGNIFICANT_DIGITS = 3;

/**
 * A target ε (or maxEps) as the reader typed it: exact, no rounding that changes it
 * (`String(x)`, the shortest text that reads back as the same number: 8 → "8", 0.125 → "0.125").
 * @example formatEpsilonTarget(0.125) // "0.125"
 */
export function formatEpsilonTarget(x: number | null): string {
  if (x === null || x === Infinity) return "∞";
  if (!Number.isFinite(x)) return "—";
  return String(x).replace("e+", "e");
}

/**
 * US dollars to the cent rounded UP: a cost bound (the budget a relaxation asks for, a cost shown
 * against the reader's maxCost), so that the budget printed is enough and a cost over the budget
 * never prints as equal to it.
 * @example formatUsdCentsUp(100.001) // "$100.01"
 */
export function formatUsdCentsUp(x: number): string {
  if (!Number.isFinite(x) || x < 0) return formatUsdCents(x);
  return `$${fixedUp(x, 2)}`;
}

/** x ≥ 0 rounded UP to exactly `digits` decimals, grouped: fixedUp(100.001, 2) === "100.01". */
function fixedUp(x: number, digits: number): string {
  const { ds, point } = decimalDigits(x);
  const up = ceilDigits(ds, point, point + digits);
  const [whole, frac = ""] = plainDecimal(up.ds, up.point).split(".");
  return digits > 0 ? `${whole}.${frac.padEnd(digits, "0")}` : whole!;
}

/**
 * A probability bound as a percentage rounded UP (a membership test's largest true-positive rate):
 * formatPercent's digits (two decimals, six significant digits above 99.99%, two below 0.01%),
 * but never below the bound, so "can be right at most 2.72% of the time" holds for 2.7185%.
 * @example formatPercentUpperBound(0.027185) // "2.72%"
 */
export function formatPercentUpperBound(fraction: number): string {
  if (!Number.isFinite(fraction) || fraction < 0) return formatPercent(fraction);
  const pct = fraction * 100;
  if (pct === 0 || pct >= 100) return `${Math.min(pct, 100)}%`;
  // Rounded up to 100 it reads "100%": a bound of certainty, true of any test (and what the
  // ledger printed before); 99.9999…% otherwise keeps six digits.
  if (pct > 99.99) return `${formatUpperBound(pct, 6).replace(/,/g, "").replace(/^100\.0*$/, "100")}%`;
  if (pct < 0.01) return `${formatUpperBound(pct, 2)}%`;
  return `${fixedUp(pct, 2)}%`;
}

/**
 * δ: three significant digits, trailing zeros dropped, scientific below 1e-3 — the form a reader
 * types into the δ box and the one the estimate's ledger prints (formatParameter), so the page,
 * the form, the statement and the preview all read "1.5e-5" for the same δ (the page used to
 * print "1.50e-5" beside a box reading "1.5e-5").
 * @example formatDelta(1 / 66674) // "1.5e-5"
 * @example formatDelta(1e-9) // "1e-9"
 * @example formatDelta(0.00125) // "0.00125"
 */
export function formatDelta(x: number): string {
  if (!Number.isFinite(x)) return "—";
  if (x === 0) return "0";
  const rounded = Number(x.toPrecision(3));
  return Math.abs(rounded) < 1e-3 ? rounded.toExponential().replace("e+", "e") : String(rounded);
}

/** A ratio as a multiple: "17×", "2.4×", "1.03×". */
export function formatMultiple(ratio: number): string {
  if (!Number.isFinite(ratio)) return "∞×";
  if (ratio >= 100) return `${groupedFixed(ratio, 0)}×`;
  if (ratio >= 10) return `${Math.round(ratio)}×`;
  return `${sig3(ratio)}×`;
}

/** A utility value in its metric's units: "95.9%", "39.1" (ROUGE points). */
export function formatUtility(value: number, unit: string): string {
  // The study prints one decimal; interpolations keep the same precision.
  const text = Math.abs(value) < 1000 ? value.toFixed(1) : String(Math.round(value));
  return unit === "%" ? `${text}%` : text;
}

/** Which accountant produced an ε, as the page names it. */
export function accountantName(label: string): string {
  switch (label) {
    case "prv": return "PRV";
    case "rdp": return "RDP";
    case "rdp-classic": return "RDP (classic conversion)";
    case "rdp-autodp-classic": return "RDP (autodp classic conversion)";
    case "gdp": return "exact μ-GDP";
    case "pate-data-dependent": return "PATE data-dependent";
    default: return label.toUpperCase();
  }
}

/**
 * A count with its noun, singular for exactly one: "1 query", "10,000 queries" (issue #19: "1 queries").
 * @example countNoun(1, "query", "queries") === "1 query"
 * @example countNoun(10000, "query", "queries") === "10,000 queries"
 */
export function countNoun(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

// The leakage ledger's formatters (formula strings and sentences of the estimate document, whose
// recorded hashes pin their text). They used Intl.NumberFormat with 0 and 1 fraction digits;
// groupedFixed gives the same text (test/present/format.test.ts) without loading ICU's data on the
// page's main thread.

/**
 * A count or other quantity: integers grouped ("66,674"), large reals with one decimal
 * ("27,166.4"), small reals with 4 significant digits ("0.0006"), huge ones in e-notation.
 * @example formatQuantity(66674) // "66,674"
 */
export function formatQuantity(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e15) return x.toPrecision(4).replace("e+", "e");
  if (Number.isInteger(x)) return groupedFixed(x, 0);
  if (Math.abs(x) >= 100) return groupedFixed(x, 1);
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toPrecision(3).replace("e+", "e");
  return String(Number(x.toPrecision(4)));
}

/**
 * A fraction or probability as a percentage, with enough digits to tell 99.97% from 100% (a share
 * of records rounded to "100.0%" would claim every record): two decimals, six significant digits
 * above 99.99%, two below 0.01%. The one percentage rule, on the page as in the ledger.
 * @example formatPercent(0.40744) // "40.74%"
 * @example formatPercent(0.999961) // "99.9961%"
 */
export function formatPercent(fraction: number): string {
  return percentTexts.get(fraction) ?? remember(percentTexts, fraction, writePercent(fraction));
}

/**
 * Texts of the two formatters an estimate calls hundreds of times (the leakage ledger's ε, δ and
 * percentages, ~300 calls per default scenario; issue #15's speed target, test/bench/RESULTS.md):
 * each text depends on the number alone. Keyed by SameValueZero, under which −0 and 0 are one key —
 * both format to the same text. Bounded: emptied when it reaches TEXT_MEMO_LIMIT entries.
 */
const percentTexts = new Map<number, string>();
const parameterTexts = new Map<number, string>();
const TEXT_MEMO_LIMIT = 4096;

function remember(memo: Map<number, string>, x: number, text: string): string {
  if (memo.size >= TEXT_MEMO_LIMIT) memo.clear();
  memo.set(x, text);
  return text;
}

function writePercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return "—";
  const pct = fraction * 100;
  if (pct === 0 || pct === 100) return `${pct}%`;
  if (pct > 99.99) return `${Number(pct.toPrecision(6))}%`;
  if (pct < 0.01) return `${pct.toPrecision(2).replace("e+", "e")}%`;
  return `${pct.toFixed(2)}%`;
}

/**
 * A privacy parameter (ε, δ, a sampling rate): 4 significant digits, e-notation below 1e-3.
 * @example formatParameter(1 / 66674) // "1.5e-5"
 */
export function formatParameter(x: number): string {
  return parameterTexts.get(x) ?? remember(parameterTexts, x, writeParameter(x));
}

function writeParameter(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && Math.abs(x) < 1e-3) return Number(x.toPrecision(3)).toExponential().replace("e+", "e");
  return String(Number(x.toPrecision(4)));
}

/** Four significant digits, no trailing zeros, scientific below 1e-3: how a target ε, σ, a sampling rate or a per-1M price reads in the statement's prose. @example formatSig(7.999854) === "8"; formatSig(1.4998e-5) === "1.5e-5" */
export function formatSig(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, "e").replace("e+", "e");
  return Number(x.toPrecision(digits)).toLocaleString("en-US", { maximumFractionDigits: 20 });
}
