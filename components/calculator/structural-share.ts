/**
 * Structural sharing between two evaluations of nearby scenarios.
 *
 * The worker answers with a fresh copy of everything (postMessage clones), so without help React
 * would redraw every chart and table row on every keystroke, even the ones whose numbers did not
 * move (changing the number of queries leaves the accuracy-vs-ε chart as it was, and the PRV
 * refresh leaves every cost as it was). `shareUnchanged(prev, next)` returns `next` with every
 * sub-tree that equals the one in `prev` replaced by `prev`'s object, so memoised components can
 * skip work by identity (`===`) alone.
 *
 * Equality is structural over what structured clone carries (plain objects, arrays, primitives);
 * numbers compare with Object.is, so -0 and 0 differ and NaN equals NaN (neither occurs in a
 * presentation). Cost: one walk of both trees, about a millisecond for the default scenario's
 * 180 kB presentation.
 */
export function shareUnchanged<T>(prev: T, next: T): T {
  return share(prev, next) as T;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object") return false;
  // A plain object's prototype is a root prototype: Object.prototype of whichever realm made it
  // (structured clone may hand over objects from another realm), or none at all.
  const proto = Object.getPrototypeOf(x) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function share(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((v, i) => {
      const s = i < prev.length ? share(prev[i], v) : v;
      if (s !== prev[i]) same = false;
      return s;
    });
    return same ? prev : out;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const s = Object.prototype.hasOwnProperty.call(prev, k) ? share(prev[k], next[k]) : next[k];
      if (s !== prev[k]) same = false;
      out[k] = s;
    }
    return same ? prev : out;
  }
  return next;
}
