/**
 * The share-link codec: scenario ⇄ query string.
 *
 * The query string is a public contract (issue #2): the page, the JSON API, the CLI and people's
 * bookmarks all use it. Rules:
 * - `serializeScenario` is canonical: fixed key order, `v` first (v=1 for the study's presets, v=2
 *   for custom scenarios: see FORMAT_VERSIONS in ./schema), values equal to the preset's
 *   defaults omitted, numbers in their shortest exact form (`1e-5`, never `0.000009999999`),
 *   lists comma-separated in catalogue order.
 * - `parseScenario` never throws, for any input. Each bad field becomes an error that names the
 *   field, what was received and what is allowed; the other fields still parse, and `fallback`
 *   holds the scenario with the bad fields at their defaults (the page shows it). Unknown keys
 *   are warnings. Never change what a key means; add new keys instead.
 */
import { CLOSED_MODEL_IDS, METHOD_IDS, OPEN_MODEL_IDS, type MethodId, type ModelId, type PresetId, type Task } from "./catalog";
import { KNOB_SPECS, knobSpec } from "./knobs";
import { defaultGpuUsdPerHour, presetScenario } from "./presets";
import {
  FORMAT_VERSION, FORMAT_VERSIONS, UNVERSIONED_LINK_VERSION, MAX_QUERY_CHARS, PRICE_OVERRIDE_META, PRICE_OVERRIDE_PREFIX, TOP_FIELDS,
  knobFieldMeta, knobKey, scenarioLinkVersion, scenarioSchema,
  type FieldKind, type FormatVersion, type PriceOverride, type Scenario,
} from "./schema";
import { VERSION_DEFAULTS } from "./versions";

export interface FieldError {
  /** The share-link key, e.g. `eps`, `dp-icl.shots`, or `query` for the whole input. */
  field: string;
  message: string;
  received: unknown;
  allowed: string;
}

export interface FieldWarning {
  field: string;
  message: string;
}

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: FieldWarning[] }
  | { ok: false; errors: FieldError[]; warnings: FieldWarning[]; fallback: Scenario };

export type ScenarioInput = string | URLSearchParams | Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/** Plain decimal or scientific notation with ASCII digits only: no hex, no Infinity, no unicode digits. */
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The shortest string that reads back to exactly `x`. JavaScript's `String(x)` already gives the
 * shortest round-tripping digits; we only prefer exponent form for tiny values (δ = 1e-5 reads
 * better than 0.00001) and drop the `+` of large exponents, which a query string would turn into a space.
 * @example formatNumber(0.00001) === "1e-5"; formatNumber(12.35) === "12.35"
 */
export function formatNumber(x: number): string {
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential().replace("e+", "e");
  return String(x).replace("e+", "e");
}

function describeAllowed(kind: FieldKind): string {
  switch (kind.type) {
    case "number": {
      const what = kind.integer ? "an integer" : "a number";
      const [lo, hi] = [formatNumber(kind.min), formatNumber(kind.max)];
      if (!kind.minExclusive && !kind.maxExclusive) return `${what} from ${lo} to ${hi}`;
      return `${what} ${kind.minExclusive ? "greater than" : "at least"} ${lo} and ${kind.maxExclusive ? "less than" : "at most"} ${hi}`;
    }
    case "enum":
      return `one of: ${kind.values.join(", ")}`;
    case "list":
      return `a comma-separated list of ${kind.minItems > 0 ? `${kind.minItems} to ` : "up to "}${kind.maxItems} of: ${kind.values.join(", ")}`;
  }
}

function truncate(value: unknown): unknown {
  if (typeof value === "string" && value.length > 100) return `${value.slice(0, 100)}…`;
  return value;
}

type ValueResult<T> = { ok: true; value: T } | { ok: false; message: string };

function readNumber(raw: string, kind: Extract<FieldKind, { type: "number" }>): ValueResult<number> {
  const text = raw.trim();
  if (text === "") return { ok: false, message: "is empty" };
  if (!NUMBER_PATTERN.test(text)) return { ok: false, message: "is not a number" };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: "is out of range" };
  if (kind.integer && !Number.isInteger(value)) return { ok: false, message: "must be a whole number" };
  const tooLow = kind.minExclusive ? value <= kind.min : value < kind.min;
  const tooHigh = kind.maxExclusive ? value >= kind.max : value > kind.max;
  if (tooLow || tooHigh) return { ok: false, message: "is out of range" };
  // -0 would serialize as "0" and read back as +0; normalise so round trips are exact.
  return { ok: true, value: value === 0 ? 0 : value };
}

