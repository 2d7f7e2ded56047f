/**
 * The statement of any row (issue #19 §7): each row of the comparison table links to
 * /statement?<scenario>&method=&model=, so the statement must describe that option even when the
 * link's must-haves leave it out of the ranking.
 *
 * Oracle: DP-ICL on GPT-4 Turbo for the default SST-2 scenario costs $68.75 (the comparison
 * table's total for the same estimate), far over a $2 budget (maxCost=2), so the decision excludes
 * it; the top pick under that budget is a different, cheaper option.
 */
import { buildStatement } from "@/lib/api";

describe("statement of an option the must-haves exclude", () => {
  test("describes the option the link names and says why it is not recommended", () => {
    const s = buildStatement("accountant=rdp&maxCost=2&method=dp-icl&model=gpt-4-turbo");
    expect(s.chosen?.title).toBe("DP-ICL on GPT-4 Turbo");
    expect(s.chosen?.chosenBecause).toBe("Requested in the link (method=dp-icl, model=gpt-4-turbo); not ranked and not recommended: it fails the must-haves (costs $68.75, over the $2.00 budget).");
    expect(s.chosen?.costs.find((c) => c.label === "Total")?.value).toBe("$68.75");
    // Before the fix the top pick was shown, with "does not match any compared option".
    expect(s.problems.selection).toEqual([]);
    expect(s.decision.answer).not.toMatch(/^DP-ICL on GPT-4 Turbo/);
  });
});
