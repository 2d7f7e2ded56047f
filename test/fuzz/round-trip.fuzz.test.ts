/** @jest-environment node */
/**
 * Share links round-trip exactly (issue #8 §3): 10,000 random valid scenarios (every field, every
 * knob, price overrides) go scenario → URL → scenario → URL with nothing lost or changed, also
 * when the browser hands the link over as a URL object.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { parseScenario, serializeScenario } from "@/lib";
import { scenarioArb } from "../scenario/arbitraries";

const SEED = Number(process.env.FUZZ_SEED ?? 20260801);
const ROUND_TRIPS = 10_000;

describe("valid scenarios round-trip exactly", () => {
  test(`${ROUND_TRIPS} scenarios: scenario → URL → scenario → URL`, () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const url = serializeScenario(s);
        const r = parseScenario(url);
        if (!r.ok) throw new Error(`${url}: ${JSON.stringify(r.errors)}`);
        // isDeepStrictEqual, not toEqual: same check (-0 ≠ 0, undefined keys count), a tenth of the time.
        if (!isDeepStrictEqual(r.scenario, s)) expect(r.scenario).toEqual(s);
        if (serializeScenario(r.scenario) !== url) throw new Error(`${url} re-serialises as ${serializeScenario(r.scenario)}`);
        // The same link as the browser hands it over (URL object, then URLSearchParams).
        const viaUrl = parseScenario(new URL(`http://127.0.0.1/?${url}`).searchParams);
        if (!viaUrl.ok || serializeScenario(viaUrl.scenario) !== url) throw new Error(`${url} differs when read from a URL`);
      }),
      { numRuns: ROUND_TRIPS, seed: SEED + 4 },
    );
  });
});
