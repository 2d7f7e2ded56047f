/** @jest-environment node */
import fc from "fast-check";
import {
  CLOSED_MODEL_IDS, GPU_IDS, KNOB_SPECS, METHOD_IDS, OPEN_MODEL_IDS, PRESET_IDS, PRICE_SET_IDS, isEnumKnob, presetScenario, validateScenario,
  type ClosedModelId, type EnumKnobSpec, type KnobSpec, type Knobs, type Scenario,
} from "@/lib/scenario";
import { estimateCosts, type CostRow } from "@/lib/cost";

// Costs are sums of products: doubling an input reproduces the doubled value up to float rounding.
const LINEAR = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= LINEAR * Math.max(Math.abs(a), Math.abs(b), 1e-300);

/** Log-uniform numbers: every order of magnitude of a field's range gets tried. */
const logUniform = (min: number, max: number, integer: boolean) =>
  fc.double({ min: Math.log10(min), max: Math.log10(max), noNaN: true }).map((e) => {
    const x = Math.min(max, Math.max(min, 10 ** e));
    return integer ? Math.min(max, Math.max(min, Math.round(x))) : x;
  });

const knobsArb: fc.Arbitrary<Knobs> = fc.record(
  Object.fromEntries(METHOD_IDS.map((m) => [m, fc.record(Object.fromEntries(Object.entries(KNOB_SPECS[m] as Record<string, KnobSpec | EnumKnobSpec>).map(([k, spec]) => [k, isEnumKnob(spec) ? fc.constantFrom(...spec.values) : spec.min === 0 ? fc.oneof(fc.constant(0), logUniform(1, spec.max, spec.integer)) : logUniform(spec.min, spec.max, spec.integer)])))])),
) as unknown as fc.Arbitrary<Knobs>;

/** Valid scenarios: a preset mutated within the schema's ranges (lib/scenario/schema.ts, knobs.ts). */
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  preset: fc.constantFrom(...PRESET_IDS),
  records: logUniform(2, 1e9, true), // the schema's N ≥ 2
  inTokens: logUniform(0.01, 1e6, false),
  outTokens: logUniform(0.01, 1e6, false),
  queries: logUniform(1, 1e12, true),
  methods: fc.subarray([...METHOD_IDS], { minLength: 1 }),
  closedModels: fc.subarray([...CLOSED_MODEL_IDS]),
  openModels: fc.subarray([...OPEN_MODEL_IDS]),
  priceSet: fc.constantFrom(...PRICE_SET_IDS),
  gpu: fc.constantFrom(...GPU_IDS),
  gpuUsdPerHour: fc.double({ min: 0, max: 1000, noNaN: true }),
  override: fc.option(fc.tuple(fc.constantFrom(...CLOSED_MODEL_IDS), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true })), { nil: undefined }),
  knobs: knobsArb,
}).map((r) => {
  const s = presetScenario(r.preset);
  Object.assign(s, { records: r.records, delta: 1 / (r.records + 1), inTokens: r.inTokens, outTokens: r.outTokens, queries: r.queries, methods: r.methods, closedModels: r.closedModels, openModels: r.openModels, priceSet: r.priceSet, gpu: r.gpu, gpuUsdPerHour: r.gpuUsdPerHour, knobs: r.knobs });
  if (r.override) s.priceOverrides = { [r.override[0]]: { inputUsdPerMTok: r.override[1], outputUsdPerMTok: r.override[2] } };
  return s;
});

const key = (r: CostRow) => `${r.method}|${r.model}`;
const byKey = (rows: CostRow[]) => new Map(rows.map((r) => [key(r), r]));

/**
 * The per-row checks inside the properties: a plain throw instead of expect(), which costs ~0.1 ms
 * a call under Jest (it builds an error to capture the stack) and ran tens of thousands of times
 * here (issue #19 item 8). fast-check reports the failing scenario with this message.
 */
