/** @jest-environment node */
/**
 * What each method file declares beyond its privacy (issue #16): its leakage traits, the study's
 * names for it and its chart style. Each expectation names an oracle independent of the files.
 */
import { METHOD_DESCRIPTORS } from "@/lib/methods";
import { METHOD_IDS, METHODS, VERSION_DEFAULTS } from "@/lib/scenario";
import { MEASURED_RESULTS } from "@/lib/utility";

describe("method descriptors", () => {
  it("exactly the DP-SGD methods need local weights (catalogue: mechanism dp-sgd; Hanke et al. 2024, Section 2)", () => {
    for (const id of METHOD_IDS) expect([id, METHOD_DESCRIPTORS[id].leakage.needsLocalWeights]).toEqual([id, METHODS[id].mechanism === "dp-sgd"]);
  });

  // The study's methods are v=1's default list (lib/scenario/versions.ts); a method beyond the study
  // (Aug-PE) must declare names no table prints, so its utility is "not measured", never borrowed.
  const study = new Set<string>(VERSION_DEFAULTS[1].methods);
  it("every study method's paper name is a row name the study prints, and no later method's is (lib/utility/paper-results.ts, from Tables 3–6)", () => {
    const printed = new Set(MEASURED_RESULTS.map((r) => r.method as string));
    for (const id of METHOD_IDS) {
      const n = METHOD_DESCRIPTORS[id].paperNames;
      for (const name of [n.classification, n.generation, n.onOpenModel?.classification, n.onOpenModel?.generation]) {
        if (name !== undefined) expect([id, printed.has(name)]).toEqual([id, study.has(id)]);
      }
    }
  });

  it("the study's eight methods keep their Okabe–Ito colours (Okabe & Ito 2008; the palette before the move)", () => {
    const light = Object.fromEntries(METHOD_IDS.filter((id) => study.has(id)).map((id) => [id, METHOD_DESCRIPTORS[id].style.color.light]));
    expect(light).toEqual({
      "dp-icl": "#D55E00", "prompt-pate": "#E69F00", "dp-fewshotgen": "#CC79A7", "dp-opt": "#000000",
      "prompt-dpsgd": "#56B4E9", "private-lora": "#0072B2", "dp-finetune": "#009E73", "prompt-pate-gen": "#8C7E00",
    });
  });

  it("no two methods share both colour and marker, in either colour scheme (shape + colour, never colour alone)", () => {
    for (const scheme of ["light", "dark"] as const) {
      const pairs = METHOD_IDS.map((id) => `${METHOD_DESCRIPTORS[id].style.color[scheme]}/${METHOD_DESCRIPTORS[id].style.marker}`);
      expect(new Set(pairs).size).toBe(pairs.length);
    }
  });
});
