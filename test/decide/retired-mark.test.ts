/** @jest-environment node */
/**
 * Issue #17: a retired model is never recommended without its mark. Invariant over random
 * scenarios: wherever the decision (answer, runner-up, robustness, relaxations) or the summary
 * cards (cheapest, most accurate) name a model that its provider has retired or scheduled for
 * shutdown, the name is followed by "(retired <date>)" / "(deprecated: shutdown <date>)".
 *
 * Oracle: the providers' deprecation pages, typed in here (not read from lib/): OpenAI shut
 * babbage-002 and davinci-002 down on 2026-10-23 and schedules gpt-5 / gpt-5-mini for 2026-12-11;
 * Anthropic retired claude-2.1 on 2025-07-21.
 */
import fc from "fast-check";
import { estimate } from "@/lib/estimate";
import { summaryView } from "@/lib/present";
import { CLOSED_METHOD_IDS, CLOSED_MODEL_IDS, parseScenario, type Scenario } from "@/lib/scenario";

const MARKED: Record<string, string> = {
  "GPT-3 Davinci": "(retired 2026-10-23)",
  "GPT-3 Babbage": "(retired 2026-10-23)",
  "Claude 2.1": "(retired 2025-07-21)",
  "GPT-5": "(deprecated: shutdown 2026-12-11)",
  "GPT-5 mini": "(deprecated: shutdown 2026-12-11)",
};

/** Occurrences of `label` (as a whole name) not followed by its mark. */
function unmarked(text: string, label: string, mark: string): number {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // "GPT-5" must not match inside "GPT-5 mini": a whole name ends at a character that cannot continue it.
  const all = [...text.matchAll(new RegExp(`${escaped}(?![\\w.-]| mini)`, "g"))];
  return all.filter((m) => !text.slice((m.index ?? 0) + label.length).startsWith(` ${mark}`)).length;
}

const scenarioArb = fc.record({
  version: fc.constantFrom(1, 3),
  preset: fc.constantFrom("sst2", "trec", "samsum", "mitd", "custom"),
  closed: fc.subarray([...CLOSED_MODEL_IDS], { minLength: 1, maxLength: 5 }),
  methods: fc.subarray([...CLOSED_METHOD_IDS], { minLength: 1, maxLength: 4 }),
  rank: fc.constantFrom("privacy", "cost", "utility"),
  eps: fc.constantFrom(1, 3, 8),
  queries: fc.constantFrom(100, 10000, 1000000),
  cheapRetired: fc.boolean(),
}).map(({ version, preset, closed, methods, rank, eps, queries, cheapRetired }) => {
  // Retired models have no `current` price; a user override (or the study's prices under v=1) makes them rankable.
  const prices = cheapRetired ? ["gpt-3-davinci", "gpt-3-babbage", "claude-2.1"].filter((m) => closed.includes(m as never)).map((m) => `&price.${m}=0.01,0.01`).join("") : "";
  const q = `v=${version}&preset=${preset}&closed=${closed.join(",")}&open=&methods=${methods.join(",")}&rank=${rank}&eps=${eps}&queries=${queries}&accountant=rdp${prices}`;
  const r = parseScenario(q);
  if (!r.ok) throw new Error(`${q}: ${JSON.stringify(r.errors)}`);
  return { q, scenario: r.scenario as Scenario };
});

describe("a retired model is never named as an answer without its mark", () => {
  it("the fixed case: SST2 in the study's setup, ranked by cost, recommends a GPT-3 model and says it is retired", () => {
    const r = parseScenario("v=1&rank=cost&accountant=rdp&methods=dp-icl&closed=gpt-3-babbage");
    if (!r.ok) throw new Error("unparsable");
    const est = estimate(r.scenario);
    expect(est.decision.answer?.sentence).toMatch(/^DP-ICL on GPT-3 Babbage \(retired 2026-10-23\): /);
    expect(summaryView(est).cheapest?.text).toMatch(/^DP-ICL on GPT-3 Babbage \(retired 2026-10-23\): /);
  });

  it("holds over random scenarios (answers that are retired do occur among them)", () => {
    let retiredAnswers = 0;
    fc.assert(
      fc.property(scenarioArb, ({ q, scenario }) => {
        const est = estimate(scenario);
        const d = est.decision;
        const summary = summaryView(est);
        const texts = [d.answer?.sentence, d.runnerUp?.sentence, d.robustness, ...d.relax.map((x) => x.sentence), summary.cheapest?.text, summary.mostAccurate?.text].filter((t): t is string => typeof t === "string");
        if (d.answer && ["gpt-3-davinci", "gpt-3-babbage", "claude-2.1"].includes(d.answer.model)) retiredAnswers += 1;
        for (const t of texts) for (const [label, mark] of Object.entries(MARKED)) {
          if (unmarked(t, label, mark) !== 0) throw new Error(`${q}: "${t}" names ${label} without ${mark}`);
        }
      }),
      { seed: 17, numRuns: 40 },
    );
    expect(retiredAnswers).toBeGreaterThan(0);
  }, 300_000);
});
