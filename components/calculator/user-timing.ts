/**
 * User Timing marks for DevTools and the web benchmark (test/bench/web.ts): when a typed value
 * was taken, when its figures came back, when each chart started redrawing. A no-op where the
 * environment has no User Timing (jsdom, very old browsers).
 */
export function mark(name: string): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name);
}
