/** @jest-environment node */
/**
 * Issue #16: lib/scenario reads the method files (their cards, through lib/methods/list.ts) to build
 * the catalogue, the knob tables and the link schema, while the method files need lib/scenario's
 * types and a few of its tables (MODELS). That is a cycle unless the method side reaches lib/scenario
 * only through types and leaf modules, which import nothing. Two checks:
 *
 * 1. Static, on the source: the run-time import closure of lib/methods/list.ts (every import that
 *    is not `import type`, followed through relative and `@/` paths) contains no lib/scenario
 *    module but the leaves, and the leaves import nothing.
 * 2. At run time, in a fresh module registry each: importing lib/scenario first, lib/methods first,
 *    lib/cost first or one method file first all give complete tables (no export read as undefined
 *    while its module was still loading).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");
/** The lib/scenario modules the method files may import at run time: they import nothing. */
const LEAVES = ["lib/scenario/base-catalog.ts", "lib/scenario/knob-spec.ts"];

/** Run-time import specifiers of a source: `import type` and all-`type` named imports are erased by the compiler. */
function runtimeImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gms)) {
    const [, keyword, typeOnly, clause, spec] = m as unknown as [string, string, string | undefined, string, string];
    if (typeOnly) continue;
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    if (keyword === "import" && named && named[1]!.split(",").map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith("type "))) continue;
    out.push(spec);
  }
  for (const m of source.matchAll(/^import\s*["']([^"']+)["']/gm)) out.push(m[1]!);
  return out;
}

/** The file a specifier names, relative to the repository root, or null for a package. */
function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : spec.startsWith(".") ? join(ROOT, dirname(from), spec) : null;
  if (base === null) return null;
  for (const candidate of [`${base}.ts`, join(base, "index.ts"), base]) if (existsSync(candidate) && candidate.endsWith(".ts")) return relative(ROOT, candidate).split("\\").join("/");
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** Every file reached from `start` by run-time imports, each with the chain that reaches it. */
function closure(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const spec of runtimeImports(readFileSync(join(ROOT, file), "utf8"))) {
      const target = resolve(file, spec);
      if (target === null || seen.has(target)) continue;
      seen.set(target, [...seen.get(file)!, target]);
      queue.push(target);
    }
  }
  return seen;
}

describe("lib/methods reaches lib/scenario only through types and leaf modules", () => {
  it("the run-time import closure of the method list holds no lib/scenario module but the leaves", () => {
    const reached = closure("lib/methods/list.ts");
    const offenders = [...reached].filter(([f]) => f.startsWith("lib/scenario/") && !LEAVES.includes(f)).map(([, chain]) => chain.join(" → "));
    expect(offenders).toEqual([]);
    // The closure is the real one: it holds every method file, the leaves they use and lib/cost/work-types.
    expect([...reached.keys()]).toEqual(expect.arrayContaining(["lib/methods/dp-icl.ts", "lib/methods/aug-pe.ts", "lib/methods/card.ts", "lib/cost/work-types.ts", ...LEAVES]));
  });

  it("the leaves import nothing at run time", () => {
    for (const leaf of LEAVES) expect([leaf, runtimeImports(readFileSync(join(ROOT, leaf), "utf8"))]).toEqual([leaf, []]);
  });

  it("the scan sees run-time imports and skips type-only ones", () => {
    const source = [
      `import type { Scenario } from "../scenario";`,
      `import { type MethodId, type Task } from "../scenario";`,
      `import { MODELS, type OpenModelId } from "../scenario/base-catalog";`,
      `import {\n  calibrateNoise,\n  type DpEvent,\n} from "../privacy";`,
      `export * from "./knob-spec";`,
      `export type { KnobSpec } from "./knob-spec";`,
    ].join("\n");
    expect(runtimeImports(source)).toEqual(["../scenario/base-catalog", "../privacy", "./knob-spec"]);
    // A method file importing the catalogue at run time would be found, with its chain.
    expect(resolve("lib/methods/post.ts", "../scenario")).toBe("lib/scenario/index.ts");
  });
});

describe("every import order gives complete tables", () => {
  /** What a loaded module graph must hold, whichever module was imported first. */
  function expectComplete(): void {
    const scenario = jest.requireActual<typeof import("../../lib/scenario")>("../../lib/scenario");
    const methods = jest.requireActual<typeof import("../../lib/methods")>("../../lib/methods");
    // Oracle: the share link's method order (README, the link corpus): the study's eight, then DPZero, POST, Aug-PE.
    expect(scenario.METHOD_IDS).toEqual(["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen", "dpzero", "post", "aug-pe"]);
    expect(Object.keys(methods.METHOD_DESCRIPTORS)).toEqual([...scenario.METHOD_IDS]);
    for (const id of scenario.METHOD_IDS) expect([id, typeof scenario.METHODS[id]?.label, typeof scenario.KNOB_SPECS[id], typeof scenario.KNOB_DEFAULT_NOTES[id]]).toEqual([id, "string", "object", "string"]);
    expect(scenario.scenarioSchema.safeParse(scenario.presetScenario("samsum")).success).toBe(true);
    expect(scenario.parseScenario("preset=trec&methods=dpzero,post&post.epochs=3").ok).toBe(true);
  }

  // Relative paths: jest.requireActual with a computed name does not go through the `@/` alias.
  for (const first of ["../../lib/scenario", "../../lib/methods", "../../lib/methods/post", "../../lib/methods/list", "../../lib/cost", "../../lib/scenario/schema", "../../lib"]) {
    it(`importing ${first} first`, () => {
      jest.isolateModules(() => {
        expect(() => jest.requireActual(first)).not.toThrow();
        expectComplete();
      });
    });
  }
});
