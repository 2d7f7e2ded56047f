/**
 * fast-check generators of hostile share links and JSON bodies: every real key next to
 * prototype-pollution keys, values that break naive number parsing (NaN, Infinity, hex, unicode
 * digits, 1e309, denormals), script payloads, 10 kB values, duplicated keys and broken
 * percent-encoding. Shared by the parseScenario fuzz and the API handler fuzz.
 */
import fc from "fast-check";
import { CLOSED_MODEL_IDS, KNOB_SPECS, OPEN_MODEL_IDS, PRICE_OVERRIDE_PREFIX, TOP_FIELDS, METHOD_IDS } from "@/lib";

export const SCRIPT_PAYLOADS = [
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "'><svg onload=alert(1)>",
  "javascript:alert(1)",
  "</script><script>alert(1)</script>",
  "{{constructor.constructor('alert(1)')()}}",
] as const;

/** Every key a share link may carry. */
export const KNOWN_KEYS: readonly string[] = [
  ...TOP_FIELDS.map((f) => f.key),
  ...METHOD_IDS.flatMap((m) => Object.keys(KNOB_SPECS[m]).map((k) => `${m}.${k}`)),
  ...[...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS].map((m) => `${PRICE_OVERRIDE_PREFIX}${m}`),
];

const HOSTILE_KEYS = [
  "__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__",
  "__proto__.polluted", "constructor.prototype", "dp-icl.__proto__", "dp-icl.constructor", "price.__proto__",
  "price.", "price.constructor", "dp-icl.", ".", "..", "", " ", "eps ", " eps", "EPS", "Eps", "eps[]", "eps[0]",
  "méthodes", "ε", "\u0000", "a\u0000b", "%00", "\uFEFFeps", "n\u200B", ...SCRIPT_PAYLOADS,
];

const NUMBERS_AS_TEXT = [
  "0", "-0", "+0", "1", "-1", "3", "8", "0.5", ".5", "5.", "1e-5", "1E5", "1e+5", "1e308", "1.7976931348623157e308",
  "1e309", "-1e309", "5e-324", "4.9e-324", "1e-400", "2.2250738585072014e-308", "9007199254740993",
  "99999999999999999999999", "1e12", "1e12.5", "1000000000001", "1e9", "1000000001", "100", "100.000001",
  "NaN", "nan", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "∞", "0x10", "0X1f", "0b101", "0o17", "1_000",
  "1,000", "1 000", "١٢٣", "۱۲۳", "１２３", "߁߂", "१२३", "𝟏𝟐𝟑", "³", "½", "Ⅻ", " 3 ", "\t3\n", "3 3", "--3", "+-3",
  "3e", "e3", "3ee3", "3.4.5", "", " ", "true", "false", "null", "undefined", "[]", "{}", "[1]",
];

const LIST_AS_TEXT = [
  "dp-icl", "dp-icl,prompt-pate", "dp-icl,dp-icl", ",", ",,,", "dp-icl,", ",dp-icl", "DP-ICL", "dp-icl ,  prompt-pate",
  "nope", "__proto__", "constructor", Array.from({ length: 25 }, () => "dp-icl").join(","), METHOD_IDS.join(","),
  [...CLOSED_MODEL_IDS].join(","), [...OPEN_MODEL_IDS].join(","), "2,8", "0,0", "1e5,1e5", "100001,1", "1,NaN", "1,2,3", "1",
];

const BIG_VALUES = ["9".repeat(10_000), "a".repeat(10_240), "<".repeat(5000), `${"1".repeat(400)}e-400`, "%".repeat(3000)];

/** A value as it may appear in a link: a real one, a near-miss, a hostile one or random text. */
export const rawValueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NUMBERS_AS_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...LIST_AS_TEXT) },
  { weight: 2, arbitrary: fc.double().map((x) => String(x)) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...SCRIPT_PAYLOADS) },
  { weight: 1, arbitrary: fc.constantFrom(...BIG_VALUES) },
);

export const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...METHOD_IDS), fc.string({ maxLength: 8 })).map(([m, k]) => `${m}.${k}`) },
);

