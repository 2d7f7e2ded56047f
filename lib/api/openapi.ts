/**
 * The OpenAPI 3.1 document of the JSON API, generated, never written by hand:
 * - scenario parameters and the POST body come from `z.toJSONSchema(scenarioSchema)`: every
 *   share-link key in TOP_FIELDS, every `<method>.<knob>` of KNOB_SPECS and every
 *   `price.<model>`, each with the description, unit, bounds and enum the schema's `.meta()` and
 *   checks carry;
 * - response and error schemas come from the zod schemas in ./response-schema (the contract tests
 *   parse real estimates with the same schemas).
 * OpenAPI 3.1 uses JSON Schema 2020-12, zod's default target, so schemas need no translation
 * beyond moving our metadata keys (`key`, `label`, `unit`) to `title` and `x-` extensions.
 */
import { z } from "zod";
import {
  CLOSED_MODEL_IDS, KNOB_SPECS, MAX_QUERY_CHARS, METHOD_IDS, OPEN_MODEL_IDS, PRICE_OVERRIDE_META, PRICE_OVERRIDE_PREFIX,
  TOP_FIELDS, knobKey, scenarioSchema, type MethodId,
} from "../index";
import { APP_VERSION } from "./estimate-cache";
import { ESTIMATE_PATH, MAX_BODY_BYTES, OPTION_KEYS } from "./estimate-api";
import {
  breakEvenEntrySchema, breakEvenSchema, errorsSchema, estimateRowSchema, estimateSchema, fieldErrorSchema, fieldWarningSchema,
  hypothesisTestSchema, leakageRowSchema, leakageSectionSchema, methodPrivacySchema, methodSectionSchema, providerPolicySchema, sensitivitySchema, skippedPairSchema,
  utilitySchema,
} from "./response-schema";

type Json = Record<string, unknown>;

export const OPENAPI_PATH = "/api/v1/openapi.json";
export const OG_IMAGE_PATH = "/api/v1/og";
/** The codec's number syntax (lib/scenario/codec.ts NUMBER_PATTERN): decimal or scientific, ASCII digits. */
export const NUMERIC_STRING_PATTERN = "^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?$";

const ref = (kind: "schemas" | "parameters" | "headers" | "responses", id: string) => ({ $ref: `#/components/${kind}/${id}` });

/** Move our `.meta()` keys to OpenAPI-friendly ones, recursively; drop per-schema `$schema`/`$id`. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (value === null || typeof value !== "object") return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    if (k === "$schema" || k === "$id" || k === "key") continue;
    if (k === "label") out.title = v;
    else if (k === "unit") {
      if (typeof v === "string" && v !== "") out["x-unit"] = v;
    } else if (k === "properties" || k === "patternProperties" || k === "$defs") {
      out[k] = Object.fromEntries(Object.entries(v as Json).map(([name, s]) => [name, tidy(s)]));
    } else out[k] = tidy(v);
  }
  return out;
}

/** The scenario as JSON Schema (input side), once. */
function scenarioJson(): Json {
  return z.toJSONSchema(scenarioSchema, { target: "draft-2020-12", io: "input" }) as Json;
}

interface KeySchema {
  key: string;
  /** The field's JSON Schema (value form, nullable branch removed). */
  schema: Json;
  kind: "number" | "enum" | "list" | "price";
  description: string;
  unit: string;
}

function props(schema: Json): Record<string, Json> {
  return (schema.properties ?? {}) as Record<string, Json>;
}

function withoutNull(schema: Json): Json {
  const anyOf = schema.anyOf as Json[] | undefined;
  if (!anyOf) return schema;
  const rest = anyOf.filter((s) => s.type !== "null");
  return rest.length === 1 ? (rest[0] as Json) : schema;
}

