/**
 * Times `estimate()` of the default scenario (SST2 preset): median of 30 warm runs, in ms.
 * A light stand-in for `npm run bench` on a shared machine. Run: npx tsx test/bench/estimate-timing.ts
 */
import { estimate, presetScenario } from "../../lib";

const scenario = presetScenario("sst2");
for (let i = 0; i < 5; i++) estimate(scenario);
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  estimate(scenario);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`estimate(presetScenario("sst2")): median ${((times[14]! + times[15]!) / 2).toFixed(2)} ms over 30 warm runs (min ${times[0]!.toFixed(2)}, max ${times[29]!.toFixed(2)})`);
