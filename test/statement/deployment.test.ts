/** @jest-environment node */
import { buildStatement } from "@/lib/api/statement";

describe("the statement follows the deployment (finding 2)", () => {
  it("hosted Vicuna (the audit's price override): the host is named, its policy unknown, never 'your own hardware'", () => {
    const s = buildStatement("preset=samsum&methods=private-lora&closed=&open=vicuna-7b&price.vicuna-7b=0.2,0.2&method=private-lora&model=vicuna-7b");
    expect(s.chosen?.deployment).toMatch(/served by a host \(the host of Vicuna 7B\)/);
    expect(s.chosen?.deployment).not.toMatch(/own hardware/);
    expect(s.chosen?.ledgerStatement).toContain("every query once to the host of Vicuna 7B in plaintext");
    expect(s.chosen?.providerPolicy).toMatch(/training on API data: unknown/);
    expect(s.chosen?.providerPolicy).not.toMatch(/as of null/);
  });

  it("local Vicuna keeps 'your own hardware'", () => {
    const s = buildStatement("preset=samsum&methods=private-lora&closed=&open=vicuna-7b&method=private-lora&model=vicuna-7b");
    expect(s.chosen?.deployment).toMatch(/runs on your own hardware/);
  });
});
