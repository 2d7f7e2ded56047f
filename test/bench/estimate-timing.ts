/**
 * Times `estimate()` of the default scenarios: median of 30 warm runs, in ms, repeated in 5 rounds
 * (the median and the smallest round median are printed: the machine is shared, so the smallest is
 * the least disturbed), and the process CPU time per run (user + system ÷ 30, per round), which a
 * loaded machine inflates less than wall time. A light stand-in for `npm run bench`.
 *
 * Two scenarios: `presetScenario("sst2")`, the study's SST2 setup (8 methods, 35 rows), which was
 * also the default when issue #15 was filed (commit f968929); and `v=3`, the page's landing link
 * today (lib/scenario/search-params.ts LANDING_QUERY: 11 methods, 51 rows, 540 break-evens).
 * Warm: the privacy memo is hit, so this times cost + utility + leakage + decision.
 *
 * Run: npx tsx test/bench/estimate-timing.ts
 */
import { estimate, parseScenario, presetScenario, type Scenario } from "../../lib";

function time(label: string, scenario: Scenario): void {
  for (let i = 0; i < 20; i++) estimate(scenario);
  const rounds: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 5; r++) {
    const times: number[] = [];
    const c0 = process.cpuUsage();
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      estimate(scenario);
      times.push(performance.now() - t0);
    }
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / 30);
    times.sort((a, b) => a - b);
    rounds.push((times[14]! + times[15]!) / 2);
  }
  rounds.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(", ");
  console.log(`estimate(${label}): median of 30 warm runs ${rounds[2]!.toFixed(2)} ms (5 rounds: ${list(rounds)}); CPU per run ${cpu[2]!.toFixed(2)} ms (5 rounds: ${list(cpu)})`);
}

time('presetScenario("sst2")', presetScenario("sst2"));
const landing = parseScenario("v=3");
if (!landing.ok) throw new Error(`v=3 does not parse: ${JSON.stringify(landing.errors)}`);
time('"v=3"', landing.scenario);
