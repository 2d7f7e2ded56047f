/** @jest-environment node */
import { existsSync } from "node:fs";
import { MEASURED_RESULTS } from "../../lib/utility";
import { REFERENCE_JSON, readReferenceRows } from "./generate-paper-results";

// The oracle is vendored in test/fixtures/golden, so the drift check runs in every clone.
const hasReference = existsSync(REFERENCE_JSON);
test("the vendored reference file exists", () => expect(hasReference).toBe(true));
describe("lib/utility/paper-results.ts", () => {
  it("equals shared/reference/paper-results.json row for row (oracle: the reference file; regenerate with npx tsx test/utility/generate-paper-results.ts)", () => {
    expect(MEASURED_RESULTS).toEqual(readReferenceRows());
  });
});

describe("MEASURED_RESULTS", () => {
  it("holds the 178 rows of Tables 1, 3, 4, 5, 6 and 23, each with its source table (oracle: docs/derivations.md §S7 row counts)", () => {
    const count = (t: string) => MEASURED_RESULTS.filter((r) => r.table === t).length;
    // Table 3: 17 rows × 4 datasets; Table 4: 15 × 3 metrics; Table 5: 7 × 3; Table 6: 10 × 2; Table 23: 5 × 4.
    expect([count("1"), count("3"), count("4"), count("5"), count("6"), count("23")]).toEqual([4, 68, 45, 21, 20, 20]);
  });

  it("spot checks against docs/derivations.md §S7", () => {
    const find = (table: string, method: string, model: string, dataset: string, metric: string) =>
      MEASURED_RESULTS.find((r) => r.table === table && r.method === method && r.model === model && r.dataset === dataset && r.metric === metric);
    expect(find("3", "DP-ICL", "GPT-4 Turbo", "Trec", "accuracy")).toMatchObject({ mean: 16.2, spread: 1.7, epsilon: 8 });
    expect(find("4", "PrivateLoRA", "Mixtral 8x7B", "SAMSum", "rougeL")).toMatchObject({ mean: 44.7, spread: 0.2 });
    expect(find("23", "PrivateLoRA", "Vicuna 7B", "Mpqa", "accuracy")?.mean).toBe(88.4);
  });
});