/** Every share-link key with its schema, in canonical order: top fields, price overrides, knobs. */
export function shareLinkKeys(): KeySchema[] {
  const json = scenarioJson();
  const top = props(json);
  const out: KeySchema[] = [];
  for (const f of TOP_FIELDS) {
    const schema = withoutNull(top[f.path] as Json);
    out.push({ key: f.key, schema, kind: f.kind.type, description: f.description, unit: f.unit });
  }
  const overrides = top.priceOverrides as Json;
  const price = (overrides.additionalProperties ?? {}) as Json;
  const priceProps = props(price);
  for (const model of [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS]) {
    out.push({
      key: `${PRICE_OVERRIDE_PREFIX}${model}`,
      schema: {
        type: "array",
        items: { ...(priceProps.inputUsdPerMTok as Json) },
        prefixItems: [
          { ...(priceProps.inputUsdPerMTok as Json), description: "Input price, $ per 1M tokens." },
          { ...(priceProps.outputUsdPerMTok as Json), description: "Output price, $ per 1M tokens." },
        ],
        minItems: 2,
        maxItems: 2,
      },
      kind: "price",
      description: `${PRICE_OVERRIDE_META.description} Model: ${model}.`,
      unit: PRICE_OVERRIDE_META.unit,
    });
  }
  const knobs = props(top.knobs as Json);
  for (const method of METHOD_IDS) {
    const methodKnobs = props(knobs[method] as Json);
    for (const knob of Object.keys(KNOB_SPECS[method])) {
      const schema = methodKnobs[knob] as Json;
      const spec = (KNOB_SPECS[method] as Record<string, { description: string; unit: string }>)[knob];
      out.push({ key: knobKey(method as MethodId, knob), schema, kind: schema && "enum" in schema ? "enum" : "number", description: spec?.description ?? "", unit: spec?.unit ?? "" });
    }
  }
  return out;
}

function describe(k: KeySchema): string {
  const unit = k.unit ? ` Unit: ${k.unit}.` : "";
  const list = k.kind === "list" ? " Comma-separated." : k.kind === "price" ? " Two comma-separated numbers, e.g. 2,8." : "";
  const omitted = k.kind === "price" ? "the price set's price" : "the preset's default";
  return `${k.description}${unit}${list} Omitted: ${omitted}.`;
}

function queryParameter(k: KeySchema): Json {
  const commaSeparated = k.kind === "list" || k.kind === "price";
  return {
    name: k.key,
    in: "query",
    required: false,
    description: describe(k),
    ...(commaSeparated ? { style: "form", explode: false } : {}),
    schema: tidy(k.schema),
    ...(k.unit ? { "x-unit": k.unit } : {}),
  };
}

