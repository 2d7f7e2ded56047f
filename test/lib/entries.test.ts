/** @jest-environment node */
/**
 * lib/'s public entries (issue #16, part 3). Oracles: the README's Architecture section (the
 * entries it documents), the source text of the entry files (read here, not through the code
 * under test), and ESLint itself run on hand-written import lines.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import * as publicApi from "@/lib";
import * as light from "@/lib/light";

const ROOT = join(__dirname, "..", "..");

test("lib/index.ts is a list of named exports: no `export *`, each group under a doc comment", () => {
  const source = readFileSync(join(ROOT, "lib/index.ts"), "utf8");
  expect(source).not.toMatch(/export\s*\*/);
  const statements = source.split("\n").filter((line) => line.startsWith("export "));
  expect(statements.length).toBeGreaterThan(10);
  const lines = source.split("\n");
  const undocumented = lines.flatMap((line, i) => (line.startsWith("export ") && !/\*\/\s*$/.test(lines[i - 1] ?? "") ? [line] : []));
  expect(undocumented).toEqual([]);
});

test("the public API holds no cache-clearing internals", () => {
  // These exist (tests and benchmarks import them from their sub-modules) but are not public.
  const internals = ["clearMethodPrivacyMemo", "clearRdpCache", "clearPrvCache", "clearEstimateCache", "LruCache", "decisionEvaluator", "flipInputs"];
  expect(internals.filter((name) => name in publicApi)).toEqual([]);
  expect(Object.keys(publicApi).filter((name) => /^clear/.test(name))).toEqual([]);
});

test("what the page needs is public: a hand-picked sample of the names app/ and components/ use", () => {
  for (const name of ["estimate", "parseScenario", "serializeScenario", "presentEstimate", "formModel", "reproduceView", "METHOD_DESCRIPTORS", "toUrlSearchParams", "formatUsd", "formatDelta"]) {
    expect(typeof (publicApi as Record<string, unknown>)[name]).not.toBe("undefined");
  }
});

/** Relative module specifiers a file imports at run time (type-only imports and exports excluded). */
function runtimeImports(source: string): string[] {
  const specs: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gms;
  for (const m of source.matchAll(pattern)) {
    if (m[5]) specs.push(m[5]);
    else if (!m[2] && m[4]) specs.push(m[4]);
  }
  return specs;
}

function resolveTs(fromFile: string, spec: string): string {
  const base = join(dirname(fromFile), spec);
  for (const candidate of [`${base}.ts`, join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${spec} from ${fromFile}`);
}

test("@/lib/light reaches only modules with no run-time import of their own (client bundle stays small)", () => {
  const entry = join(ROOT, "lib/light.ts");
  const reached = runtimeImports(readFileSync(entry, "utf8")).map((spec) => resolveTs(entry, spec));
  expect(reached.map((f) => relative(ROOT, f)).sort()).toEqual([
    "lib/api/lru-cache.ts", "lib/present/carried-over.ts", "lib/present/format.ts", "lib/present/setup.ts", "lib/present/sort.ts", "lib/present/table-view.ts", "lib/scenario/search-params.ts",
  ]);
  const heavy = reached.flatMap((file) => runtimeImports(readFileSync(file, "utf8")).map((spec) => `${relative(ROOT, file)} imports ${spec}`));
  expect(heavy).toEqual([]);
  // The checker sees a run-time import when there is one.
  expect(runtimeImports(`import { z } from "zod";\nimport type { A } from "./a";\nexport { b } from "./b";\nexport type { C } from "./c";`)).toEqual(["zod", "./b"]);
});

test("@/lib/light and @/lib agree: the same function objects", () => {
  expect(light.formatUsd).toBe(publicApi.formatUsd);
  expect(light.buildQuery).toBe(publicApi.buildQuery);
  expect(light.sortRows).toBe(publicApi.sortRows);
});

test("the README documents the entries", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  for (const entry of ["`@/lib`", "`@/lib/light`", "`@/lib/api`", "`@/lib/present/csv`"]) expect(readme).toContain(entry);
});

test("ESLint fails on a deep lib/ import from app/, components/ and lib/cli, and passes the documented entries", () => {
  // One node process runs ESLint (with the repo's eslint.config.mjs) on hand-written lines.
  const cases: [string, string, boolean][] = [
    ["components/results/x.tsx", 'import { formatUsd } from "@/lib/present/format";\nexport const f = formatUsd;\n', false],
    ["components/results/x.tsx", 'import { formatUsd } from "@/lib/light";\nexport const f = formatUsd;\n', true],
    ["components/results/x.tsx", 'import { X } from "@/app/page";\nexport const f = X;\n', false],
    ["app/x/page.tsx", 'import { LruCache } from "@/lib/api/lru-cache";\nexport const f = LruCache;\n', false],
    ["app/x/page.tsx", 'import { estimate } from "@/lib";\nimport { openApiDocument } from "@/lib/api";\nexport const f = [estimate, openApiDocument];\n', true],
    ["lib/cli/x.ts", 'import type { FieldError } from "../scenario";\nexport type F = FieldError;\n', false],
    ["lib/cli/x.ts", 'import type { FieldError } from "../index";\nimport { estimateJson } from "../api";\nexport type F = FieldError;\nexport const f = estimateJson;\n', true],
  ];
  const script = `
    import { ESLint } from "eslint";
    const eslint = new ESLint({ cwd: process.cwd() });
    const cases = JSON.parse(process.argv[1]);
    const out = [];
    for (const [filePath, code] of cases) {
      const [r] = await eslint.lintText(code, { filePath });
      out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports").length);
    }
    console.log(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(cases)], { cwd: ROOT, encoding: "utf8" });
  const counts = JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as number[];
  expect(counts.map((n) => n === 0)).toEqual(cases.map(([, , ok]) => ok));
}, 120_000);
