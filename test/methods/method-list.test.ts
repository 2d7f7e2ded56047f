/** @jest-environment node */
/**
 * The registry (lib/methods/list.ts) is the one list of methods: the share-link catalogue
 * (lib/scenario/catalog.ts METHOD_IDS, which the link schema's method enum reads) and the knob
 * tables (lib/scenario/knobs.ts) are read from its descriptors' cards (lib/methods/card.ts), in its
 * order. The type system cannot check a card's defaults against its knobs (an `as const` literal),
 * so the checks below do, for every registered card. Oracle for the order: the URL contract (the
 * canonical `methods=` order of every recorded link).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { METHOD_DESCRIPTORS, METHOD_IDS, parseScenario } from "@/lib";
import type { MethodCard } from "@/lib/methods/card";
import { isEnumKnob, presetScenario, TOP_FIELDS } from "@/lib/scenario";
import { DATASET_IDS } from "@/lib/scenario/base-catalog";
import { METHOD_LIST } from "@/lib/methods/list";

describe("one method list", () => {
  it("the registry's list is the catalogue's ids, in order, each once", () => {
    expect(METHOD_LIST.map((d) => d.id)).toEqual([...METHOD_IDS]);
    expect(Object.keys(METHOD_DESCRIPTORS)).toEqual([...METHOD_IDS]);
  });

  it("the share link's method order: the study's eight (Hanke et al. 2024, Table 2), then DPZero, POST and Aug-PE, appended", () => {
    expect(METHOD_LIST.map((d) => d.card.id)).toEqual(["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen", "dpzero", "post", "aug-pe"]);
    expect(METHOD_LIST.filter((d) => d.card.inStudy).map((d) => d.id)).toEqual(METHOD_IDS.slice(0, 8));
  });

  it("each descriptor's id, label and family are its card's", () => {
    for (const d of METHOD_LIST) expect([d.id, d.label, d.llm]).toEqual([d.card.id, d.card.label, d.card.llm]);
  });

  it("each card gives every knob a default, and only its knobs, in the knobs' order", () => {
    for (const { card } of METHOD_LIST) expect([card.id, Object.keys(card.defaults)]).toEqual([card.id, Object.keys(card.knobs)]);
  });

  it("each default lies in its knob's range, on every dataset: a number (whole where the knob is) or one of an enum's values", () => {
    const bad: string[] = [];
    for (const { card } of METHOD_LIST) {
      for (const [knob, spec] of Object.entries(card.knobs)) {
        const value = (card.defaults as Record<string, unknown>)[knob];
        if (isEnumKnob(spec)) {
          if (typeof value !== "string" || !(spec.values as readonly string[]).includes(value)) bad.push(`${card.id}.${knob} = ${String(value)}`);
          continue;
        }
        for (const dataset of DATASET_IDS) {
          const v = (value as Record<string, number> | undefined)?.[dataset];
          if (typeof v !== "number" || !(v >= spec.min && v <= spec.max) || (spec.integer && !Number.isInteger(v))) bad.push(`${card.id}.${knob} on ${dataset} = ${String(v)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("each card's settings that are not knobs are share-link fields after gpuPrice, defaulting to one of their values", () => {
    const cards: readonly MethodCard[] = METHOD_LIST.map((d) => d.card);
    const settings = cards.flatMap((card) => Object.entries(card.settings ?? {}).map(([name, s]) => ({ key: `${card.id}.${name}`, ...s })));
    // Oracle: the share link as recorded (test/fixtures/links/v1-corpus.json), where `dp-fewshotgen.generator` follows `gpuPrice`, default api.
    expect(settings.map((s) => [s.key, s.path, s.default])).toEqual([["dp-fewshotgen.generator", "fewShotGenGenerator", "api"]]);
    const keys = TOP_FIELDS.map((f) => f.key as string);
    expect(keys.slice(keys.indexOf("gpuPrice") + 1, keys.indexOf("gpuPrice") + 1 + settings.length)).toEqual(settings.map((s) => s.key));
    for (const s of settings) {
      expect(s.values).toContain(s.default);
      expect((presetScenario("sst2") as unknown as Record<string, unknown>)[s.path]).toBe(s.default);
    }
  });

  it("every descriptor declares its cost work", () => {
    for (const d of METHOD_LIST) expect([d.id, typeof d.cost.work, ["every-prompt", "none"].includes(d.cost.instructionTokens)]).toEqual([d.id, "function", true]);
  });

  it("the link schema's method enum is the catalogue's ids", () => {
    for (const id of METHOD_IDS) expect([id, parseScenario(`methods=${id}`).ok]).toEqual([id, true]);
    const unknown = parseScenario("methods=dp-zeroth");
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors.map((e) => e.field)).toEqual(["methods"]);
  });

  it("no import cycle: lib/methods reaches lib/cost only through work-types.ts, which imports nothing of lib/methods", () => {
    const root = join(__dirname, "..", "..", "lib");
    const costImports = readdirSync(join(root, "methods")).flatMap((f) => [...readFileSync(join(root, "methods", f), "utf8").matchAll(/from "(\.\.\/cost[^"]*)"/g)].map((m) => m[1]));
    expect(new Set(costImports)).toEqual(new Set(["../cost/work-types"]));
    expect(readFileSync(join(root, "cost", "work-types.ts"), "utf8")).not.toMatch(/from "\.\.\/methods|from "\.\/(?!types")/);
  });
});