function readEnum(raw: string, kind: Extract<FieldKind, { type: "enum" }>): ValueResult<string> {
  const text = raw.trim();
  return kind.values.includes(text) ? { ok: true, value: text } : { ok: false, message: "is not a known value" };
}

function readList(raw: string, kind: Extract<FieldKind, { type: "list" }>, key: string, warnings: FieldWarning[]): ValueResult<string[]> {
  const items = raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (items.length > kind.maxItems) return { ok: false, message: `has ${items.length} items` };
  const unknown = items.filter((s) => !kind.values.includes(s));
  if (unknown.length > 0) return { ok: false, message: `has unknown ${unknown.length === 1 ? "id" : "ids"} ${unknown.map((u) => JSON.stringify(truncate(u))).join(", ")}` };
  const set = new Set(items);
  if (set.size < items.length) warnings.push({ field: key, message: "lists an id more than once; each is used once" });
  if (set.size < kind.minItems) return { ok: false, message: `needs at least ${kind.minItems} item` };
  // Canonical order is catalogue order, so equal selections give equal links.
  return { ok: true, value: kind.values.filter((v) => set.has(v)) };
}

function readValue(raw: string, kind: FieldKind, key: string, warnings: FieldWarning[]): ValueResult<unknown> {
  switch (kind.type) {
    case "number": return readNumber(raw, kind);
    case "enum": return readEnum(raw, kind);
    case "list": return readList(raw, kind, key, warnings);
  }
}

// ---------------------------------------------------------------------------------------------
// Input normalisation: query string, URLSearchParams or a plain (JSON) object → [key, raw] pairs
// ---------------------------------------------------------------------------------------------

interface Entry { key: string; raw: string; received: unknown }

