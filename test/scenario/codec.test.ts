/** @jest-environment node */
import fc from "fast-check";
import {
  MAX_QUERY_CHARS, PRESET_IDS, defaultScenario, parseScenario, presetScenario, serializeScenario, validateScenario,
  type Scenario,
} from "@/lib/scenario";
import { scenarioArb } from "./arbitraries";

function deepHasNaN(value: unknown): boolean {
  if (typeof value === "number") return Number.isNaN(value);
  if (value && typeof value === "object") return Object.values(value).some(deepHasNaN);
  return false;
}

function parsed(query: string): Scenario {
  const r = parseScenario(query);
  if (!r.ok) throw new Error(`expected ${query} to parse: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

describe("share-link codec: examples", () => {
  test("the default scenario is the study's SST2 setup and serializes to v=1 (issue #2)", () => {
    const s = defaultScenario();
    expect(serializeScenario(s)).toBe("v=1");
    expect(s.preset).toBe("sst2");
    expect(s.records).toBe(66674); // paper Table 7
    expect(s.epsilon).toBe(8);
    expect(s.delta).toBe(1 / 66674);
    expect(s.queries).toBe(10000);
    expect(s.methods).toHaveLength(8);
    expect(parsed("")).toEqual(s);
  });

  test("a link keeps only what differs from the preset, in canonical key order", () => {
    const s = parsed("eps=3&n=5000");
    expect(s.epsilon).toBe(3);
    expect(s.records).toBe(5000);
    expect(s.delta).toBe(1 / 5000); // δ follows N unless given
    expect(serializeScenario(s)).toBe("v=1&n=5000&eps=3");
  });

  test("numbers are written without float noise and lists in catalogue order", () => {
    const s = parsed("delta=0.00001&methods=dp-opt,dp-icl&closed=gpt-4-turbo&gpuPrice=0.5");
    expect(serializeScenario(s)).toBe("v=1&delta=1e-5&methods=dp-icl,dp-opt&closed=gpt-4-turbo&gpuPrice=0.5");
  });

  test("knobs and price overrides use <method>.<knob> and price.<model>", () => {
    const s = parsed("dp-icl.ensemble=100&dp-icl.shots=1&price.gpt-4-turbo=10,30&private-lora.epochs=3");
    expect(s.knobs["dp-icl"]).toEqual({ ensemble: 100, shots: 1 });
    expect(s.knobs["private-lora"].epochs).toBe(3);
    expect(s.priceOverrides["gpt-4-turbo"]).toEqual({ inputUsdPerMTok: 10, outputUsdPerMTok: 30 });
    expect(serializeScenario(s)).toBe("v=1&price.gpt-4-turbo=10,30&dp-icl.ensemble=100&dp-icl.shots=1&private-lora.epochs=3");
  });

  test("a preset brings its dataset's N, tokens and knobs (docs/derivations.md §S3, §S8)", () => {
    const s = parsed("preset=samsum");
    expect(s).toEqual(presetScenario("samsum"));
    expect(s.records).toBe(14732);
    expect(s.knobs["dp-icl"]).toEqual({ ensemble: 100, shots: 1 });
  });

  test("bad fields are errors that name the field, what was received and what is allowed; the rest still parses", () => {
    const r = parseScenario("eps=-1&n=abc&methods=dp-icl,nope&queries=500&delta=1");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.errors.map((e) => [e.field, e]));
    expect(Object.keys(byField).sort()).toEqual(["delta", "eps", "methods", "n"]);
    expect(byField.eps).toMatchObject({ received: "-1", allowed: "a number from 0.001 to 100" });
    expect(byField.n).toMatchObject({ received: "abc", allowed: "an integer from 2 to 1000000000" });
    expect(byField.methods?.message).toContain('"nope"');
    expect(byField.delta?.allowed).toBe("a number at least 1e-20 and less than 1");
    expect(r.fallback.queries).toBe(500);
    expect(r.fallback.epsilon).toBe(8);
  });

  test("unknown keys and unknown knobs are warnings, not errors", () => {
    const r = parseScenario("utm_source=x&dp-icl.temperature=1&eps=2");
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.field)).toEqual(["utm_source", "dp-icl.temperature"]);
  });

  test("a key given twice is an error rather than a silent choice", () => {
    const r = parseScenario("eps=1&eps=8");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: "eps", message: "eps is given 2 times" });
  });

  test("caps: 2,000 characters, 20 list items", () => {
    const long = parseScenario("x=" + "a".repeat(MAX_QUERY_CHARS));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.errors[0]?.field).toBe("query");
    const many = parseScenario("closed=" + Array(21).fill("gpt-4-turbo").join(","));
    expect(many.ok).toBe(false);
  });

  test("rejects NaN, Infinity, hex and non-ASCII digits", () => {
    for (const bad of ["NaN", "Infinity", "0x10", "١٢", "1e999", "", " "]) {
      const r = parseScenario(`queries=${encodeURIComponent(bad)}`);
      expect(r.ok).toBe(false);
    }
  });

  test("accepts a plain object with numbers and arrays, as the JSON API does", () => {
    const r = parseScenario({ n: 5000, eps: 3, methods: ["dp-icl", "private-lora"], "dp-icl": { shots: 2 } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(serializeScenario(r.scenario)).toBe("v=1&n=5000&eps=3&methods=dp-icl,private-lora&dp-icl.shots=2");
    const bad = parseScenario({ eps: Number.NaN, n: true });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field).sort()).toEqual(["eps", "n"]);
    for (const notObject of [null, 3, "[]", [1, 2]]) expect(() => parseScenario(notObject)).not.toThrow();
  });

  test("every preset round-trips and validates against the zod schema", () => {
    for (const preset of PRESET_IDS) {
      const s = presetScenario(preset);
      expect(validateScenario(s).ok).toBe(true);
      expect(parsed(serializeScenario(s))).toEqual(s);
    }
  });
});

describe("share-link codec: properties (fast-check)", () => {
  test("parse(serialize(s)) deep-equals s for any valid scenario (1,000 runs)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(validateScenario(s).ok).toBe(true);
        const r = parseScenario(serializeScenario(s));
        expect(r.ok && r.scenario).toEqual(s);
      }),
      { numRuns: 1000, endOnFailure: true },
    );
  });

  test("serialization is canonical: parse → serialize → parse is a fixed point", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const once = serializeScenario(s);
        const r = parseScenario(once);
        expect(r.ok).toBe(true);
        if (r.ok) expect(serializeScenario(r.scenario)).toBe(once);
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });

  test("for any string, parseScenario neither throws nor returns NaN (10,000 runs)", () => {
    const keys = ["v", "preset", "task", "classes", "n", "in", "out", "queries", "eps", "delta", "methods", "closed", "open", "prices", "gpu", "gpuPrice", "dp-icl.shots", "price.gpt-4-turbo", "__proto__", "constructor"];
    const value = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.double().map(String), fc.constantFrom("NaN", "-0", "1e308", "1e-400", "Infinity", "<script>", "%", "%%", "a,b,,c"));
    const query = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string()), value), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&")),
    );
    fc.assert(
      fc.property(query, (q) => {
        const r = parseScenario(q);
        expect(deepHasNaN(r)).toBe(false);
        const s = r.ok ? r.scenario : r.fallback;
        expect(validateScenario(s).ok).toBe(true);
        if (!r.ok) for (const e of r.errors) expect(e.field).toBeTruthy();
      }),
      { numRuns: 10000, endOnFailure: true },
    );
  });
});
