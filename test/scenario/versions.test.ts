/** @jest-environment node */
/**
 * A link's version pins its defaults (issue #16): adding a method to the catalogue does not
 * change what any recorded link means.
 *
 * The test registers a throwaway method "dp-zo" (a DP zeroth-order method, with one knob) by
 * mocking the catalogue and the knob tables, as the next method's file and registry line would
 * add it, then decodes every link of test/fixtures/links/v1-corpus.json. Oracle: that fixture,
 * recorded before the versions table existed (test/scenario/record-corpus.ts). Before the table,
 * presets.ts defaulted `methods` to the whole catalogue, so `v=1` would have decoded to nine
 * methods here; the first test shows the mock is in effect, so that regression would be caught.
 * The new method's own knob defaults are left out of the comparison: they did not exist when the
 * corpus was recorded, and a v=1 link selects the method only by naming it.
 */
import { readFileSync } from "node:fs";
import { METHOD_IDS, VERSION_DEFAULTS, parseScenario } from "@/lib/scenario";
import { CORPUS_FILE, decode, type CorpusEntry } from "./link-corpus";

jest.mock("../../lib/scenario/catalog", () => {
  const actual = jest.requireActual("../../lib/scenario/catalog");
  return {
    ...actual,
    METHOD_IDS: [...actual.METHOD_IDS, "dp-zo"],
    METHODS: { ...actual.METHODS, "dp-zo": { id: "dp-zo", label: "DP-ZO", llm: "open", mechanism: "dp-sgd", summary: "throwaway", source: "test" } },
  };
});
jest.mock("../../lib/scenario/knobs", () => {
  const actual = jest.requireActual("../../lib/scenario/knobs");
  const steps = { label: "Steps", unit: "steps", description: "throwaway", min: 1, max: 1000, integer: true };
  const KNOB_SPECS = { ...actual.KNOB_SPECS, "dp-zo": { steps } };
  return {
    ...actual,
    KNOB_SPECS,
    knobSpec: (method: string, knob: string) => (KNOB_SPECS as Record<string, Record<string, unknown>>)[method]?.[knob],
    knobNames: (method: string) => Object.keys((KNOB_SPECS as Record<string, object>)[method] ?? {}),
    defaultKnobs: (...args: unknown[]) => ({ ...actual.defaultKnobs(...args), "dp-zo": { steps: 100 } }),
  };
});

const corpus = JSON.parse(readFileSync(CORPUS_FILE, "utf8")) as CorpusEntry[];

function withoutThrowaway(s: unknown): string {
  const { knobs, ...rest } = s as { knobs: Record<string, unknown> };
  const recorded = { ...knobs };
  delete recorded["dp-zo"];
  return JSON.stringify({ ...rest, knobs: recorded });
}

describe("with a ninth method in the catalogue", () => {
  it("the method is registered: the codec reads it and its knob", () => {
    // The study's eight, Aug-PE (issue #17) and the throwaway method.
    expect(METHOD_IDS).toHaveLength(10);
    expect(METHOD_IDS).toContain("dp-zo");
    const p = parseScenario("v=1&methods=dp-zo&dp-zo.steps=7");
    expect(p.ok && p.scenario.methods).toEqual(["dp-zo"]);
    expect(p.ok && (p.scenario.knobs as unknown as Record<string, Record<string, number>>)["dp-zo"]).toEqual({ steps: 7 });
  });

  it("v=1 still means the study's eight methods", () => {
    expect(decode("v=1").scenario.methods).toEqual(["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen"]);
  });

  it("every corpus link decodes to its recorded scenario and canonical link", () => {
    const changed = corpus.filter((e) => {
      const now = decode(e.link);
      return withoutThrowaway(now.scenario) !== withoutThrowaway(e.scenario) || now.canonical !== e.canonical;
    });
    expect(changed.map((e) => e.link)).toEqual([]);
  });

  it("the version tables are frozen: no code can change what v=1 means at run time", () => {
    const v1 = VERSION_DEFAULTS[1];
    expect([v1, v1.methods, v1.datasets.sst2, v1.models.samsum.open, v1.knobs["dp-icl"]?.ensemble].every((x) => Object.isFrozen(x))).toBe(true);
    expect(() => (v1.methods as string[]).push("dp-zo")).toThrow(TypeError);
  });
});
