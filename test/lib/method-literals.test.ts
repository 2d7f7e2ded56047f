/** @jest-environment node */
/**
 * A method is one file (issue #16): outside lib/methods and lib/scenario (the catalogue), no code
 * branches on a method id. This scans lib/, app/ and components/ for a method-id literal in a
 * branch (`case "dp-icl"`, `=== "prompt-pate"`, `"dp-opt" !==` …).
 *
 * The allow-list holds what has not moved yet, each with its reason; it only shrinks. A file that
 * no longer branches must leave the list (the second test fails otherwise).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { METHOD_IDS } from "@/lib/scenario";

const ROOT = join(__dirname, "..", "..");

// Empty since issue #16 moved each method's cost work into its file and the form took method
// settings from the schema (lib/present/form-model.ts KnobGroup.settings). Keep it empty.
const ALLOWED: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const ids = METHOD_IDS.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const BRANCH = new RegExp(`(?:case\\s+|[!=]==?\\s*)["'\`](?:${ids})["'\`]|["'\`](?:${ids})["'\`]\\s*[!=]==?`);

function offenders(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const dir of ["lib", "app", "components"]) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const rel = relative(ROOT, file).split("\\").join("/");
      if (rel.startsWith("lib/methods/") || rel.startsWith("lib/scenario/")) continue;
      const lines = readFileSync(file, "utf8").split("\n");
      // Comments (a JSDoc @example) are not branches.
      const hits = lines.filter((l) => !/^\s*(\*|\/\/)/.test(l) && BRANCH.test(l));
      if (hits.length > 0) out.set(rel, hits.map((h) => h.trim()));
    }
  }
  return out;
}

describe("no method-id branch outside lib/methods and the catalogue", () => {
  const found = offenders();

  it("only allow-listed files branch on a method id", () => {
    expect([...found.keys()].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it("every allow-listed file still needs its entry (the list only shrinks)", () => {
    expect(Object.keys(ALLOWED).filter((f) => !found.has(f))).toEqual([]);
  });

  it("the scan catches the forms it is meant to catch", () => {
    for (const line of [`case "dp-icl":`, `if (m === "prompt-pate") x();`, `"dp-opt" !== method`, "x == 'private-lora'"]) expect([line, BRANCH.test(line)]).toEqual([line, true]);
    for (const line of [`methods: ["dp-icl"]`, `knobs["dp-icl"]`]) expect([line, BRANCH.test(line)]).toEqual([line, false]);
  });
});
