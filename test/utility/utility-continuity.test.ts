/** @jest-environment node */
/**
 * Audit finding 6: the utility never jumps and never claims more than the study measured.
 *
 * Oracles: the paper's tables as printed (Hanke et al. 2024, Table 3 and Table 23), written out
 * by hand below, and hand calculations of linear interpolation in comments. No expected value is
 * read back from the code under test.
 */
import fc from "fast-check";
import { CLOSED_MODEL_IDS, DATASET_IDS, METHOD_IDS, OPEN_MODEL_IDS, type DatasetId, type MethodId, type ModelId } from "../../lib/scenario";
import { MEASURED_RESULTS, PAPER_DATASET_NAMES, PAPER_MODEL_NAMES, curveAnchors, lookupMeasuredUtility, measuredRows, paperMethodNames, utilityCurve } from "../../lib/utility";

const CLASSIFICATION = ["sst2", "trec", "mpqa", "disaster"] as const;

/** Table 23: PrivateLoRA on Vicuna 7B, accuracy (%) by ε; columns SST2, Trec, Mpqa, Disaster. */
const TABLE_23: Record<string, readonly number[]> = {
  "0.3": [91.9, 87.6, 64.4, 73.6],
  "0.7": [93.4, 93.2, 79.5, 76.4],
  "1": [93.5, 93.8, 82.1, 78.1],
  "3": [94.4, 96.2, 87.6, 79.6],
  "8": [95.3, 97.4, 88.4, 82.0],
};
/** Table 3: PrivateLoRA on Vicuna 7B at ε = 8 (mean over 3 seeds, ± printed). */
const TABLE_3_VICUNA_LORA = [94.8, 97.3, 87.8, 81.3];

/**
 * The points the curve must pass through, by hand: Table 23 below ε = 8, Table 3 at ε = 8 (the
 * main result, the one every other method's ε = 8 value comes from).
 */
function vicunaLoraPoints(i: number): [number, number][] {
  return [
    [0.3, TABLE_23["0.3"]![i]!], [0.7, TABLE_23["0.7"]![i]!], [1, TABLE_23["1"]![i]!], [3, TABLE_23["3"]![i]!],
    [8, TABLE_3_VICUNA_LORA[i]!],
  ];
}

describe("no jump at ε = 8 (finding 6a)", () => {
  it("PrivateLoRA on Vicuna 7B approaches Table 3's ε = 8 value from below, on all four classification sets", () => {
    // Hand calculation, SST2: the segment from (3, 94.4) [Table 23] to (8, 94.8) [Table 3] at ε = 7.99
    // is 94.4 + (7.99 − 3)/(8 − 3) · (94.8 − 94.4) = 94.4 + 0.998 · 0.4 = 94.7992; at ε = 8 exactly 94.8.
    expect(lookupMeasuredUtility("sst2", "private-lora", "vicuna-7b", 7.99).value).toBeCloseTo(94.7992, 10);
    CLASSIFICATION.forEach((id, i) => {
      const at8 = lookupMeasuredUtility(id, "private-lora", "vicuna-7b", 8);
      const before = lookupMeasuredUtility(id, "private-lora", "vicuna-7b", 7.99);
      expect(at8).toMatchObject({ value: TABLE_3_VICUNA_LORA[i], kind: "measured", source: "Hanke et al. 2024, Table 3" });
      // Slope of the last segment (ε from 3 to 8) in points per unit ε; the step of 0.01 may move the value by at most 0.01 × slope.
      const slope = Math.abs(TABLE_3_VICUNA_LORA[i]! - TABLE_23["3"]![i]!) / 5;
      expect(before.kind).toBe("interpolated");
      expect(Math.abs((before.value as number) - (at8.value as number))).toBeLessThanOrEqual(0.01 * slope + 1e-12);
    });
  });

  it("an interpolated value names both end points it lies between, with their tables (oracle: Tables 23 and 3)", () => {
    const u = lookupMeasuredUtility("trec", "private-lora", "vicuna-7b", 5);
    // 96.2 + (5 − 3)/5 · (97.3 − 96.2) = 96.2 + 0.4 · 1.1 = 96.64
    expect(u.value).toBeCloseTo(96.64, 10);
    expect(u.between).toEqual([
      { value: 96.2, epsilon: 3, source: "Hanke et al. 2024, Table 23" },
      { value: 97.3, epsilon: 8, source: "Hanke et al. 2024, Table 3" },
    ]);
    expect(u.note).toMatch(/96\.2 at ε = 3 \(Hanke et al\. 2024, Table 23\)/);
    expect(u.note).toMatch(/97\.3 at ε = 8 \(Hanke et al\. 2024, Table 3\)/);
    expect(u.note).toMatch(/Table 23 prints 97\.4/);
  });

  it("the chart's curve passes through the same points as the rows: Table 3 at ε = 8, Table 23 below (oracle: Tables 3 and 23)", () => {
    CLASSIFICATION.forEach((id, i) => {
      const measured = utilityCurve(id, "private-lora", "vicuna-7b").filter((p) => p.kind === "measured");
      expect(measured.map((p) => [p.epsilon, p.value])).toEqual(vicunaLoraPoints(i));
      expect(measured.at(-1)?.source).toBe("Hanke et al. 2024, Table 3");
    });
  });

  it("every curve point equals the row lookup at its ε, including the scenario's ε", () => {
    for (const id of DATASET_IDS) {
      for (const method of METHOD_IDS) {
        for (const model of [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS] as ModelId[]) {
          for (const p of utilityCurve(id, method, model, { epsilons: [0.3, 0.5, 2, 4.2, 7.99, 8, 12] })) {
            const u = lookupMeasuredUtility(id, method, model, p.epsilon);
            expect(u.value).toBe(p.value);
          }
        }
      }
    }
  });
});

