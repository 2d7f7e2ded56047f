/** @jest-environment node */
/**
 * A method's non-numeric settings reach the form through the method's knob group, drawn from the
 * schema's top-level fields by the `<method>.<name>` share-link key (issue #16: the form names no
 * method). Oracle: README.md's share-link table documents `dp-fewshotgen.generator` as DP-FewShotGen's
 * one such setting, `api` when absent (variant (1), as the study ran it, Hanke et al. 2024, Table 1).
 */
import { formModel } from "@/lib/present";

describe("method settings in the form model", () => {
  const model = formModel();

  it("DP-FewShotGen's group carries its generator choice with the link's default", () => {
    const group = model.knobs.find((g) => g.method === "dp-fewshotgen");
    expect(group?.settings.map((s) => [s.key, s.path, s.defaultValue, s.label])).toEqual([["dp-fewshotgen.generator", "fewShotGenGenerator", "api", "DP-FewShotGen generator"]]);
    // The choices: the closed model that answers (api) and each open model that can generate.
    expect(group?.settings[0]?.options?.[0]?.id).toBe("api");
    expect(group?.settings[0]?.options?.some((o) => o.id === "vicuna-7b")).toBe(true);
  });

  it("no other method has a setting besides its knobs", () => {
    expect(model.knobs.filter((g) => g.settings.length > 0).map((g) => g.method)).toEqual(["dp-fewshotgen"]);
  });
});