function entriesOf(input: unknown, errors: FieldError[]): Entry[] {
  if (typeof input === "string") {
    const text = input.startsWith("?") ? input.slice(1) : input;
    if (text.length > MAX_QUERY_CHARS) {
      errors.push({ field: "query", message: `The query string is ${text.length} characters long`, received: truncate(text), allowed: `at most ${MAX_QUERY_CHARS} characters` });
      return [];
    }
    return [...new URLSearchParams(text)].map(([key, raw]) => ({ key, raw, received: raw }));
  }
  if (input instanceof URLSearchParams) return entriesOf(input.toString(), errors);
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    errors.push({ field: "body", message: "The scenario must be an object of share-link keys", received: truncate(typeof input === "object" ? JSON.stringify(input) : input), allowed: "an object such as {\"n\": 5000, \"eps\": 3}" });
    return [];
  }
  const out: Entry[] = [];
  let chars = 0;
  const push = (key: string, value: unknown) => {
    const raw = rawOf(value);
    if (raw === null) {
      // A body key may be "" ({"": null}); name it as readEntries does, so every error names a field.
      const field = key === "" ? "(empty key)" : key;
      errors.push({ field, message: `${field} has a value of the wrong type`, received: truncate(safeJson(value)), allowed: "a string, a finite number, or a list of them" });
      return;
    }
    chars += key.length + raw.length + 2;
    out.push({ key, raw, received: truncate(value) });
  };
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    // Nested knobs, e.g. {"dp-icl": {"shots": 1}}, are the same as {"dp-icl.shots": 1}.
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [sub, subValue] of Object.entries(value as Record<string, unknown>)) push(`${key}.${sub}`, subValue);
    } else push(key, value);
  }
  if (chars > MAX_QUERY_CHARS) {
    errors.push({ field: "body", message: `The scenario is ${chars} characters long as a query string`, received: truncate(safeJson(input)), allowed: `at most ${MAX_QUERY_CHARS} characters` });
    return [];
  }
  return out;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function rawOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? formatNumber(value) : null;
  if (Array.isArray(value)) {
    const parts = value.map((v) => (typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? formatNumber(v) : null));
    return parts.every((p) => p !== null) ? parts.join(",") : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// parseScenario
// ---------------------------------------------------------------------------------------------

type Parsed = Map<string, unknown>;

/** A link without `preset` (and the fallback of an unreadable one): the study's SST2 setup, in every version. */
const DEFAULT_PRESET: PresetId = VERSION_DEFAULTS[FORMAT_VERSION].preset;

const TOP_BY_KEY: ReadonlyMap<string, (typeof TOP_FIELDS)[number]> = new Map(TOP_FIELDS.map((f) => [f.key, f]));

/**
 * Read a scenario from a query string, URLSearchParams or a plain object of share-link keys.
 * Never throws. See the module comment for the contract.
 */
export function parseScenario(input: ScenarioInput | unknown): ParseResult {
  const errors: FieldError[] = [];
  const warnings: FieldWarning[] = [];
  try {
    const parsed = readEntries(entriesOf(input, errors), errors, warnings);
    const scenario = build(parsed, warnings);
    if (errors.length > 0) return { ok: false, errors, warnings, fallback: scenario };
    return { ok: true, scenario, warnings };
  } catch (cause) {
    // Unreachable by design (every branch above validates); kept so the contract "never throws" holds.
    errors.push({ field: "query", message: `Internal error while reading the scenario: ${String(cause)}`, received: null, allowed: "a valid share link" });
    return { ok: false, errors, warnings, fallback: presetScenario(DEFAULT_PRESET) };
  }
}

function readEntries(entries: Entry[], errors: FieldError[], warnings: FieldWarning[]): Parsed {
  const parsed: Parsed = new Map();
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
  const seen = new Set<string>();
  for (const { key, raw, received } of entries) {
    if (key === "") {
      // "=3" or a stray "&=&" in a pasted link: nothing to name, so nothing to apply.
      if (!seen.has(key)) warnings.push({ field: "(empty key)", message: "A value without a key was ignored" });
      seen.add(key);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const fail = (message: string, allowed: string) => errors.push({ field: key, message: `${key} ${message}`, received: truncate(received), allowed });
    if ((counts.get(key) ?? 0) > 1) {
      fail(`is given ${counts.get(key)} times`, "each key once");
      continue;
    }
    const top = TOP_BY_KEY.get(key);
    if (top) {
      const r = readValue(raw, top.kind, key, warnings);
      if (!r.ok) fail(r.message, describeAllowed(top.kind));
      else if (key === "v" && !(FORMAT_VERSIONS as readonly unknown[]).includes(r.value)) fail("is not a supported format version", FORMAT_VERSIONS.join(" or "));
      else parsed.set(key, r.value);
      continue;
    }
    if (key.startsWith(PRICE_OVERRIDE_PREFIX)) {
      const model = key.slice(PRICE_OVERRIDE_PREFIX.length);
      const allowedModels: readonly string[] = [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS];
      if (!allowedModels.includes(model)) {
        fail("names an unknown model", `price.<model> with a model id of: ${allowedModels.join(", ")}`);
        continue;
      }
      const r = readPriceOverride(raw);
      if (!r.ok) fail(r.message, `two numbers from ${PRICE_OVERRIDE_META.min} to ${PRICE_OVERRIDE_META.max}, input and output ${PRICE_OVERRIDE_META.unit.replace(" (input,output)", "")}, e.g. 2,8`);
      else parsed.set(key, r.value);
      continue;
    }
    const dot = key.indexOf(".");
    const method = dot > 0 ? key.slice(0, dot) : "";
    if ((METHOD_IDS as readonly string[]).includes(method)) {
      const knob = key.slice(dot + 1);
      const spec = knobSpec(method as MethodId, knob);
      if (!spec) {
        warnings.push({ field: key, message: `${key} is not a knob of ${method}; known: ${Object.keys(KNOB_SPECS[method as MethodId]).join(", ")}. Ignored.` });
        continue;
      }
      const kind = knobFieldMeta(method as MethodId, knob, spec).kind;
      const r = readValue(raw, kind, key, warnings);
      if (!r.ok) fail(r.message, describeAllowed(kind));
      else parsed.set(key, r.value);
      continue;
    }
    warnings.push({ field: truncate(key) as string, message: `Unknown key ${JSON.stringify(truncate(key))} ignored` });
  }
  return parsed;
}

function readPriceOverride(raw: string): ValueResult<PriceOverride> {
  const parts = raw.split(",");
  if (parts.length !== 2) return { ok: false, message: "needs an input and an output price" };
  const kind = { type: "number", min: PRICE_OVERRIDE_META.min, max: PRICE_OVERRIDE_META.max, integer: false } as const;
  const a = readNumber(parts[0] ?? "", kind);
  const b = readNumber(parts[1] ?? "", kind);
  if (!a.ok) return { ok: false, message: `input price ${a.message}` };
  if (!b.ok) return { ok: false, message: `output price ${b.message}` };
  return { ok: true, value: { inputUsdPerMTok: a.value, outputUsdPerMTok: b.value } };
}

/**
 * Defaults cascade: link version (which pins every default, ./versions) → preset (and task, for
 * custom) → n (δ = 1/n) → gpu ($/hour); then explicit keys.
 */
function baseFor(preset: PresetId, task: Task | undefined, records: number | undefined, gpu: Scenario["gpu"] | undefined, version: FormatVersion): Scenario {
  const base = presetScenario(preset, task, version);
  if (task !== undefined && task !== base.task) base.task = task;
  if (records !== undefined) {
    base.records = records;
    base.delta = 1 / records;
  }
  if (gpu !== undefined) {
    base.gpu = gpu;
    base.gpuUsdPerHour = defaultGpuUsdPerHour(gpu, version);
  }
  return base;
}

function build(parsed: Parsed, warnings: FieldWarning[]): Scenario {
  // A link without `v` is read as v=2, the study's setup (FORMAT_VERSIONS in ./schema says why).
  const version = (parsed.get("v") as FormatVersion | undefined) ?? UNVERSIONED_LINK_VERSION;
  const preset = (parsed.get("preset") as PresetId | undefined) ?? VERSION_DEFAULTS[version].preset;
  const task = parsed.get("task") as Task | undefined;
  const s = baseFor(preset, task, parsed.get("n") as number | undefined, parsed.get("gpu") as Scenario["gpu"] | undefined, version);
  for (const f of TOP_FIELDS) {
    if (f.key === "v" || !parsed.has(f.key)) continue;
    (s as unknown as Record<string, unknown>)[f.path] = parsed.get(f.key);
  }
  // An option key that is off is absent from the scenario (Scenario.batch says why).
  if ((s.batch as string | undefined) === "off") delete s.batch;
  if ((s.cache as string | undefined) === "off") delete s.cache;
  if (s.task === "generation" && parsed.has("classes")) warnings.push({ field: "classes", message: "classes is ignored for a generation task" });
  for (const method of METHOD_IDS) {
    // A method without share-link knobs has no entry (lib/scenario/knobs.ts lists only methods with knobs).
    const knobs = s.knobs[method] as Record<string, number | string> | undefined;
    if (knobs === undefined) continue;
    for (const knob of Object.keys(knobs)) {
      const v = parsed.get(knobKey(method, knob));
      if (typeof v === "number" || typeof v === "string") knobs[knob] = v;
    }
  }
  for (const model of [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS] as ModelId[]) {
    const v = parsed.get(PRICE_OVERRIDE_PREFIX + model) as PriceOverride | undefined;
    if (v) s.priceOverrides[model] = v;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// serializeScenario
// ---------------------------------------------------------------------------------------------

function encodeValue(value: string): string {
  // Commas separate list items; leaving them unescaped keeps links readable.
  return encodeURIComponent(value).replace(/%2C/gi, ",");
}

function rawFromValue(value: unknown): string {
  if (typeof value === "number") return formatNumber(value);
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return Object.is(a, b) || a === b;
}

/**
 * The canonical query string of a scenario (no leading `?`).
 * @example serializeScenario(presetScenario("sst2")) === "v=1"
 */
export function serializeScenario(s: Scenario): string {
  // The keys that other defaults hang on (task, n, gpu) compare with the preset itself; every
  // other key compares with the defaults they imply, exactly as parseScenario rebuilds them.
  const version = scenarioLinkVersion(s);
  const preset = presetScenario(s.preset, undefined, version) as unknown as Record<string, unknown>;
  const base = baseFor(s.preset, s.task, s.records, s.gpu, version);
  const parts: string[] = [`v=${version}`];
  for (const f of TOP_FIELDS) {
    if (f.key === "v") continue;
    const value = (s as unknown as Record<string, unknown>)[f.path];
    const def = f.key === "preset" ? VERSION_DEFAULTS[version].preset : f.key === "task" || f.key === "n" || f.key === "gpu" ? preset[f.path] : (base as unknown as Record<string, unknown>)[f.path];
    if (value === null || value === undefined || sameValue(value, def)) continue;
    parts.push(`${f.key}=${encodeValue(rawFromValue(value))}`);
  }
  for (const model of [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS] as ModelId[]) {
    const o = s.priceOverrides[model];
    if (o) parts.push(`${PRICE_OVERRIDE_PREFIX}${model}=${formatNumber(o.inputUsdPerMTok)},${formatNumber(o.outputUsdPerMTok)}`);
  }
  for (const method of METHOD_IDS) {
    const knobs = s.knobs[method] as Record<string, number | string>;
    const defaults = base.knobs[method] as Record<string, number | string>;
    for (const knob of Object.keys(KNOB_SPECS[method] ?? {})) {
      const value = knobs[knob];
      if (value !== undefined && value !== defaults[knob]) parts.push(`${knobKey(method, knob)}=${typeof value === "number" ? formatNumber(value) : value}`);
    }
  }
  return parts.join("&");
}

/** Validate a full scenario object (not a share link), e.g. one built by code. */
export function validateScenario(s: unknown): { ok: true; scenario: Scenario } | { ok: false; issues: string[] } {
  const r = scenarioSchema.safeParse(s);
  return r.success ? { ok: true, scenario: r.data } : { ok: false, issues: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
}

