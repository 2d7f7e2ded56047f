/** @jest-environment node */
/**
 * The OpenAPI 3.1 document. Oracles: the scenario tables (TOP_FIELDS, KNOB_SPECS, the model
 * catalogue) for completeness, the codec (`parseScenario`) for what the generated schemas accept,
 * and the OpenAPI 3.1 / JSON Schema 2020-12 structure rules for shape.
 */
import { z } from "zod";
import type { Json } from "./helpers";
import { GET } from "@/app/api/v1/openapi.json/route";
import { APP_VERSION, OPTION_KEYS, openApiDocument, shareLinkKeys } from "@/lib/api";
import { CLOSED_MODEL_IDS, KNOB_SPECS, METHOD_IDS, OPEN_MODEL_IDS, PRICE_OVERRIDE_PREFIX, TOP_FIELDS, knobKey, parseScenario, type MethodId } from "@/lib";

const doc = openApiDocument() as Json;

const ALL_MODELS = [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS];
const TOP_KEYS = TOP_FIELDS.map((f) => f.key);
const KNOB_KEYS = METHOD_IDS.flatMap((m) => Object.keys(KNOB_SPECS[m]).map((k) => knobKey(m as MethodId, k)));
const PRICE_KEYS = ALL_MODELS.map((m) => `${PRICE_OVERRIDE_PREFIX}${m}`);

