/** @jest-environment node */
/**
 * The API with the real engine on random valid scenarios (RDP accountant: PRV takes seconds per
 * scenario, and api.fuzz.test.ts already covers the request logic at volume). Every answer is a
 * 200 with the estimate JSON, and the estimate itself holds no NaN (JSON would hide one as null).
 */
import fc from "fast-check";
import { serializeScenario } from "@/lib";
import { cachedEstimate, clearEstimateCache, respondToEstimate } from "@/lib/api";
import { scenarioArb } from "../scenario/arbitraries";
import { findNaN } from "./adversarial";

const SEED = Number(process.env.FUZZ_SEED ?? 20260801);
const RUNS = Number(process.env.FUZZ_API_REAL_RUNS ?? 6);

afterAll(() => clearEstimateCache());

test(`${RUNS} random valid scenarios through GET and POST: 200, JSON, no NaN in the estimate`, () => {
  fc.assert(
    fc.property(scenarioArb, (generated) => {
      const s = { ...generated, accountant: "rdp" as const };
      const link = serializeScenario(s);
      const get = respondToEstimate({ method: "GET", query: link });
      if (get.status !== 200) throw new Error(`GET ?${link} → ${get.status}: ${get.body?.slice(0, 300)}`);
      const body = JSON.parse(get.body ?? "null") as { rows?: unknown[] };
      expect(Array.isArray(body.rows)).toBe(true);
      const post = respondToEstimate({ method: "POST", query: "", contentType: "application/json", body: { kind: "text", text: JSON.stringify(Object.fromEntries(new URLSearchParams(link))) } });
      expect(post.status).toBe(200);
      expect(post.body).toBe(get.body);
      const nan = findNaN(cachedEstimate(s).estimate); // a memo hit: the object the GET serialised
      if (nan) throw new Error(`NaN at ${nan} for ?${link}`);
    }),
    { numRuns: RUNS, seed: SEED + 20 },
  );
}, 60_000);
