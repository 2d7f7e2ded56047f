/**
 * @jest-environment node
 *
 * Decision sentences are true for every method (issue #18): what an option's sentence says leaks
 * is what its leakage ledger says, channel by channel, for every method × task × deployment (a
 * closed model's API, an open model at a host, an open model on the curator's GPU).
 *
 * Oracle: the leakage ledger (lib/leakage `leakageFor`, reached through each row's `leakage`), an
 * independent module: the decision only reads it. Invariants, over random scenarios:
 * - the sentence never says a channel leaks when the ledger says it is protected;
 * - it never omits a channel the ledger says is exposed or partial;
 * - it never calls "partial" what the ledger calls "exposed" (nor the reverse);
 * - channel A never says private training records (or data) reach the provider when the ledger
 *   counts no record sent (Aug-PE, DP-OPT, POST, a DP-SGD method at a host: the defect fixed here,
 *   where every channel-A leak read "private training data reach the provider");
 * - A and B name whom the ledger names (the provider, or the host of a hosted open model).
 */
import fc from "fast-check";
import { estimate, parseScenario, type EstimateRow } from "@/lib";
import { decisionOption, type DecisionOption } from "@/lib/decide";
import { CLOSED_METHOD_IDS, CLOSED_MODEL_IDS, METHODS, METHOD_IDS, OPEN_MODEL_IDS } from "@/lib/scenario";

jest.setTimeout(300_000);

const CHANNEL_CLAIM = /channel ([ABC]) (partial|exposed):/g;

/** What the sentence says leaks, channel → status, read off its words only. */
function claims(sentence: string): Map<string, string> {
  return new Map([...sentence.matchAll(CHANNEL_CLAIM)].map((m) => [m[1] as string, m[2] as string]));
}

function check(row: EstimateRow, option: DecisionOption): void {
  const ledger = row.leakage;
  if (!ledger) return;
  const said = claims(option.sentence);
  for (const c of ["A", "B", "C"] as const) {
    const status = ledger.channels[c].status;
    const where = `${row.method} on ${row.model} (${ledger.deployment}), channel ${c}: ledger ${status}; sentence: ${option.sentence}`;
    // Protected: not said to leak. Exposed / partial: said, with the ledger's own status word.
    expect([where, said.get(c) ?? "protected"]).toEqual([where, status]);
    const leak = option.leaks.find((l) => l.channel === c);
    expect([where, leak?.status ?? "protected"]).toEqual([where, status]);
    if (!leak) continue;
    expect([where, leak.what.startsWith(`${status}: `)]).toEqual([where, true]);
    if (c === "A" && ledger.trainingRecordsToProvider === 0) {
      expect([where, /private training (records|data) reach/.test(leak.what)]).toEqual([where, false]);
    }
    if (c !== "C" && ledger.provider !== null) expect([where, leak.what.includes(ledger.provider)]).toEqual([where, true]);
  }
  if (option.leaks.length === 0) expect(option.sentence).toMatch(/no private record or query reaches a provider/);
  else expect(option.sentence).not.toMatch(/no private record or query reaches a provider/);
}

const scenarioArb = fc.record({
  task: fc.constantFrom("classification", "generation"),
  preset: fc.constantFrom("custom", "sst2", "samsum", "trec", "mitg"),
  n: fc.integer({ min: 200, max: 200_000 }),
  queries: fc.integer({ min: 1, max: 10_000_000 }),
  eps: fc.constantFrom(0.1, 0.5, 1, 3, 8, 30),
  closed: fc.subarray([...CLOSED_MODEL_IDS], { minLength: 1, maxLength: 2 }),
  open: fc.subarray([...OPEN_MODEL_IDS], { minLength: 1, maxLength: 3 }),
  hostFirst: fc.boolean(),
  closedOnOpen: fc.boolean(),
  generator: fc.constantFrom("api", "vicuna-7b"),
});