function resolve(node: Json): Json {
  if (typeof node.$ref !== "string") return node;
  const path = (node.$ref as string).replace(/^#\//, "").split("/");
  return path.reduce((at: Json, part) => at?.[part], doc);
}

function getParameters(): Json[] {
  return (doc.paths["/api/v1/estimate"].get.parameters as Json[]).map(resolve);
}

describe("document shape (OpenAPI 3.1)", () => {
  test("version, dialect, info and the three paths", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(doc.info).toMatchObject({ title: "privadapt API", version: APP_VERSION });
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/estimate", "/api/v1/og", "/api/v1/openapi.json"]);
    expect(Object.keys(doc.paths["/api/v1/estimate"]).sort()).toEqual(["get", "post"]);
  });

  test("every $ref resolves inside the document", () => {
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "$ref") refs.push(v as string);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(50);
    const broken = refs.filter((r) => !r.startsWith("#/") || resolve({ $ref: r }) === undefined);
    expect(broken).toEqual([]);
  });

  test("operation ids are unique and every operation has responses", () => {
    const ops = Object.values(doc.paths as Record<string, Json>).flatMap((p) => Object.values(p)) as Json[];
    const ids = ops.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of ops) expect(Object.keys(o.responses).length).toBeGreaterThan(0);
  });

  test("estimate responses: 200 Estimate with cache headers, 304 on GET, 400 and 500 Errors", () => {
    const { get, post } = doc.paths["/api/v1/estimate"];
    for (const op of [get, post]) {
      expect(op.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Estimate" });
      expect(Object.keys(op.responses["200"].headers)).toEqual(expect.arrayContaining(["ETag", "Cache-Control"]));
      expect(op.responses["400"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Errors" });
      expect(op.responses["500"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Errors" });
    }
    expect(get.responses["304"]).toBeDefined();
    expect(post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ScenarioInput" });
  });

  test("component schemas carry no per-schema $schema/$id and no raw metadata keywords (key, label, unit)", () => {
    const offenders: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
      if (!node || typeof node !== "object") return;
      for (const [k, v] of Object.entries(node)) {
        if (["$schema", "$id", "key", "label", "unit"].includes(k)) offenders.push(`${path}/${k}`);
        // Inside a properties map the keys are property names (a row does have a "label"), not keywords.
        if (k === "properties" || k === "patternProperties") for (const [name, s] of Object.entries(v as Json)) walk(s, `${path}/${k}/${name}`);
        else walk(v, `${path}/${k}`);
      }
    };
    walk(doc.components.schemas, "#/components/schemas");
    for (const p of Object.values(doc.components.parameters) as Json[]) walk(p.schema, `parameter ${p.name}`);
    expect(offenders).toEqual([]);
  });

  test("the route serves the same document as JSON", async () => {
    const r = GET();
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await r.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

describe("every scenario key is documented", () => {
  const byName = new Map(getParameters().map((p) => [p.name, p]));

  test("GET lists every TOP_FIELDS key, every knob key and every price.<model> as a query parameter", () => {
    const names = [...byName.keys()];
    expect(names).toEqual(expect.arrayContaining([...TOP_KEYS, ...KNOB_KEYS, ...PRICE_KEYS, ...Object.keys(OPTION_KEYS)]));
    expect(names).toHaveLength(TOP_KEYS.length + KNOB_KEYS.length + PRICE_KEYS.length + Object.keys(OPTION_KEYS).length + 1);
    expect(byName.get("If-None-Match")).toMatchObject({ in: "header" });
  });

  test.each(TOP_FIELDS.map((f) => [f.key, f] as const))("%s: description, unit and the codec's bounds or values", (key, field) => {
    const p = byName.get(key) as Json;
    expect(p.in).toBe("query");
    expect(p.description).toContain(field.description);
    if (field.unit) expect(p["x-unit"]).toBe(field.unit);
    const kind = field.kind;
    if (kind.type === "number") {
      // v=3 (today's setup) since issue #17.
      if (key === "v") return expect(p.schema.enum).toEqual([1, 2, 3]);
      expect(p.schema.type).toBe(kind.integer ? "integer" : "number");
      expect(p.schema[kind.minExclusive ? "exclusiveMinimum" : "minimum"]).toBe(kind.min);
      expect(p.schema[kind.maxExclusive ? "exclusiveMaximum" : "maximum"]).toBe(kind.max);
    } else if (kind.type === "enum") {
      expect(p.schema.enum).toEqual([...kind.values]);
    } else {
      expect(p).toMatchObject({ style: "form", explode: false });
      expect(p.schema.items.enum).toEqual([...kind.values]);
      expect(p.schema.maxItems).toBe(kind.maxItems);
    }
  });

  test.each(KNOB_KEYS)("%s: the knob's bounds (or values) and unit", (key) => {
    const [method, knob] = key.split(".") as [MethodId, string];
    const spec = (KNOB_SPECS[method] as Record<string, { min?: number; max?: number; integer?: boolean; values?: readonly string[]; unit: string; description: string }>)[knob];
    const p = byName.get(key) as Json;
    expect(p.description).toContain(spec?.description);
    // An enum knob (`<method>.impl`) lists its values; a numeric one its bounds.
    if (spec?.values) expect(p.schema).toMatchObject({ enum: [...spec.values] });
    else expect(p.schema).toMatchObject({ type: spec?.integer ? "integer" : "number", minimum: spec?.min, maximum: spec?.max });
    if (spec?.unit) expect(p["x-unit"]).toBe(spec.unit);
  });

  test("price.<model>: two comma-separated prices from 0 to 100000", () => {
    for (const key of PRICE_KEYS) {
      const p = byName.get(key) as Json;
      expect(p).toMatchObject({ style: "form", explode: false, schema: { type: "array", minItems: 2, maxItems: 2, items: { minimum: 0, maximum: 100000 } } });
    }
  });

  test("the POST body schema names every key, nests knobs, and matches price.<model> by pattern", () => {
    const body = doc.components.schemas.ScenarioInput as Json;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining([...TOP_KEYS, ...KNOB_KEYS, ...METHOD_IDS]));
    const [pattern] = Object.keys(body.patternProperties);
    const re = new RegExp(pattern as string);
    for (const key of PRICE_KEYS) expect(re.test(key)).toBe(true);
    for (const bad of ["price.nope", "price.gpt-4oX", "xprice.gpt-4o", "price.gpt-3d5-turbo-instruct"]) expect(re.test(bad)).toBe(false);
  });

  test("shareLinkKeys() is exactly the codec's key set (no key the codec would not read)", () => {
    for (const { key } of shareLinkKeys()) {
      const r = parseScenario(`${key}=1`);
      // Any outcome but "unknown key ignored" shows the codec reads the key.
      expect(r.warnings.filter((w) => w.message.startsWith("Unknown key"))).toEqual([]);
    }
  });
});

describe("the generated body schema accepts what the codec accepts (z.fromJSONSchema round trip)", () => {
  const bodySchema = z.fromJSONSchema(doc.components.schemas.ScenarioInput);

  /** Values just inside and just outside each key's range, typed as JSON (strings are the codec's business). */
  function probes(key: string): unknown[] {
    const k = shareLinkKeys().find((x) => x.key === key);
    const s = k?.schema as Json;
    if (k?.kind === "enum") return [s.enum[0], "not-an-id"];
    if (k?.kind === "list") return [[s.items.enum[0]], ["not-an-id"], []];
    if (k?.kind === "price") return [[1, 2], [1], [-1, 2]];
    const lo = s.minimum ?? s.exclusiveMinimum;
    const hi = s.maximum ?? s.exclusiveMaximum;
    const out: unknown[] = [s.const ?? (s.type === "integer" ? Math.ceil((lo + Math.min(hi, lo + 10)) / 2) : (lo + Math.min(hi, lo + 1)) / 2), lo - 1, hi + 1];
    if (s.type === "integer") out.push(lo + 0.5);
    if (s.exclusiveMinimum !== undefined) out.push(s.exclusiveMinimum);
    return out;
  }

  test.each(shareLinkKeys().map((k) => k.key))("%s: schema verdict = codec verdict", (key) => {
    for (const value of probes(key)) {
      const body = { [key]: value };
      const codec = parseScenario(body);
      expect({ key, value, schema: bodySchema.safeParse(body).success }).toEqual({ key, value, schema: codec.ok });
    }
  });
});

describe("reserved option keys", () => {
  test("never collide with a share-link key, so the API cannot shadow a scenario field", () => {
    const scenarioKeys = new Set(shareLinkKeys().map((k) => k.key));
    for (const option of Object.keys(OPTION_KEYS)) {
      expect(scenarioKeys.has(option)).toBe(false);
      expect(option.startsWith(PRICE_OVERRIDE_PREFIX)).toBe(false);
      expect(parseScenario(`${option}=1`).warnings.map((w) => w.field)).toEqual([option]);
    }
  });
});
