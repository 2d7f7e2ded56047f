/** @jest-environment node */
/**
 * A method is one file (issue #16): outside lib/methods, no code branches on a method id. This
 * scans lib/, app/ and components/ for a method-id literal in a branch (`case "dp-icl"`,
 * `=== "prompt-pate"`, `"dp-opt" !==` …). lib/scenario no longer holds the catalogue's ids (it
 * reads them from the method files' cards): only its frozen link-version tables,
 * lib/scenario/versions.ts, name methods, and no other lib/scenario file may name one at all.
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

/** What `v=1`/`v=3` links mean without a `methods` key or a knob, frozen forever: the one lib/scenario file that names methods. */
const VERSION_TABLES = "lib/scenario/versions.ts";

const ids = METHOD_IDS.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const BRANCH = new RegExp(`(?:case\\s+|[!=]==?\\s*)["'\`](?:${ids})["'\`]|["'\`](?:${ids})["'\`]\\s*[!=]==?`);

function offenders(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const dir of ["lib", "app", "components"]) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const rel = relative(ROOT, file).split("\\").join("/");
      if (rel.startsWith("lib/methods/") || rel === VERSION_TABLES) continue;
      const lines = readFileSync(file, "utf8").split("\n");
      // Comments (a JSDoc @example) are not branches.
      const hits = lines.filter((l) => !/^\s*(\*|\/\/)/.test(l) && BRANCH.test(l));
      if (hits.length > 0) out.set(rel, hits.map((h) => h.trim()));
    }
  }
  return out;
}

/** Any quoted method id (not only in a branch) on a line that is not a comment. */
const LITERAL = new RegExp(`["'\`](?:${ids})["'\`]`);

describe("no method-id branch outside lib/methods", () => {
  const found = offenders();

  it("only allow-listed files branch on a method id", () => {
    expect([...found.keys()].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it("every allow-listed file still needs its entry (the list only shrinks)", () => {
    expect(Object.keys(ALLOWED).filter((f) => !found.has(f))).toEqual([]);
  });

  it("lib/scenario names no method id outside its frozen version tables: the catalogue and the knobs come from the cards", () => {
    const named = sourceFiles(join(ROOT, "lib", "scenario"))
      .map((file) => relative(ROOT, file).split("\\").join("/"))
      .filter((rel) => rel !== VERSION_TABLES)
      .flatMap((rel) => readFileSync(join(ROOT, rel), "utf8").split("\n").filter((l) => !/^\s*(\*|\/\/)/.test(l) && LITERAL.test(l)).map((l) => `${rel}: ${l.trim()}`));
    expect(named).toEqual([]);
    // The literal scan finds an id, and not a share-link key that starts with one.
    expect([LITERAL.test(`methods: ["dp-icl"]`), LITERAL.test(`key: "dp-fewshotgen.generator"`)]).toEqual([true, false]);
  });

  it("the scan catches the forms it is meant to catch", () => {
    for (const line of [`case "dp-icl":`, `if (m === "prompt-pate") x();`, `"dp-opt" !== method`, "x == 'private-lora'"]) expect([line, BRANCH.test(line)]).toEqual([line, true]);
    for (const line of [`methods: ["dp-icl"]`, `knobs["dp-icl"]`]) expect([line, BRANCH.test(line)]).toEqual([line, false]);
  });
});
