/**
 * The audit's sweep (issue #14): every preset (the eight study datasets and custom) × ε ∈ {0.5, 1, 3, 8, 50} × N ∈ {100, 10⁶} ×
 * queries ∈ {1, 10⁸}, with the default accountant (PRV, as a user sees it), every row checked by
 * ./claims.ts. Prints one JSON report: scenarios, rows, contradictions (with the first few).
 *
 *   npm run sweep            # ≈ 3–6 min on 2 cores
 */
import { estimateFromInput, PRESET_IDS } from "@/lib";
import { toWireEstimate } from "@/lib/api/wire";
import { badNumbers, estimateClaims } from "./claims";

const EPSILONS = [0.5, 1, 3, 8, 50];
const RECORDS = [100, 1e6];
const QUERIES = [1, 1e8];

function main(): void {
  const started = Date.now();
  const presets = [...PRESET_IDS];
  let scenarios = 0;
  let rows = 0;
  let infeasibleRows = 0;
  const problems: string[] = [];
  for (const preset of presets) {
    for (const eps of EPSILONS) {
      for (const n of RECORDS) {
        for (const q of QUERIES) {
          const link = `preset=${preset}&eps=${eps}&n=${n}&queries=${q}`;
          const r = estimateFromInput(link);
          scenarios += 1;
          if (!r.ok) {
            problems.push(`${link}: rejected: ${r.errors.map((e) => e.message).join("; ")}`);
            continue;
          }
          rows += r.estimate.rows.length;
          infeasibleRows += r.estimate.rows.filter((row) => !row.feasible).length;
          for (const p of [...estimateClaims(r.estimate), ...badNumbers(toWireEstimate(r.estimate)).map((x) => `document: ${x}`)]) problems.push(`${link}: ${p}`);
        }
      }
    }
  }
  const report = {
    date: new Date().toISOString(),
    presets: presets.length, epsilons: EPSILONS, records: RECORDS, queries: QUERIES,
    scenarios, rows, infeasibleRows, contradictions: problems.length, first: problems.slice(0, 20),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = problems.length === 0 ? 0 : 1;
}

main();
