/**
 * Must-haves in the share link (issue #18): `maxCost`, `minUtility`, `protect`, `maxEps`,
 * `utilitySource`, `rank`. Oracles: the contract in README.md ("The share link") — absent keys
 * mean no constraint and today's ranking rule, so a v=1 link decodes to the scenario it always did;
 * bad values are field errors naming the key, the value received and what is allowed.
 */
import { parseScenario, presetScenario, serializeScenario } from "@/lib";

describe("must-have keys", () => {
  test("a v=1 link without them decodes to the preset with no constraint and rank=privacy", () => {
    const r = parseScenario("v=1&preset=trec&eps=1");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.maxCostUsd).toBeNull();
    expect(r.scenario.minUtility).toBeNull();
    expect(r.scenario.protect).toEqual([]);
    expect(r.scenario.maxEpsilon).toBeNull();
    expect(r.scenario.utilitySource).toBe("study");
    expect(r.scenario.rank).toBe("privacy");
    // The canonical form of an old link is unchanged (no new key is written for a default).
    expect(serializeScenario(r.scenario)).toBe("v=1&preset=trec&eps=1");
    expect(serializeScenario(presetScenario("sst2"))).toBe("v=1");
  });

  test("each key reads, and the canonical link round-trips", () => {
    const link = "v=1&maxCost=500&minUtility=90&protect=A,B&maxEps=3&utilitySource=reported&rank=cost";
    const r = parseScenario(link);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario).toMatchObject({ maxCostUsd: 500, minUtility: 90, protect: ["A", "B"], maxEpsilon: 3, utilitySource: "reported", rank: "cost" });
    expect(serializeScenario(r.scenario)).toBe(link);
    // Channels are written in A, B, C order whatever order the link gives.
    const r2 = parseScenario("protect=B,A");
    expect(r2.ok && r2.scenario.protect).toEqual(["A", "B"]);
  });

  test.each([
    ["maxCost=-1", "maxCost", "-1", "a number from 0 to 1000000000000"],
    ["minUtility=abc", "minUtility", "abc", "a number from 0 to 100"],
    ["protect=A,D", "protect", "A,D", "a comma-separated list of up to 3 of: A, B, C"],
    ["maxEps=0", "maxEps", "0", "a number from 0.001 to 100"],
    ["utilitySource=authors", "utilitySource", "authors", "one of: study, reported"],
    ["rank=speed", "rank", "speed", "one of: privacy, cost, utility"],
  ])("%s is a field error naming the key, the value and what is allowed", (query, field, received, allowed) => {
    const r = parseScenario(query);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.objectContaining({ field, received, allowed })]);
    expect(r.errors[0]?.message.startsWith(field)).toBe(true);
  });
});
