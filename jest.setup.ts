import "@testing-library/jest-dom";

// jsdom has no ResizeObserver and lays nothing out, so recharts' ResponsiveContainer
// stays at -1 x -1 and silently renders no <svg>. Report a fixed box instead.
class ResizeObserverStub implements ResizeObserver {
  constructor(private readonly cb: ResizeObserverCallback) {}
  observe(target: Element) {
    const contentRect = { x: 0, y: 0, top: 0, left: 0, bottom: 400, right: 800, width: 800, height: 400, toJSON() {} };
    this.cb([{ target, contentRect } as unknown as ResizeObserverEntry], this);
  }
  unobserve() {}
  disconnect() {}
}
if (typeof window !== "undefined") globalThis.ResizeObserver ??= ResizeObserverStub;
