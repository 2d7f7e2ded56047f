/** @jest-environment node */
/**
 * What each method file declares beyond its privacy (issue #16): its leakage traits, the study's
 * names for it and its chart style. Each expectation names an oracle independent of the files.
 */
import { METHOD_DESCRIPTORS } from "@/lib/methods";
import { METHOD_IDS, METHODS, VERSION_DEFAULTS } from "@/lib/scenario";
import { MEASURED_RESULTS } from "@/lib/utility";

/** The methods Hanke et al. 2024 ran: the ones a v=1 link lists by default (lib/scenario/versions.ts). */
const STUDY_METHODS = VERSION_DEFAULTS[1].methods;

describe("method descriptors", () => {
  it("exactly the methods that change the model's weights or prompt by gradients or by perturbing them need local weights (catalogue: mechanism dp-sgd, Hanke et al. 2024, Section 2; zeroth-order, DPZero perturbs the weights, arXiv 2310.09639)", () => {
    // A closed-LLM method runs on an API (POST tunes on the provider's small model, which it is sent, never on the closed LLM).
    for (const id of METHOD_IDS) expect([id, METHOD_DESCRIPTORS[id].leakage.needsLocalWeights]).toEqual([id, METHODS[id].llm === "open" && (METHODS[id].mechanism === "dp-sgd" || METHODS[id].mechanism === "zeroth-order")]);
  });

  it("every declared paper name of a study method is a row name the study prints, and no method beyond the study borrows one (lib/utility/paper-results.ts, from Tables 3–6)", () => {
    const printed = new Set(MEASURED_RESULTS.map((r) => r.method as string));
    for (const id of METHOD_IDS) {
      const n = METHOD_DESCRIPTORS[id].paperNames;
      for (const name of [n.classification, n.generation, n.onOpenModel?.classification, n.onOpenModel?.generation]) {
        if (name !== undefined) expect([id, printed.has(name)]).toEqual([id, STUDY_METHODS.includes(id)]);
      }
    }
  });

  it("the study's eight methods keep their Okabe–Ito colours (Okabe & Ito 2008; the palette before the move)", () => {
    const light = Object.fromEntries(STUDY_METHODS.map((id) => [id, METHOD_DESCRIPTORS[id].style.color.light]));
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
