/**
 * Every lib/ sub-module's exports in one place, for tests only (issue #16: the public API,
 * lib/index.ts, is curated; tests may import any lib/ module). Tests that exercise internals
 * beside the public API (a method's own accounting, a chart builder) import from here.
 */
export * from "@/lib/scenario";
export * from "@/lib/leakage";
export * from "@/lib/utility";
export * from "@/lib/recommend";
export * from "@/lib/decide";
export * from "@/lib/rederive";
export * from "@/lib/cost";
export * from "@/lib/privacy";
export * from "@/lib/methods";
export * from "@/lib/estimate";
export * from "@/lib/present";