/** How a pair is written: encoded, raw, half-encoded, or with a broken escape. */
const encodings: ((s: string) => string)[] = [
  (s) => encodeURIComponent(s),
  (s) => s,
  (s) => s.replace(/ /g, "+"),
  (s) => `${encodeURIComponent(s)}%`,
  (s) => s.replace(/./gu, (c) => (c === "&" || c === "=" ? encodeURIComponent(c) : c)),
  (s) => `%E0%A4%A${s}`,
];

const pairArb = fc.tuple(keyArb, rawValueArb, fc.nat({ max: encodings.length - 1 }), fc.nat({ max: encodings.length - 1 }), fc.nat({ max: 9 })).map(
  ([k, v, ek, ev, shape]) => {
    const key = encodings[ek]!(k);
    const value = encodings[ev]!(v);
    if (shape === 0) return key; // a bare key, no "="
    if (shape === 1) return `${key}==${value}`;
    return `${key}=${value}`;
  },
);

/** A whole query string: 0–12 pairs, sometimes duplicated, sometimes prefixed with "?" or "&". */
export const queryStringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc
    .tuple(fc.array(pairArb, { maxLength: 12 }), fc.boolean(), fc.constantFrom("&", "&&", ";", "&amp;"), fc.boolean())
    .map(([pairs, question, sep, dup]) => {
      const all = dup && pairs.length > 0 ? [...pairs, pairs[0]!] : pairs;
      return `${question ? "?" : ""}${all.join(sep)}`;
    }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom("", "?", "&", "=", "&=&", "==", "%", "%%", "?&?", "eps", "eps=", "=eps", "a=1&".repeat(600), `eps=${"9".repeat(10_000)}`) },
);

/** A JSON-ish value, including what JSON itself cannot carry but a JS caller can (NaN, ±Infinity, -0). */
const jsonLeafArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: rawValueArb },
  { weight: 3, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, undefined) },
);

const jsonValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: jsonLeafArb },
  { weight: 2, arbitrary: fc.array(jsonLeafArb, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.dictionary(keyArb, jsonLeafArb, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.array(jsonLeafArb, { maxLength: 2 }), { maxLength: 2 }) },
);

/**
 * A body as an API client might POST it, as an object built the way JSON.parse builds one
 * (so "__proto__" is an own key, not the prototype).
 */
export const jsonBodyArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.array(fc.tuple(keyArb, jsonValueArb), { maxLength: 12 }).map((pairs) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of pairs) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    return o;
  }) },
  { weight: 1, arbitrary: jsonLeafArb },
  { weight: 1, arbitrary: fc.array(jsonValueArb, { maxLength: 3 }) },
);

/**
 * Body text as it arrives over HTTP: valid JSON of the bodies above, JSON with duplicated keys,
 * truncated JSON, JSON5-isms, or plain garbage.
 */
export const jsonTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: jsonBodyArb.map((b) => JSON.stringify(b) ?? "null") },
  { weight: 2, arbitrary: fc.tuple(keyArb, rawValueArb, rawValueArb).map(([k, a, b]) => `{${JSON.stringify(k)}:${JSON.stringify(a)},${JSON.stringify(k)}:${JSON.stringify(b)}}`) },
  { weight: 1, arbitrary: jsonBodyArb.map((b) => (JSON.stringify(b) ?? "null").slice(0, -1)) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "{", "}", "[", "{'eps': 3}", "{eps: 3}", "{\"eps\": NaN}", "{\"eps\": Infinity}", "{\"eps\": 1e999}", "{\"__proto__\": {\"polluted\": 1}}", "{\"constructor\": {\"prototype\": {\"polluted\": 1}}}", "null", "[]", "\"eps=3\"", "3", "true", "\uFEFF{}", `{"eps": "${"9".repeat(10_000)}"}`) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 100 }) },
);

/** Any NaN anywhere in a value (own enumerable properties, arrays). */
export function findNaN(value: unknown, path = "$", seen = new Set<unknown>()): string | null {
  if (typeof value === "number") return Number.isNaN(value) ? path : null;
  if (value === null || typeof value !== "object" || seen.has(value)) return null;
  seen.add(value);
  for (const [k, v] of Object.entries(value)) {
    const hit = findNaN(v, `${path}.${k}`, seen);
    if (hit) return hit;
  }
  return null;
}
