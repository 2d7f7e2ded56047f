/** @jest-environment node */
/**
 * The pure pieces behind the API: the LRU memo, the estimate memo, If-None-Match matching
 * (oracle: RFC 9110 §8.8.3 and §13.1.2 examples) and the 500 wrapper.
 */
import {
  LruCache, cachedEstimate, clearEstimateCache, engineVersion, estimateCacheStats, estimateJson, ifNoneMatchMatches, isJsonContentType,
  respondToEstimate, strongEtag, type EstimateApiRequest,
} from "@/lib/api";
import { estimate, parseScenario } from "@/lib";

describe("LruCache", () => {
  test("without a size cap it bounds entries only; getOrSet makes a value once and counts as a use", () => {
    const c = new LruCache<string, number>({ maxEntries: 2 });
    let made = 0;
    const make = (v: number) => () => (made++, v);
    expect(c.getOrSet("a", make(1))).toBe(1);
    expect(c.getOrSet("a", make(99))).toBe(1); // a hit: make does not run
    expect(made).toBe(1);
    c.set("b", 2);
    expect(c.getOrSet("a", make(99))).toBe(1); // "a" is now the most recent
    c.set("c", 3); // evicts "b", the least recently used
    expect(c.keys()).toEqual(["a", "c"]);
    expect(c.storedSize).toBe(0);
    expect(() => new LruCache({ maxEntries: 0 })).toThrow(RangeError);
  });

  const make = (maxEntries: number, maxSize: number) => new LruCache<string, string>({ maxEntries, maxSize, sizeOf: (v) => v.length });

  test("evicts the least recently used entry once over the entry cap; a read refreshes an entry", () => {
    const c = make(2, 100);
    c.set("a", "1");
    c.set("b", "2");
    expect(c.get("a")).toBe("1");
    c.set("c", "3");
    expect(c.keys()).toEqual(["a", "c"]);
    expect(c.has("b")).toBe(false);
  });

  test("evicts by total size, and never stores a value larger than the cap", () => {
    const c = make(10, 10);
    c.set("a", "xxxx");
    c.set("b", "yyyy");
    c.set("c", "zzzz");
    expect(c.keys()).toEqual(["b", "c"]);
    expect(c.storedSize).toBe(8);
    c.set("huge", "x".repeat(11));
    expect(c.has("huge")).toBe(false);
    expect(c.storedSize).toBe(8);
  });

  test("replacing a key updates the size instead of counting it twice", () => {
    const c = make(10, 10);
    c.set("a", "xxxx");
    c.set("a", "xx");
    expect(c.storedSize).toBe(2);
    expect(c.size).toBe(1);
  });

  test("refuses nonsensical bounds", () => {
    expect(() => make(0, 10)).toThrow(RangeError);
    expect(() => make(1, 0)).toThrow(RangeError);
  });
});

describe("estimate memo", () => {
  const q = "accountant=rdp&preset=mpqa&methods=dp-icl,dp-finetune";

  test("a hit returns exactly what an uncached estimate() returns, warnings included", () => {
    clearEstimateCache();
    const parsed = parseScenario(`${q}&junk=1`);
    if (!parsed.ok) throw new Error("fixture must parse");
    const miss = cachedEstimate(parsed.scenario, {}, parsed.warnings);
    const hit = cachedEstimate(parsed.scenario, {}, parsed.warnings);
    expect(miss.hit).toBe(false);
    expect(hit.hit).toBe(true);
    const direct = estimate(parsed.scenario, {}, parsed.warnings);
    expect(hit.body).toBe(estimateJson(direct));
    expect(hit.estimate).toEqual(direct);
  });

  test("options are part of the key", () => {
    const parsed = parseScenario(q);
    if (!parsed.ok) throw new Error("fixture must parse");
    cachedEstimate(parsed.scenario);
    expect(cachedEstimate(parsed.scenario, { serving: "batched" }).hit).toBe(false);
    expect(cachedEstimate(parsed.scenario, { serving: "batched" }).hit).toBe(true);
  });

  test("stats report the bounds", () => {
    expect(estimateCacheStats()).toMatchObject({ maxEntries: 64, maxSize: 48_000_000 });
    expect(estimateCacheStats().entries).toBeGreaterThan(0);
  });

  test("the engine version is the package version plus a stable fingerprint", () => {
    const v = engineVersion();
    expect(v).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    clearEstimateCache();
    expect(engineVersion()).toBe(v);
  });
});

describe("If-None-Match (RFC 9110)", () => {
  const tag = '"xyzzy"';
  test.each([
    ['"xyzzy"', true],
    ['W/"xyzzy"', true],
    ['"r2d2xxxx", "xyzzy", "c3piozzzz"', true],
    ['"a,b", "xyzzy"', true],
    ["*", true],
    ['"xyzzy2"', false],
    ['"a,xyzzy"', false],
    ["xyzzy", false],
    ["", false],
  ])("%s → %s", (field, expected) => {
    expect(ifNoneMatchMatches(field, tag)).toBe(expected);
  });

  test("a null header never matches", () => {
    expect(ifNoneMatchMatches(null, tag)).toBe(false);
  });

  test("strong tags are quoted hex and differ when any part differs", () => {
    expect(strongEtag("a", "b")).toMatch(/^"[0-9a-f]{32}"$/);
    expect(strongEtag("a", "b")).not.toBe(strongEtag("a", "c"));
    expect(strongEtag("a\nb")).toBe(strongEtag("a", "b"));
  });
});

describe("content types", () => {
  test.each([
    ["application/json", true],
    ["Application/JSON; charset=utf-8", true],
    ["application/vnd.api+json", true],
    ["text/json", false],
    ["application/jsonp", false],
    ["text/plain", false],
    [null, false],
  ])("%s → %s", (type, expected) => {
    expect(isJsonContentType(type)).toBe(expected);
  });
});

describe("500 only for bugs", () => {
  test("an exception inside the handler becomes a 500 with the error shape and no internals", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = {
      method: "GET",
      get query(): string {
        throw new Error("secret internal detail at /srv/app/lib/x.ts:12");
      },
    } as EstimateApiRequest;
    const r = respondToEstimate(broken);
    expect(r.status).toBe(500);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.body).not.toMatch(/secret|\/srv|\.ts:|at /);
    expect(JSON.parse(r.body ?? "{}").errors[0].field).toBe("server");
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("one memo per process, shared by separately bundled routes", () => {
  test("two independent module instances (as Next.js bundles the API, the statement and the image) see the same memo", () => {
    type Mod = typeof import("@/lib/api/estimate-cache");
    let first: Mod | undefined;
    let second: Mod | undefined;
    jest.isolateModules(() => {
      first = jest.requireActual("../../lib/api/estimate-cache") as Mod;
    });
    jest.isolateModules(() => {
      second = jest.requireActual("../../lib/api/estimate-cache") as Mod;
    });
    expect(first).not.toBe(second);
    const parsed = parseScenario("accountant=rdp&preset=disaster&methods=dp-icl");
    if (!parsed.ok || !first || !second) throw new Error("fixture must parse");
    first.clearEstimateCache();
    expect(first.cachedEstimate(parsed.scenario).hit).toBe(false);
    expect(second.cachedEstimate(parsed.scenario).hit).toBe(true);
  });
});