/** The share link for a drawn scenario: every method, the drawn models, the first open model maybe at a host, closed-LLM methods maybe also on the open models. */
function link(x: { task: string; preset: string; n: number; queries: number; eps: number; closed: string[]; open: string[]; hostFirst: boolean; closedOnOpen: boolean; generator: string }): string {
  const parts = [
    x.preset === "custom" ? `preset=custom&task=${x.task}${x.task === "classification" ? "&classes=4" : ""}` : `preset=${x.preset}`,
    `n=${x.n}`, `queries=${x.queries}`, `eps=${x.eps}`, "accountant=rdp",
    `methods=${METHOD_IDS.join(",")}`, `closed=${x.closed.join(",")}`, `open=${x.open.join(",")}`,
    x.hostFirst ? `hosted=${x.open[0]}` : "", `dp-fewshotgen.generator=${x.generator}`,
    x.closedOnOpen ? `closedOnOpen=${CLOSED_METHOD_IDS.join(",")}` : "",
  ];
  return parts.filter(Boolean).join("&");
}

describe("a decision sentence says what the ledger says, for every method × task × deployment", () => {
  test("the issue's defect: Aug-PE on an API for classification sends no record; its sentence says what does reach the provider", () => {
    const r = parseScenario("preset=custom&classes=10&n=20000&queries=1000000&eps=1&accountant=rdp&methods=aug-pe&closed=gpt-4o-mini");
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const row = estimate(r.scenario).rows.find((x) => x.method === "aug-pe");
    expect(row?.leakage?.trainingRecordsToProvider).toBe(0);
    expect(row?.leakage?.channels.A.status).toBe("partial");
    const option = decisionOption(row as EstimateRow);
    // Hand-written from the ledger's channel A reason and Aug-PE's privacy.notCovered: only DP
    // synthetic samples are sent, and the per-class seed counts come from the label counts without noise.
    expect(option.leaks.map((l) => l.channel)).toEqual(["A"]);
    expect(option.leaks[0]?.what).toBe(
      `partial: no raw private record; DP synthetic samples reach ${row?.leakage?.provider}, and ${row?.leakage?.provider} learns the number of seed samples per class, allocated from the private label counts without noise (outside the DP guarantee)`,
    );
    check(row as EstimateRow, option);
  });

  test("random scenarios: every row's sentence matches its ledger", () => {
    let rows = 0;
    const deployments = new Set<string>();
    const statuses = new Set<string>();
    const combos = new Set<string>();
    fc.assert(
      fc.property(scenarioArb, (x) => {
        const r = parseScenario(link(x));
        if (!r.ok) throw new Error(`${link(x)}: ${JSON.stringify(r.errors)}`);
        for (const row of estimate(r.scenario).rows) {
          check(row, decisionOption(row));
          rows++;
          if (row.leakage) {
            deployments.add(row.leakage.deployment);
            combos.add(`${row.method}/${r.scenario.task}/${row.leakage.deployment}`);
            for (const c of ["A", "B", "C"] as const) statuses.add(`${c}:${row.leakage.channels[c].status}`);
          }
        }
      }),
      { numRuns: 40, seed: 18 },
    );
    // The draws reach every deployment and every status the invariants are about.
    expect([...deployments].sort()).toEqual(["hosted", "local", "provider-api"]);
    for (const s of ["A:exposed", "A:partial", "A:protected", "B:exposed", "B:protected", "C:partial", "C:protected"]) expect([s, statuses.has(s)]).toEqual([s, true]);
    expect(rows).toBeGreaterThan(400);
    // Every method × task × deployment it can run in was checked: a closed-LLM method on a
    // provider's API and, if closedOnOpen allows it (not POST), on an open model at a host or
    // locally; an open-LLM method at a host or locally (lib/cost/estimate.ts pairs them so).
    const onOpen = (m: (typeof METHOD_IDS)[number]) => METHODS[m].llm === "open" || (CLOSED_METHOD_IDS as readonly string[]).includes(m);
    const wanted = METHOD_IDS.flatMap((m) => ["classification", "generation"].flatMap((t) =>
      [...(METHODS[m].llm === "closed" ? ["provider-api"] : []), ...(onOpen(m) ? ["hosted", "local"] : [])].map((d) => `${m}/${t}/${d}`)));
    expect(wanted.filter((c) => !combos.has(c))).toEqual([]);
  });
});
