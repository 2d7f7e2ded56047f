/** @jest-environment node */
/**
 * Utility kind "reported" (issue #17): accuracy a method's own authors report, kept apart from the
 * study's measurements. Oracles: the values printed on the bars of DPZero's repository figure
 * assets/roberta.png (github.com/Liang137/DPZero): RoBERTa-large SST-2 92.2 at ε = 6 and 91.8 at
 * ε = 2, TREC 87.6 and 82.0; a hand interpolation written out below; the utilitySource contract of
 * lib/scenario/schema.ts (study = the decision uses the study's figures only).
 */
import { estimate, lookupReportedUtility, parseScenario, summaryView, utilityFor, type Scenario } from "../helpers/lib-internals";

function scenario(link: string): Scenario {
  const p = parseScenario(link);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.scenario;
}

describe("lookupReportedUtility: the authors' own points, for their model and dataset only", () => {
  it.each([[2, 91.8], [6, 92.2]])("DPZero, RoBERTa-large, SST-2, ε = %d → %d (repository figure assets/roberta.png)", (epsilon, value) => {
    const u = lookupReportedUtility("sst2", "dpzero", "roberta-large", epsilon, { records: 66674 })!;
    expect(u).toMatchObject({ value, kind: "reported", basis: "exact-epsilon", epsilon, metric: "accuracy", spread: null });
    expect(u.source).toMatch(/arXiv 2310\.09639.*assets\/roberta\.png/);
    // The authors' setup is stated, and that the scenario's N differs from it (512 per class × 2 = 1,024).
    expect(u.note).toMatch(/not measured by Hanke et al\. 2024/);
    expect(u.note).toMatch(/N = 66,674 records; the authors trained on 1,024/);
  });

  it("between the authors' two points: linear in ε, labelled, both ends named (hand: 91.8 + (4 − 2) × (92.2 − 91.8) / (6 − 2) = 92.0)", () => {
    const u = lookupReportedUtility("sst2", "dpzero", "roberta-large", 4)!;
    expect(u.value).toBeCloseTo(92.0, 10);
    expect(u.basis).toBe("linear-in-epsilon");
    expect(u.between?.map((p) => [p.epsilon, p.value])).toEqual([[2, 91.8], [6, 92.2]]);
    expect(u.note).toMatch(/Interpolated linearly in ε between the authors' own points/);
  });

  it("never extrapolated beyond their points, never borrowed from another model or dataset", () => {
    expect(lookupReportedUtility("sst2", "dpzero", "roberta-large", 8)).toBeNull();
    expect(lookupReportedUtility("sst2", "dpzero", "roberta-large", 1)).toBeNull();
    expect(lookupReportedUtility("sst2", "dpzero", "llama-3-8b-instruct", 6)).toBeNull();
    expect(lookupReportedUtility("mpqa", "dpzero", "roberta-large", 6)).toBeNull();
    // A study method has no authors' rows here: its utility stays the study's.
    expect(lookupReportedUtility("sst2", "private-lora", "roberta-large", 8)).toBeNull();
  });

  it("utilityFor: the study's measurement first; the authors' figure only where the study has none; none says what the authors ran", () => {
    expect(utilityFor(scenario("v=1&preset=trec&eps=6&methods=dpzero&open=roberta-large"), "dpzero", "roberta-large")).toMatchObject({ value: 87.6, kind: "reported" });
    expect(utilityFor(scenario("v=1&eps=8"), "private-lora", "roberta-large")).toMatchObject({ kind: "measured" });
    const none = utilityFor(scenario("v=1&eps=8&methods=dpzero&open=llama-3-8b-instruct"), "dpzero", "llama-3-8b-instruct");
    expect(none.kind).toBe("none");
    expect(none.value).toBeNull();
    expect(none.note).toMatch(/Its authors report results on RoBERTa-large/);
    expect(none.note).toMatch(/does not borrow them/);
  });
});

describe("study and reported kept apart in the decision and the summary", () => {
  const base = "v=1&eps=6&methods=dpzero&open=roberta-large&minUtility=90";

  it("utilitySource=study (the default): DPZero's reported 92.2 is shown in the row but the decision reads it as unknown, so minUtility excludes it", () => {
    const e = estimate(scenario(base));
    const row = e.rows.find((r) => r.method === "dpzero")!;
    expect(row.utility).toMatchObject({ value: 92.2, kind: "reported" });
    expect(e.decision.answer).toBeNull();
    expect(e.decision.excluded.find((x) => x.method === "dpzero")?.reasons.join(" ")).toBeTruthy();
    expect(e.decision.notes.join(" ")).toMatch(/the study's only \(utilitySource=study\)\. DPZero on RoBERTa-Large has a figure reported by the method's own authors, shown in the table but not used here/);
  });

  it("utilitySource=reported: the decision uses it and its sentence says who reported it", () => {
    const e = estimate(scenario(`${base}&utilitySource=reported`));
    expect(e.decision.answer).toMatchObject({ method: "dpzero", model: "roberta-large", utility: { value: 92.2, kind: "reported" } });
    expect(e.decision.answer!.sentence).toMatch(/reported by the method's authors, not measured by the study at ε = 6/);
    expect(e.decision.notes.join(" ")).toMatch(/figures reported by the method's own authors \(marked "reported"/);
    // The ranking rule no longer says "the study's utility" when it ranks by an authors' figure.
    expect(e.decision.rule).not.toMatch(/the study's utility/);
    expect(e.decision.rule).toMatch(/the utility \(the study's, or its authors' where marked reported\)/);
  });

  it("the most-accurate card never calls an authors' figure measured: it names it as reported, apart from the study's", () => {
    const onlyReported = summaryView(estimate(scenario("v=1&eps=6&methods=dpzero&open=roberta-large")));
    expect(onlyReported.mostAccurate!.text).toMatch(/^The study measured none of these options at ε = 6\. Reported by a method's own authors, not measured by the study: DPZero on RoBERTa-Large: .*92\.2/);
    const both = summaryView(estimate(scenario("v=1&eps=8&methods=dpzero,private-lora&open=roberta-large")));
    // At ε = 8 the study measured PrivateLoRA on RoBERTa-Large; DPZero's authors report nothing at 8 (no extrapolation).
    expect(both.mostAccurate!.text).toMatch(/measured at ε = 8/);
    expect(both.mostAccurate!.text).not.toMatch(/Reported by a method's own authors/);
    const mixed = summaryView(estimate(scenario("v=1&eps=6&methods=dpzero,dp-icl&open=roberta-large")));
    expect(mixed.mostAccurate!.text).toMatch(/Reported by a method's own authors, not measured by the study: DPZero on RoBERTa-Large/);
  });
});