/** The POST body: the same keys, values as JSON numbers/arrays or as the link's strings. */
function bodyProperty(k: KeySchema): Json {
  const schema = tidy(k.schema) as Json;
  // The field's own description gives way to the fuller one (unit, list syntax, default).
  const { title, ...value } = schema;
  delete value.description;
  const meta = { ...(title ? { title } : {}), description: describe(k) };
  if (k.kind === "number") return { ...meta, anyOf: [value, { type: "string", pattern: NUMERIC_STRING_PATTERN }] };
  if (k.kind === "list") return { ...meta, anyOf: [value, { type: "string", description: "Comma-separated ids." }] };
  if (k.kind === "price") return { ...meta, anyOf: [value, { type: "string", description: "Input and output price, comma-separated, e.g. \"2,8\"." }] };
  return { ...meta, ...value };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function scenarioInputSchema(keys: KeySchema[]): Json {
  const properties: Json = {};
  const knobsByMethod = new Map<string, Json>();
  for (const k of keys) {
    if (k.kind === "price") continue;
    properties[k.key] = bodyProperty(k);
    const dot = k.key.indexOf(".");
    if (dot > 0 && (METHOD_IDS as readonly string[]).includes(k.key.slice(0, dot))) {
      const method = k.key.slice(0, dot);
      const nested = knobsByMethod.get(method) ?? {};
      nested[k.key.slice(dot + 1)] = bodyProperty(k);
      knobsByMethod.set(method, nested);
    }
  }
  for (const [method, nested] of knobsByMethod) {
    properties[method] = { type: "object", description: `${method}'s knobs nested: {"${method}": {"${Object.keys(nested)[0]}": 1}} is the same as {"${method}.${Object.keys(nested)[0]}": 1}.`, properties: nested };
  }
  for (const [key, description] of Object.entries(OPTION_KEYS)) properties[key] = { description, anyOf: [{ type: "boolean" }, { type: "string", enum: ["true", "false", "1", "0", ""] }] };
  const price = keys.find((k) => k.kind === "price");
  const models = [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS].map(escapeRegex).join("|");
  return {
    type: "object",
    description:
      `A scenario as share-link keys. Every key is optional; omitted keys take the preset's defaults, so {} is the default scenario. ` +
      `Lists may be arrays or comma-separated strings, numbers may be JSON numbers or numeric strings. Unknown keys are ignored and reported in \`warnings\`. ` +
      `At most ${MAX_QUERY_CHARS} characters when written as a query string, and at most ${MAX_BODY_BYTES} bytes of JSON.`,
    properties,
    patternProperties: price ? { [`^${escapeRegex(PRICE_OVERRIDE_PREFIX)}(${models})$`]: bodyProperty(price) } : {},
    examples: [{ preset: "samsum", eps: 3, methods: ["dp-icl", "private-lora"], open: "llama-3-8b-instruct", "dp-icl": { shots: 1 } }],
  };
}

function responseSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string; description?: string }>();
  registry.add(scenarioSchema, { id: "Scenario", description: "The full scenario the estimate was computed for (all defaults filled in)." });
  registry.add(estimateSchema, {
    id: "Estimate",
    description: "Exactly the CLI's `estimate` JSON: cost, privacy, leakage and measured utility per method × model. What rows share is sent once and referenced by id: " +
      "a row's privacy is `privacy[]` with its `method`; its assumptions and sources follow `methods[method]`'s; its leakage sources follow `leakage.sources`, " +
      "its channel C and hypothesis test are `methods[method].hypothesisTest` (at the ε the method's plan achieves), its provider's policy is `leakage.providers[provider]`.",
  });
  registry.add(estimateRowSchema, { id: "EstimateRow", description: "One compared method × model. Contract fields listed; more may be present." });
  registry.add(methodPrivacySchema, { id: "MethodPrivacy" });
  registry.add(methodSectionSchema, { id: "MethodSection", description: "What every row of one method shares." });
  registry.add(leakageRowSchema, { id: "LeakageRow", description: "The leakage ledger of one option: channels A, B, C (C by reference to `methods[method].hypothesisTest`, the provider's policy to `leakage`)." });
  registry.add(leakageSectionSchema, { id: "LeakageSection", description: "What every row's leakage shares: the membership-test bound when all rows share one, leading sources, provider policies." });
  registry.add(hypothesisTestSchema, { id: "HypothesisTest", description: "The (ε, δ)-DP bound on a membership-inference test's true-positive rate at FPR 1%, 5%, 10%, at the (ε, δ) the plan achieves." });
  registry.add(providerPolicySchema, { id: "ProviderPolicy", description: "A provider's stated API data policy, as restated by privadapt." });
  registry.add(utilitySchema, { id: "Utility", description: "The accuracy the study measured for this setup." });
  registry.add(breakEvenSchema, { id: "BreakEven", description: "One open option against every closed option." });
  registry.add(breakEvenEntrySchema, { id: "BreakEvenEntry" });
  registry.add(skippedPairSchema, { id: "SkippedPair" });
  registry.add(sensitivitySchema, { id: "Sensitivity", description: "The answer's total cost over each input's range (the tornado chart's data), with the answer at each end; `decision.sensitivity` when `sensitivity=1`." });
  registry.add(fieldWarningSchema, { id: "FieldWarning" });
  registry.add(fieldErrorSchema, { id: "FieldError", description: "One problem with the input, in the CLI's shape." });
  registry.add(errorsSchema, { id: "Errors", description: "Every problem with the request (400), or a server bug (500, field `server`)." });
  const out = z.toJSONSchema(registry, { target: "draft-2020-12", io: "output", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
  return Object.fromEntries(Object.entries(out.schemas).map(([id, s]) => [id, tidy(s) as Json]));
}

const HEADERS: Record<string, Json> = {
  ETag: { description: "Strong validator over the engine version, the canonical link, the options and the warnings. Send it back in If-None-Match.", schema: { type: "string" } },
  CacheControl: { description: "Results are deterministic for a canonical link: `public, max-age=3600, stale-while-revalidate=86400`. Errors: `no-store`.", schema: { type: "string" } },
  ContentLocation: { description: "The canonical GET URL of this result.", schema: { type: "string" } },
  EstimateCache: { description: "`hit` when the server's in-memory memo answered, `miss` when it computed.", schema: { type: "string", enum: ["hit", "miss"] } },
};

const errorResponses = {
  "400": { description: "Bad input: every field error at once (bad keys, values, body, content type, size).", content: { "application/json": { schema: ref("schemas", "Errors") } } },
  "500": { description: "A server bug (never caused by input). No internals are returned.", content: { "application/json": { schema: ref("schemas", "Errors") } } },
};

function estimateOk(): Json {
  return {
    description: "The estimate.",
    headers: { ETag: ref("headers", "ETag"), "Cache-Control": ref("headers", "CacheControl"), "Content-Location": ref("headers", "ContentLocation"), "X-Estimate-Cache": ref("headers", "EstimateCache") },
    content: { "application/json": { schema: ref("schemas", "Estimate") } },
  };
}

const paramId = (key: string) => `scenario_${key.replace(/[^A-Za-z0-9_.-]/g, "_")}`;

let memo: Json | null = null;

/** The OpenAPI 3.1 document (built once per process). */
export function openApiDocument(): Json {
  if (memo) return memo;
  const keys = shareLinkKeys();
  const parameters: Record<string, Json> = {};
  for (const k of keys) parameters[paramId(k.key)] = queryParameter(k);
  for (const [key, description] of Object.entries(OPTION_KEYS)) {
    parameters[`option_${key}`] = { name: key, in: "query", required: false, description: `${description} Not a share-link key.`, schema: { type: "string", enum: ["true", "false", "1", "0", ""] }, allowEmptyValue: true };
  }
  parameters.IfNoneMatch = { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier response; a match gives 304 with no body.", schema: { type: "string" } };
  const scenarioParams = keys.map((k) => ref("parameters", paramId(k.key)));
  const optionParams = Object.keys(OPTION_KEYS).map((k) => ref("parameters", `option_${k}`));
  const schemas = { ...responseSchemas(), ScenarioInput: scenarioInputSchema(keys) };

  memo = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "privadapt API",
      version: APP_VERSION,
      summary: "Compare private LLM adaptation methods: DP budget, cost, leakage and measured accuracy.",
      description:
        "The same engine as the calculator page and the CLI (Hanke et al., NeurIPS 2024). A scenario is the page's share link: " +
        "GET takes its query string, POST the same keys as JSON. The API is stateless and stores nothing; results are memoised in memory and carry ETags.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "This deployment" }],
    paths: {
      [ESTIMATE_PATH]: {
        get: {
          operationId: "estimateFromLink",
          summary: "Estimate a scenario given as a share-link query string",
          description: "Pass the page's share-link query string unchanged. Omitted keys take the preset's defaults. Conditional requests with If-None-Match get 304.",
          parameters: [...scenarioParams, ...optionParams, ref("parameters", "IfNoneMatch")],
          responses: { "200": estimateOk(), "304": { description: "Not modified: your copy (If-None-Match) is current.", headers: { ETag: ref("headers", "ETag"), "Cache-Control": ref("headers", "CacheControl") } }, ...errorResponses },
        },
        post: {
          operationId: "estimateFromJson",
          summary: "Estimate a scenario given as a JSON object of share-link keys",
          description: "Send `Content-Type: application/json`. Option keys may go in the query string or the body. Scenario keys belong in the body only. If-None-Match is not evaluated for POST.",
          parameters: optionParams,
          requestBody: { required: true, content: { "application/json": { schema: ref("schemas", "ScenarioInput") } } },
          responses: { "200": estimateOk(), ...errorResponses },
        },
      },
      [OG_IMAGE_PATH]: {
        get: {
          operationId: "linkPreviewImage",
          summary: "A 1200 × 630 PNG link preview of a share link's headline comparison",
          description: "Invalid keys fall back to their defaults (the image says so) rather than failing: a preview must always render.",
          parameters: scenarioParams,
          responses: { "200": { description: "PNG image.", content: { "image/png": { schema: { type: "string", contentMediaType: "image/png" } } } } },
        },
      },
      [OPENAPI_PATH]: {
        get: { operationId: "openApiDocument", summary: "This document", responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } } },
      },
    },
    components: { schemas, parameters, headers: HEADERS },
  };
  return memo;
}
