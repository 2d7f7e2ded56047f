/** @jest-environment node */
import { formatParameter, formatPercent, formatQuantity } from "../../lib/present/format";
import { leakageFor, providerPolicyFor } from "../../lib/leakage";
import { presetScenario } from "../../lib/scenario";

describe("the TSDoc @examples of lib/leakage", () => {
  it("format helpers print what their examples say", () => {
    expect(formatQuantity(66674)).toBe("66,674");
    expect(formatQuantity(27165.508)).toBe("27,165.5");
    expect(formatQuantity(12.35)).toBe("12.35");
    expect(formatQuantity(2e21)).toBe("2.000e21");
    expect(formatPercent(0.40744)).toBe("40.74%");
    expect(formatPercent(0.9996679)).toBe("99.97%");
    expect(formatPercent(0.999999)).toBe("99.9999%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatParameter(1 / 66674)).toBe("1.5e-5");
    expect(formatParameter(8)).toBe("8");
  });

  it("providerPolicyFor('gpt-4-turbo') is OpenAI's no-training-by-default policy", () => {
    expect(providerPolicyFor("gpt-4-turbo")?.trainsOnApiData).toBe("no-by-default");
  });

  it("DP-ICL for generation names the extra query copies of KSA and ESA (oracle: docs/derivations.md §3, E+1 and 2E+1)", () => {
    const r = leakageFor(presetScenario("samsum"), "dp-icl", "gpt-3-davinci");
    expect(r.queryCopiesToProvider).toBe(100);
    expect(r.channels.B.reason).toMatch(/KSA 101, ESA 201/);
  });
});