describe("PromptPATE's plateau only where the study states it (finding 6b)", () => {
  it("Claude 2.1: measured at its ε < 0.3 run (drawn at 0.3) and nowhere else; ε = 0.5, 3, 50 give none (oracle: Table 3, Fig. 2 shows the plateau for GPT-3 Babbage only)", () => {
    expect(lookupMeasuredUtility("sst2", "prompt-pate", "claude-2.1", 0.3)).toMatchObject({ value: 95.7, spread: 1.4, kind: "measured", epsilon: 0.3 });
    for (const eps of [0.5, 3, 8, 50]) {
      const u = lookupMeasuredUtility("sst2", "prompt-pate", "claude-2.1", eps);
      expect(u).toMatchObject({ value: null, kind: "none", nearestMeasured: { value: 95.7, epsilon: 0.3, source: "Hanke et al. 2024, Table 3" } });
      expect(u.note).toMatch(/GPT-3 Babbage/);
    }
    expect(utilityCurve("sst2", "prompt-pate", "claude-2.1", { epsilons: [0.5, 3, 50] })).toEqual([
      expect.objectContaining({ epsilon: 0.3, value: 95.7, kind: "measured" }),
    ]);
  });

  it("GPT-3 Babbage: a labelled reference (not 'measured') on (0.3, 8], none beyond the figure's range (oracle: Table 3 88.8 ± 2.3; Fig. 2 spans ε ≤ 8)", () => {
    const at3 = lookupMeasuredUtility("sst2", "prompt-pate", "gpt-3-babbage", 3);
    expect(at3).toMatchObject({ value: 88.8, kind: "reference", basis: "plateau", source: "Hanke et al. 2024, Table 3 and Fig. 2" });
    expect(at3.note).toMatch(/^Not measured at ε = 3/);
    expect(lookupMeasuredUtility("sst2", "prompt-pate", "gpt-3-babbage", 8).kind).toBe("reference");
    const at50 = lookupMeasuredUtility("sst2", "prompt-pate", "gpt-3-babbage", 50);
    expect(at50).toMatchObject({ value: null, kind: "none", nearestMeasured: { value: 88.8, epsilon: 0.3 } });
    expect(lookupMeasuredUtility("sst2", "prompt-pate", "gpt-3-babbage", 0.2).kind).toBe("none");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const MODELS: ModelId[] = [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS];

/** The ε at which the study printed a private-run value for this cell, from the table rows themselves. */
function printedEpsilons(dataset: DatasetId, method: MethodId, model: ModelId): number[] {
  const paperModel = PAPER_MODEL_NAMES[model];
  const names: string[] = paperMethodNames(method, model);
  return MEASURED_RESULTS.filter((r) => r.dataset === PAPER_DATASET_NAMES[dataset] && r.model === paperModel && names.includes(r.method) && r.metric === "accuracy" && (r.epsilonKind === "exact" || r.epsilonKind === "below"))
    .map((r) => r.epsilon as number);
}

describe("properties over random ε in the study's range", () => {
  it("continuity: |u(ε + h) − u(ε)| ≤ h × the steepest hand-listed segment that [ε, ε + h] touches (PrivateLoRA on Vicuna 7B, ε ∈ [0.3, 8])", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.double({ min: 0.3, max: 8, noNaN: true }), fc.double({ min: 1e-9, max: 0.05, noNaN: true }), (i, a, h) => {
        const eps = Math.min(a, 8 - h);
        const pts = vicunaLoraPoints(i);
        let slope = 0;
        for (let k = 0; k + 1 < pts.length; k++) {
          const [e0, v0] = pts[k]!;
          const [e1, v1] = pts[k + 1]!;
          if (e1 >= eps && e0 <= eps + h) slope = Math.max(slope, Math.abs(v1 - v0) / (e1 - e0));
        }
        const id = CLASSIFICATION[i]!;
        const u = lookupMeasuredUtility(id, "private-lora", "vicuna-7b", eps).value;
        const v = lookupMeasuredUtility(id, "private-lora", "vicuna-7b", eps + h).value;
        expect(u).not.toBeNull();
        expect(v).not.toBeNull();
        expect(Math.abs((v as number) - (u as number))).toBeLessThanOrEqual(slope * h + 1e-9);
      }),
      { numRuns: 3000 },
    );
  });

  it("continuity: PromptPATE on GPT-3 Babbage is flat from its ε = 0.3 point to ε = 8 (Table 3 value; Fig. 2)", () => {
    const table3 = { sst2: 88.8, trec: 52.8, mpqa: 79.0, disaster: 58.0 };
    fc.assert(
      fc.property(fc.constantFrom(...CLASSIFICATION), fc.double({ min: 0.3, max: 8, noNaN: true }), (id, eps) => {
        expect(lookupMeasuredUtility(id, "prompt-pate", "gpt-3-babbage", eps).value).toBe(table3[id]);
      }),
      { numRuns: 500 },
    );
  });

  it("'measured' only at an ε the study printed; 'interpolated' only strictly between two printed ε it names (every dataset, method, model)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLASSIFICATION), fc.constantFrom(...METHOD_IDS), fc.constantFrom(...MODELS), fc.oneof(fc.double({ min: 0.05, max: 60, noNaN: true }), fc.constantFrom(0.3, 0.7, 1, 3, 8)), (id, method, model, eps) => {
        const u = lookupMeasuredUtility(id, method, model, eps);
        const printed = printedEpsilons(id, method, model);
        if (u.kind === "measured") expect(printed.some((e) => Math.abs(e - eps) < 1e-9)).toBe(true);
        if (u.kind === "interpolated") {
          const [lo, hi] = u.between ?? [];
          expect(lo && hi).toBeTruthy();
          expect(printed).toContain(lo!.epsilon);
          expect(printed).toContain(hi!.epsilon);
          expect(lo!.epsilon < eps && eps < hi!.epsilon).toBe(true);
          // No printed ε strictly inside the named segment: the end points are adjacent.
          expect(printed.some((e) => e > lo!.epsilon && e < hi!.epsilon)).toBe(false);
        }
        if (u.kind !== "none") expect(eps).toBeLessThanOrEqual(8);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the @examples of lib/utility/utility-lookup.ts", () => {
  it("curveAnchors: Table 23 below ε = 8, Table 3 at 8 (oracle: Tables 23 and 3, SST2)", () => {
    expect(curveAnchors(measuredRows("sst2", "private-lora", "vicuna-7b")).map((a) => [a.epsilon, a.row.mean, a.row.table]))
      .toEqual([[0.3, 91.9, "23"], [0.7, 93.4, "23"], [1, 93.5, "23"], [3, 94.4, "23"], [8, 94.8, "3"]]);
  });
  it("lookupMeasuredUtility at ε = 5.5: 94.4 + (5.5 − 3)/5 · (94.8 − 94.4) = 94.6", () => {
    expect(lookupMeasuredUtility("sst2", "private-lora", "vicuna-7b", 5.5).value).toBeCloseTo(94.6, 10);
  });
});
