/** @jest-environment node */
/**
 * Fuzzing the share-link codec (issue #8 §3): 105,000 hostile query strings and JSON bodies
 * through parseScenario (the round trip of valid scenarios is in round-trip.fuzz.test.ts).
 *
 * For every input: no throw; every error names its field, says what was received and what is
 * allowed; no NaN anywhere in the result; the scenario it yields (or the fallback the page shows)
 * is valid and round-trips; the result is JSON-serialisable (the API sends it); and nothing
 * leaks onto Object.prototype.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { parseScenario, serializeScenario, validateScenario, type ParseResult, type Scenario } from "@/lib";
import { SCRIPT_PAYLOADS, KNOWN_KEYS, findNaN, jsonBodyArb, jsonTextArb, queryStringArb } from "./adversarial";

const SEED = Number(process.env.FUZZ_SEED ?? 20260801);
const QUERY_RUNS = 50_000;
const OBJECT_RUNS = 30_000;
const TEXT_RUNS = 20_000;

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");
const cleanPrototype = prototypeKeys();

/** The invariants of one parse; returns a description of the first violation, or null. */
function violation(result: ParseResult): string | null {
  if (typeof result !== "object" || result === null || typeof result.ok !== "boolean") return "not a ParseResult";
  // `received` echoes the caller's own value (a JS caller may pass NaN itself); nothing else may hold NaN.
  const nan = findNaN({ ...result, errors: result.ok ? [] : result.errors.map((e) => ({ ...e, received: null })) });
  if (nan) return `NaN at ${nan}`;
  for (const w of result.warnings) {
    if (typeof w.field !== "string" || w.field === "") return `warning without a field: ${JSON.stringify(w)}`;
    if (typeof w.message !== "string" || w.message === "") return `warning without a message: ${JSON.stringify(w)}`;
  }
  let scenario: Scenario;
  if (result.ok) {
    scenario = result.scenario;
  } else {
    if (result.errors.length === 0) return "ok:false without errors";
    for (const e of result.errors) {
      if (typeof e.field !== "string" || e.field === "") return `error without a field: ${JSON.stringify(e)}`;
      if (typeof e.message !== "string" || e.message === "") return `error without a message: ${JSON.stringify(e)}`;
      if (typeof e.allowed !== "string" || e.allowed === "") return `error without "allowed": ${JSON.stringify(e)}`;
      if (!("received" in e)) return `error without "received": ${JSON.stringify(e)}`;
    }
    scenario = result.fallback;
  }
  // Most hostile inputs fall back to the same few scenarios: validate and re-read each link once.
  const link = serializeScenario(scenario);
  if (checkedLinks.has(link)) return jsonProblem(result);
  checkedLinks.add(link);
  const valid = validateScenario(scenario);
  if (!valid.ok) return `invalid scenario: ${valid.issues.join("; ")}`;
  // Whatever was read, its canonical link must read back to the same scenario.
  const again = parseScenario(link);
  if (!again.ok) return `canonical link ${link} does not parse: ${JSON.stringify(again.errors)}`;
  if (serializeScenario(again.scenario) !== link) return `canonical link ${link} is not stable`;
  if (!isDeepStrictEqual(again.scenario, scenario)) return `canonical link ${link} reads back to another scenario`;
  return jsonProblem(result);
}

const checkedLinks = new Set<string>();

function jsonProblem(result: ParseResult): string | null {
  try {
    JSON.stringify(result);
    return null;
  } catch (cause) {
    return `not JSON-serialisable: ${String(cause)}`;
  }
}

function check(input: unknown): void {
  let result: ParseResult;
  try {
    result = parseScenario(input);
  } catch (cause) {
    throw new Error(`parseScenario threw on ${JSON.stringify(input)?.slice(0, 300)}: ${String(cause)}`);
  }
  const v = violation(result);
  if (v) throw new Error(`${v}\ninput: ${JSON.stringify(input)?.slice(0, 300)}`);
}

afterAll(() => {
  expect(prototypeKeys()).toBe(cleanPrototype);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe("parseScenario under fuzzing", () => {
  test(`${QUERY_RUNS} hostile query strings: no throw, named errors, no NaN, valid round-tripping result`, () => {
    fc.assert(fc.property(queryStringArb, (q) => check(q)), { numRuns: QUERY_RUNS, seed: SEED });
  });

  test(`${QUERY_RUNS / 10} of them also as URLSearchParams, as the page hands them over`, () => {
    fc.assert(fc.property(queryStringArb, (q) => check(new URLSearchParams(q))), { numRuns: QUERY_RUNS / 10, seed: SEED + 1 });
  });

  test(`${OBJECT_RUNS} hostile JSON bodies as objects (NaN, Infinity, -0, __proto__, nesting)`, () => {
    fc.assert(fc.property(jsonBodyArb, (b) => check(b)), { numRuns: OBJECT_RUNS, seed: SEED + 2 });
  });

  test(`${TEXT_RUNS} body texts through JSON.parse (duplicated keys, truncation, garbage)`, () => {
    fc.assert(
      fc.property(jsonTextArb, (text) => {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return; // the API answers 400 before the codec sees it; fuzzed there
        }
        check(body);
      }),
      { numRuns: TEXT_RUNS, seed: SEED + 3 },
    );
  });

  test("every key with every script payload: refused or ignored, never a crash", () => {
    for (const key of KNOWN_KEYS) {
      for (const payload of SCRIPT_PAYLOADS) {
        check(`${encodeURIComponent(key)}=${encodeURIComponent(payload)}`);
        check({ [key]: payload });
        // A script payload is never a valid value of any key, so it must be refused by name.
        const r = parseScenario({ [key]: payload });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors.map((e) => e.field)).toContain(key);
      }
    }
  });

  test("known hostile cases", () => {
    const cases: unknown[] = [
      "eps=NaN", "eps=Infinity", "eps=1e309", "n=1e9&n=2", "queries=١٢٣", "queries=１２３", "__proto__=1", "constructor=1",
      "__proto__[polluted]=1", `eps=${"9".repeat(10_000)}`, "a=1&".repeat(600), JSON.parse('{"__proto__": {"polluted": 1}}'),
      JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'), { eps: NaN }, { eps: Infinity }, { eps: -0 }, { n: [1, 2] },
      { methods: [["dp-icl"]] }, { "": null }, { "": { "": null } }, { eps: { valueOf: () => 3 } }, null, undefined, 3, [], "",
    ];
    for (const c of cases) check(c);
  });
});

describe("one-record scenarios (formerly a known codec issue)", () => {
  test("n=1 is refused with a named error, since the default δ = 1/N would be 1 (outside δ's range)", () => {
    const r = parseScenario("n=1");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.field)).toEqual(["n"]);
      expect(validateScenario(r.fallback).ok).toBe(true);
    }
    const two = parseScenario("n=2");
    expect(two.ok && validateScenario(two.scenario).ok).toBe(true);
  });
});
