/** @jest-environment node */
/**
 * "Queries allowed" is found by a search with an upper limit (1e9 compositions in maxCompositions,
 * 1e7 for DP-OPT and PromptPATEGen). When ε is still within the target at that limit the figure is
 * a lower bound, and every door must say so: budget.capped, "≥ 10⁹ … (search limit)" on the page
 * and in the statement, `capped: true` in the API and CLI JSON (audit finding 4).
 */
import { estimate, formatAllowed, gaussian, maxCompositions, parseScenario, presentEstimate, type Estimate } from "@/lib";
import { buildStatement, estimateJson, estimateSchema } from "@/lib/api";

function est(query: string): Estimate {
  const parsed = parseScenario(query);
  if (!parsed.ok) throw new Error(`fixture must parse: ${query}`);
  return estimate(parsed.scenario);
}

describe("maxCompositions says when it stopped at its limit", () => {
  // Gaussian with σ = 1000, δ = 1e-5, target ε = 1. By hand with the classic RDP bound,
  // ε(T) ≤ min_α T·α/(2σ²) + ln(1/δ)/(α − 1) ≈ 2·√(T·ln(1/δ)/(2σ²)):
  // T = 1,000 → 2·√(1000·11.51/2e6) ≈ 0.15 < 1, so a search limited to 1,000 stops at its limit;
  // ε reaches 1 only near T ≈ 4.3e4 (classic) or later (improved conversion), well below 1e9.
  const step = gaussian(1000);

  test("limit 1,000: count 1,000, capped", () => {
    const b = maxCompositions(step, 1, 1e-5, { accountant: "rdp" }, 1000);
    expect(b.count).toBe(1000);
    expect(b.capped).toBe(true);
    expect(b.epsilon).toBeLessThan(0.2);
  });

  test("default limit 1e9: the exact largest count, above the classic bound's 43,000, not capped", () => {
    const b = maxCompositions(step, 1, 1e-5, { accountant: "rdp" });
    expect(b.capped).toBeUndefined();
    expect(b.count).toBeGreaterThan(43_000);
    expect(b.count).toBeLessThan(1e6);
  });

  test("PRV stops at its limit too", () => {
    const b = maxCompositions(step, 1, 1e-5, { accountant: "prv" }, 64);
    expect(b).toMatchObject({ count: 64, capped: true });
  });
});

describe("PFL-DocVQA, DP-ICL: the audit's 1,000,000,000 queries is a search limit, shown as such", () => {
  // `npm run cli -- estimate --query 'preset=docvqa'` printed budget.allowed = 1000000000 for DP-ICL.
  const e = est("preset=docvqa&accountant=rdp&methods=dp-icl,prompt-pate");
  const dpIcl = e.privacy.find((p) => p.method === "dp-icl")!;
  const pate = e.privacy.find((p) => p.method === "prompt-pate")!;

  test("budget.capped is set where the search hit 1e9, and only there", () => {
    expect(dpIcl.budget).toMatchObject({ allowed: 1e9, capped: true });
    expect(pate.budget.allowed).toBeLessThan(1e9);
    expect(pate.budget).not.toHaveProperty("capped");
  });

  test("the privacy table says ≥ 10⁹ queries (search limit), never 1,000,000,000", () => {
    const view = presentEstimate(e).privacy.find((p) => p.method === "dp-icl")!;
    expect(view.budget.text).toBe("10,000 queries planned; budget allows ≥ 10⁹ queries (search limit) (RDP)");
    expect(view.budget.text).not.toContain("1,000,000,000");
  });

  test("the statement says at least 10⁹ and why", () => {
    const s = buildStatement("preset=docvqa&accountant=rdp&methods=dp-icl&method=dp-icl");
    const line = s.chosen?.guarantee.details.find((d) => d.startsWith("The budget allows"));
    expect(line).toBe("The budget allows at least 10⁹ queries at the least private useful setting (counted with the RDP accountant); the search stopped at that limit, so the true figure may be higher; 10,000 are planned.");
  });

  test("the API and CLI JSON carry capped: true and satisfy the response schema", () => {
    const wire = JSON.parse(estimateJson(e)) as { privacy: { method: string; budget: { capped?: boolean } }[] };
    expect(wire.privacy.find((p) => p.method === "dp-icl")?.budget.capped).toBe(true);
    const parsed = estimateSchema.safeParse(wire);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});

describe("formatAllowed", () => {
  test.each([
    [1e9, true, "queries", "≥ 10⁹ queries (search limit)"],
    [1e7, true, "token queries", "≥ 10⁷ token queries (search limit)"],
    [1234567, true, "tokens", "≥ 1,234,567 tokens (search limit)"],
    [358, undefined, "public queries", "358 public queries"], // docs/derivations.md §4: GNMax σ = 40, ε = 3
    [1e9, false, "", "1,000,000,000"],
  ] as const)("%d capped=%s → %s", (allowed, capped, unit, text) => {
    expect(formatAllowed(allowed, capped, unit)).toBe(text);
  });
});
