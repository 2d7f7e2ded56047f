/** @jest-environment node */
/**
 * One number-formatting module (issue #16 item 3): every number a page, the API's text, the CLI or
 * the statement prints goes through lib/present/format.ts, so ε, δ, costs and bounds follow one
 * rule each. This scans lib/, app/ and components/ for JavaScript's own number formatters
 * (`toPrecision(`, `toFixed(`, `toExponential(`, `toLocaleString(`, `Intl.NumberFormat`) outside
 * that module.
 *
 * The allow-list holds the uses that are not display, each with its reason. A file that no longer
 * needs its entry must leave the list (the second test fails otherwise).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");
const MODULE = "lib/present/format.ts";

const ALLOWED: Record<string, string> = {
  "lib/scenario/codec.ts": "the share link's number text (the shortest text that reads back as the same double): old links keep their meaning, so the link codec is not display formatting",
  "lib/cost/estimate.ts": "the query grid of the cost curve: Number(x.toPrecision(12)) trims float noise from a computed number, nothing is printed",
  "components/scenario-form/log-steps.ts": "the log slider's step values: Number(x.toPrecision(12)) trims float noise from a number the form stores, nothing is printed",
  "lib/api/estimate-api.ts": "the Server-Timing header's duration, read by browser devtools, not by a user",
};

const FORMATTER = /\.toPrecision\(|\.toFixed\(|\.toExponential\(|\.toLocaleString\(|Intl\.NumberFormat/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function offenders(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const dir of ["lib", "app", "components"]) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const rel = relative(ROOT, file).split("\\").join("/");
      if (rel === MODULE) continue;
      // Comments (a TSDoc line quoting the formatter a helper replaced) are not calls.
      const hits = readFileSync(file, "utf8").split("\n").filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l) && FORMATTER.test(l));
      if (hits.length > 0) out.set(rel, hits.map((h) => h.trim()));
    }
  }
  return out;
}

describe("numbers are printed through lib/present/format.ts only", () => {
  const found = offenders();

  it("no display formatter outside the module and the allow-list", () => {
    expect(Object.fromEntries([...found].filter(([f]) => !(f in ALLOWED)))).toEqual({});
  });

  it("every allow-listed file still needs its entry", () => {
    expect(Object.keys(ALLOWED).filter((f) => !found.has(f))).toEqual([]);
  });

  it("the scan catches the forms it is meant to catch, and skips comments", () => {
    for (const line of ["x.toPrecision(3)", "`${y.toFixed(2)}`", "n.toLocaleString(\"en-US\")", "new Intl.NumberFormat(\"en-US\")", "d.toExponential()"]) expect([line, FORMATTER.test(line)]).toEqual([line, true]);
    for (const line of ["formatSignificant(x, 3)", "groupedFixed(x, 2)", "precision: 3"]) expect([line, FORMATTER.test(line)]).toEqual([line, false]);
  });

  it("the module itself is where they live", () => {
    expect(readFileSync(join(ROOT, MODULE), "utf8")).toMatch(FORMATTER);
  });
});
