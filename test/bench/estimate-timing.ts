/**
 * Times `estimate()` of the default scenario (SST2 preset): median of 30 warm runs, in ms, repeated
 * in 5 rounds (the median and the smallest round median are printed: the machine is shared, so the
 * smallest is the least disturbed). A light stand-in for `npm run bench` on a shared machine.
 * Run: npx tsx test/bench/estimate-timing.ts
 */
import { estimate, presetScenario } from "../../lib";

const scenario = presetScenario("sst2");
for (let i = 0; i < 20; i++) estimate(scenario);
const rounds: number[] = [];
for (let r = 0; r < 5; r++) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    estimate(scenario);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  rounds.push((times[14]! + times[15]!) / 2);
}
rounds.sort((a, b) => a - b);
console.log(`estimate(presetScenario("sst2")): median of 30 warm runs ${rounds[2]!.toFixed(2)} ms (5 rounds: ${rounds.map((x) => x.toFixed(2)).join(", ")})`);
