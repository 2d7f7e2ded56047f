/** @jest-environment node */
/**
 * /reproduce's section on methods beyond the study (issue #17). Oracles: the σ test vectors of a
 * port of DPZero's accountant (Opacus get_noise_multiplier, RDP, δ = 1e-5): RoBERTa-large SST-2
 * 13.516 (ε = 2) and 5.156 (ε = 6), OPT 4.941 and 1.980; the values printed on DPZero's repository
 * figures (assets/roberta.png): SST-2 92.2 / 91.8, TREC 87.6 / 82.0 at ε = 6 / 2.
 */
import { authorsReproduceView } from "@/lib/present";

describe("authorsReproduceView", () => {
  const view = authorsReproduceView();

  it("shows the σ the authors' code computes for their four setups, and privadapt's PRV σ no larger than it", () => {
    expect(view.budget.map((b) => [b.records, b.batch, b.steps, b.epsilon, Number(b.codeSigma.split(" ")[0])])).toEqual([
      [1024, 64, 10000, 2, 13.52], [1024, 64, 10000, 6, 5.156], [1000, 16, 20000, 2, 4.941], [1000, 16, 20000, 6, 1.98],
    ]);
    for (const b of view.budget) expect(Number(b.prvSigma.split(" ")[0])).toBeLessThanOrEqual(Number(b.codeSigma.split(" ")[0]));
  });

  it("POST Table 4's 310 A100-minutes of DP prompt tuning on GPT2-XL's distilled model (SST-2) is beside privadapt's figure for the same work, within the GPU model's leave-one-out band (×0.59–×1.71)", () => {
    expect(view.costs).toHaveLength(1);
    const c = view.costs[0]!;
    expect(c.paper).toBe("310 min");
    expect(c.ratio).toBeGreaterThan(0.59);
    expect(c.ratio).toBeLessThan(1.71);
    expect(c.note).toMatch(/a check of the stand-in, not a measurement/);
  });

  it("every authors' figure on a catalogue model and dataset comes back unchanged; the others are said to be outside the catalogue", () => {
    const inCatalogue = view.utility.filter((u) => u.same !== null);
    expect(inCatalogue.map((u) => [u.dataset, u.epsilon, u.authors])).toEqual([["SST2", "6", "92.2%"], ["SST2", "2", "91.8%"], ["Trec", "6", "87.6%"], ["Trec", "2", "82.0%"]]);
    expect(inCatalogue.every((u) => u.same)).toBe(true);
    const outside = view.utility.filter((u) => u.same === null);
    expect(outside.length).toBeGreaterThan(0);
    for (const u of outside) expect(u.ours).toMatch(/^not in the catalogue/);
    expect(view.summary).toMatch(/^4 of 4 authors' figures/);
  });
});
