/**
 * fast-check generators of valid scenarios, built from the same tables as the schema so they
 * cover every field and every knob within its allowed range.
 *
 * Methods and knobs are drawn from the study's eight (STUDY_METHOD_IDS): the v=1 link corpus
 * (./link-corpus.ts) records links sampled from this generator with fixed seeds, so a method added
 * later must not change the draws. Later methods keep their defaults here and have their own generator (`laterMethodArb`).
 */
import fc from "fast-check";
import {
  ACCOUNTANT_IDS, CLOSED_MODEL_IDS, MIN_DELTA, MIN_EPSILON, GPU_IDS, KNOB_SPECS, METHOD_IDS, OPEN_MODEL_IDS, PRESET_IDS, PRICE_SET_IDS, STUDY_METHOD_IDS, TASKS,
  isEnumKnob, presetScenario, type EnumKnobSpec, type KnobSpec, type MethodId, type ModelId, type PriceOverride, type Scenario, type ScenarioKnobs,
} from "@/lib/scenario";

/** Numbers as people type them: short decimals, plus the occasional arbitrary double. */
function numberIn(min: number, max: number, integer: boolean, { minExclusive = false, maxExclusive = false } = {}): fc.Arbitrary<number> {
  if (integer) return fc.integer({ min: Math.ceil(min + (minExclusive ? 1e-9 : 0)), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) });
  const doubles = fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: minExclusive, maxExcluded: maxExclusive });
  // Short decimals: an integer count of 10^-digits steps, so no rejection sampling is needed.
  const decimals = fc.integer({ min: 0, max: 4 }).chain((digits) => {
    const scale = 10 ** digits;
    const lo = Math.ceil(min * scale) + (minExclusive && Number.isInteger(min * scale) ? 1 : 0);
    const hi = Math.min(Math.floor(max * scale) - (maxExclusive && Number.isInteger(max * scale) ? 1 : 0), Number.MAX_SAFE_INTEGER);
    return lo <= hi ? fc.integer({ min: lo, max: hi }).map((i) => i / scale) : doubles;
  });
  return fc.oneof(decimals, doubles).map((x) => (x === 0 ? 0 : x));
}

const subset = <T extends string>(values: readonly T[], min: number, max: number) =>
  fc.subarray([...values], { minLength: min, maxLength: Math.min(max, values.length) });

function methodKnobsArb(m: MethodId): fc.Arbitrary<Record<string, number | string>> {
  return fc.record(Object.fromEntries(Object.entries(KNOB_SPECS[m] as Record<string, KnobSpec | EnumKnobSpec>).map(([k, spec]) => [k, isEnumKnob(spec) ? fc.constantFrom(...spec.values) : numberIn(spec.min, spec.max, spec.integer)])));
}

function knobsArb(): fc.Arbitrary<ScenarioKnobs> {
  const perMethod = STUDY_METHOD_IDS.map(methodKnobsArb);
  return fc.tuple(...perMethod).map((arr) => Object.fromEntries(STUDY_METHOD_IDS.map((m, i) => [m, arr[i]])) as unknown as ScenarioKnobs);
}

/** The methods beyond the study (METHOD_IDS minus STUDY_METHOD_IDS). */
export const LATER_METHOD_IDS = METHOD_IDS.filter((m) => !(STUDY_METHOD_IDS as readonly string[]).includes(m));

/** A scenario from `scenarioArb` that also selects one later method, with random knobs for it. */
export function laterMethodArb(base: fc.Arbitrary<Scenario>): fc.Arbitrary<Scenario> {
  return fc.tuple(base, fc.constantFrom(...LATER_METHOD_IDS)).chain(([s, m]) =>
    methodKnobsArb(m).map((knobs) => ({ ...s, methods: [...s.methods.filter((x) => x !== m), m], knobs: { ...s.knobs, [m]: knobs } as ScenarioKnobs })),
  );
}

const priceOverridesArb: fc.Arbitrary<Partial<Record<ModelId, PriceOverride>>> = fc
  .subarray([...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS] as ModelId[], { maxLength: 3 })
  .chain((models) =>
    fc.tuple(...models.map(() => fc.record({ inputUsdPerMTok: numberIn(0, 100000, false), outputUsdPerMTok: numberIn(0, 100000, false) }))).map(
      (prices) => Object.fromEntries(models.map((m, i) => [m, prices[i]])),
    ),
  );

/** Any valid scenario, with a mix of preset defaults and arbitrary overrides. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    preset: fc.constantFrom(...PRESET_IDS),
    task: fc.option(fc.constantFrom(...TASKS), { nil: undefined }),
    overrides: fc.record(
      {
        classes: numberIn(2, 10000, true),
        records: numberIn(2, 1e9, true),
        inTokens: numberIn(0.01, 1e6, false),
        outTokens: numberIn(0.01, 1e6, false),
        instructionTokens: numberIn(0, 1e6, false),
        queries: numberIn(1, 1e12, true),
        epsilon: numberIn(MIN_EPSILON, 100, false),
        delta: numberIn(MIN_DELTA, 1, false, { maxExclusive: true }),
        accountant: fc.constantFrom(...ACCOUNTANT_IDS),
        methods: subset(STUDY_METHOD_IDS, 1, 20) as fc.Arbitrary<MethodId[]>,
        closedModels: subset(CLOSED_MODEL_IDS, 0, 20),
        openModels: subset(OPEN_MODEL_IDS, 0, 20),
        priceSet: fc.constantFrom(...PRICE_SET_IDS),
        gpu: fc.constantFrom(...GPU_IDS),
        gpuUsdPerHour: numberIn(0, 1000, false),
        servingBatch: numberIn(1, 4096, true),
        priceOverrides: priceOverridesArb,
        knobs: knobsArb(),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ preset, task, overrides }) => {
    const s = presetScenario(preset, task);
    const merged = { ...s, ...overrides } as Scenario;
    // Drawn knobs cover the study's eight; the later methods keep the preset's defaults (every
    // scenario carries every method's knobs), in the catalogue's key order.
    if (overrides.knobs !== undefined) merged.knobs = { ...s.knobs, ...overrides.knobs };
    // δ defaults to 1/N and the GPU price to the GPU's preset: keep those links derived unless overridden.
    if (overrides.records !== undefined && overrides.delta === undefined) merged.delta = 1 / merged.records;
    return merged;
  });
