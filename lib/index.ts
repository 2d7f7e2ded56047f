/**
 * privadapt's public API. The page, the JSON API route and the CLI use this module and nothing
 * else of lib/. It is pure TypeScript: no React, Next, recharts, nuqs or DOM (test/lib/purity.test.ts).
 */
export * from "./scenario";
export * from "./leakage";
export * from "./utility";
export * from "./recommend";
export * from "./decide";
export * from "./rederive";
export * from "./cost";
export * from "./privacy";
export * from "./methods";
export * from "./estimate";
export * from "./present";
