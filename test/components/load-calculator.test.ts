/** @jest-environment node */
/**
 * The server's first render (components/calculator/load-calculator.ts): RDP figures unless this
 * process already holds the link's PRV evaluation; instrumentation.ts warms the landing page at
 * start so `/` is served with PRV. Expected accountants follow from that rule; the PRV figures
 * themselves are checked against a direct estimate() with the PRV accountant (lib/index.ts).
 */
import { estimate, parseScenario } from "@/lib";
import { loadCalculator, warmCalculator } from "@/components/calculator/load-calculator";

const computed = (link: string) => loadCalculator(new URLSearchParams(link)).initial.presentation.accountant.computed;

describe("which accountant the server renders", () => {
  test("a link asking for PRV gets RDP figures while this process has no PRV evaluation for it", () => {
    expect(computed("preset=sst2&eps=5")).toBe("rdp");
  });

  test("after warming, the landing page renders PRV — the same ε as estimate() with PRV", () => {
    expect(computed("")).toBe("rdp");
    const ms = warmCalculator([""]);
    expect(ms).toBeGreaterThan(0);
    const { initial } = loadCalculator(new URLSearchParams(""));
    expect(initial.presentation.accountant).toMatchObject({ requested: "prv", computed: "prv" });
    const parsed = parseScenario("");
    if (!parsed.ok) throw new Error("the default scenario must parse");
    const direct = estimate({ ...parsed.scenario, accountant: "prv" });
    // Some methods have their own analysis (PATE's vote accounting); the DP-SGD ones use PRV.
    expect(direct.privacy.some((p) => p.accountant === "prv")).toBe(true);
    // Every method's ε in the presentation's privacy rows equals the direct PRV estimate's.
    const fromDirect = direct.privacy.map((p) => [p.method, p.epsilon]);
    expect(fromDirect.length).toBeGreaterThan(0);
    const presented = initial.presentation.privacy.map((p) => [p.method, p.epsilon.value]);
    expect(presented).toEqual(fromDirect);
    // Other links are untouched by the landing page's warm-up.
    expect(computed("preset=sst2&eps=5")).toBe("rdp");
  }, 60_000);

  test("a link asking for RDP gets RDP even when PRV is warm", () => {
    warmCalculator([""]);
    expect(computed("accountant=rdp")).toBe("rdp");
  });

  test("warming a link that asks for RDP computes nothing it would serve", () => {
    warmCalculator(["accountant=rdp&eps=3"]);
    expect(computed("accountant=rdp&eps=3")).toBe("rdp");
    expect(computed("eps=3")).toBe("rdp");
  });
});
