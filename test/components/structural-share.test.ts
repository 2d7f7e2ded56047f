/** @jest-environment node */
/**
 * shareUnchanged keeps the identity of every sub-tree that did not change, so memoised charts
 * and rows skip redrawing. Expected values are constructed here (no external source needed):
 * identity where the data is equal, the new object where it is not.
 */
import fc from "fast-check";
import { shareUnchanged } from "@/components/calculator/structural-share";

describe("shareUnchanged", () => {
  test("equal trees give back the previous object itself", () => {
    const prev = { a: [1, 2, { b: "x" }], c: { d: null, e: true } };
    const next = structuredClone(prev);
    expect(shareUnchanged(prev, next)).toBe(prev);
  });

  test("only the changed branch is new; its unchanged siblings keep their identity", () => {
    const prev = { charts: { utility: { series: [1, 2] }, cost: { total: 5 } }, rows: [{ k: "a", v: 1 }, { k: "b", v: 2 }] };
    const next = structuredClone(prev);
    next.charts.cost.total = 6;
    next.rows[1]!.v = 3;
    const out = shareUnchanged(prev, next);
    expect(out).not.toBe(prev);
    expect(out).toEqual(next);
    expect(out.charts.utility).toBe(prev.charts.utility);
    expect(out.charts.cost).not.toBe(prev.charts.cost);
    expect(out.rows[0]).toBe(prev.rows[0]);
    expect(out.rows[1]).not.toBe(prev.rows[1]);
  });

  test("added or removed keys and array items count as changes", () => {
    expect(shareUnchanged({ a: 1 } as Record<string, number>, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    const prev = { a: 1, b: 2 } as Record<string, number>;
    const next = { a: 1 } as Record<string, number>;
    expect(shareUnchanged(prev, next)).toEqual({ a: 1 });
    expect(shareUnchanged([1, 2, 3], [1, 2])).toEqual([1, 2]);
    expect(shareUnchanged([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
  });

  test("property: the result always deep-equals next, and is prev exactly when they are deep-equal", () => {
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, fc.integer({ min: -3, max: 3 }), fc.constantFrom("a", "b", null, true), fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("x", "y", "z"), tie("node"), { maxKeys: 3 })),
    })).node;
    fc.assert(fc.property(tree, tree, (prev, next) => {
      const out = shareUnchanged(prev, next);
      expect(out).toEqual(next);
      const equal = JSON.stringify(prev) === JSON.stringify(next) && Array.isArray(prev) === Array.isArray(next);
      if (equal) expect(out).toBe(prev);
    }), { numRuns: 2000 });
  });
});