function check(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

describe("cost properties (fast-check over schema-valid scenarios)", () => {
  it("the generator makes schema-valid scenarios", () => {
    fc.assert(fc.property(scenarioArb, (s) => validateScenario(s).ok));
  });

  it("no negative, NaN or infinite cost for any valid scenario; null only with a `missing` reason", () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { rows, breakEven } = estimateCosts(s);
      for (const r of rows) {
        for (const v of [r.trainingCostUsd, r.queryCostUsd, r.totalCostUsd, r.queryCostUsdPerQuery]) {
          if (v === null) check(typeof r.missing === "string" && /^no price for .+ in .+; set price\..+=in,out/.test(r.missing), () => `${key(r)}: a null cost without a \`missing\` reason (${JSON.stringify(r.missing)})`);
          else check(Number.isFinite(v) && v >= 0, () => `${key(r)}: cost ${v}`);
        }
        for (const st of r.breakdown.stages) {
          const nums = st.kind === "api" ? [st.calls, st.inputTokens, st.outputTokens, st.inputUsd, st.outputUsd, st.usd] : [st.flops, st.gpuHours, st.usd];
          for (const v of nums) check(v === null || (Number.isFinite(v) && v >= 0), () => `${key(r)}, stage ${st.kind}: ${v}`);
        }
      }
      for (const b of breakEven) check(b.queries === null || (Number.isFinite(b.queries) && b.queries > 0), () => `break-even at ${b.queries} queries`);
    }));
  });

  it("doubling the number of queries doubles every query cost and leaves training unchanged", () => {
    fc.assert(fc.property(scenarioArb.filter((s) => s.queries <= 5e11), (s) => {
      const a = estimateCosts(s).rows;
      const b = byKey(estimateCosts({ ...s, queries: 2 * s.queries }).rows);
      for (const r of a) {
        const d = b.get(key(r))!;
        if (r.queryCostUsd !== null) check(close(d.queryCostUsd!, 2 * r.queryCostUsd), () => `${key(r)}: query cost ${d.queryCostUsd} at 2× queries, ${r.queryCostUsd} at 1×`);
        check(Object.is(d.trainingCostUsd, r.trainingCostUsd), () => `${key(r)}: training cost ${d.trainingCostUsd} at 2× queries, ${r.trainingCostUsd} at 1×`);
      }
    }));
  });

  const DP_SGD = ["prompt-dpsgd", "private-lora", "dp-finetune"] as const;
  it("doubling N or the epochs doubles DP-SGD training cost", () => {
    fc.assert(fc.property(scenarioArb.filter((s) => s.records <= 5e8), fc.constantFrom(...DP_SGD), fc.boolean(), (s, method, viaRecords) => {
      const base = { ...s, methods: [method] };
      const doubled = structuredClone(base);
      if (viaRecords) doubled.records = 2 * s.records;
      else doubled.knobs[method].epochs = 2 * s.knobs[method].epochs; // up to 20,000: the cost model has no upper limit
      const a = estimateCosts(base).rows;
      const b = byKey(estimateCosts(doubled).rows);
      for (const r of a) check(close(b.get(key(r))!.trainingCostUsd!, 2 * r.trainingCostUsd!), () => `${key(r)}: training cost ${b.get(key(r))!.trainingCostUsd} doubled, ${r.trainingCostUsd} before`);
    }));
  });

  it("DP-ICL query cost is linear in the ensemble size", () => {
    fc.assert(fc.property(scenarioArb, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 2, max: 50 }), (s, ensemble, k) => {
      const one = structuredClone(s);
      one.methods = ["dp-icl"];
      one.knobs["dp-icl"].ensemble = ensemble;
      const many = structuredClone(one);
      many.knobs["dp-icl"].ensemble = ensemble * k;
      const a = estimateCosts(one).rows;
      const b = byKey(estimateCosts(many).rows);
      for (const r of a) if (r.queryCostUsd !== null) check(close(b.get(key(r))!.queryCostUsd!, k * r.queryCostUsd), () => `${key(r)}: query cost ${b.get(key(r))!.queryCostUsd} at ${k}× ensemble, ${r.queryCostUsd} at 1×`);
    }));
  });

  it("scaling every price (API and GPU) by k scales every cost by k", () => {
    fc.assert(fc.property(scenarioArb, fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (s, k, pin, pout) => {
      const withPrices = (f: number): Scenario => ({
        ...s,
        gpuUsdPerHour: Math.min(1000, s.gpuUsdPerHour) / 10 * f,
        priceOverrides: Object.fromEntries(CLOSED_MODEL_IDS.map((m: ClosedModelId) => [m, { inputUsdPerMTok: pin * f, outputUsdPerMTok: pout * f }])),
      });
      const a = estimateCosts(withPrices(1)).rows;
      const b = byKey(estimateCosts(withPrices(k)).rows);
      for (const r of a) {
        const d = b.get(key(r))!;
        check(close(d.totalCostUsd!, k * r.totalCostUsd!), () => `${key(r)}: total ${d.totalCostUsd} at ${k}× prices, ${r.totalCostUsd} at 1×`);
        check(close(d.trainingCostUsd!, k * r.trainingCostUsd!), () => `${key(r)}: training ${d.trainingCostUsd} at ${k}× prices, ${r.trainingCostUsd} at 1×`);
      }
    }));
  });
});
