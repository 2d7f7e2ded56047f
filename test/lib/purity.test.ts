/** @jest-environment node */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * lib/ is the library behind the page, the JSON API and the CLI: it must stay usable from a
 * script or a worker. This fails if any lib/ file imports React, Next, recharts, nuqs, the DOM
 * packages, or reaches into app/ or components/.
 */
const ROOT = join(__dirname, "..", "..");
const FORBIDDEN = /^(react|react-dom|next|recharts|nuqs|jsdom)(\/|$)|^@\/(app|components)(\/|$)|^\.\.?\/.*\/(app|components)\//;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
  for (const m of source.matchAll(pattern)) specifiers.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  return specifiers;
}

test("lib/ imports no React, Next, recharts, nuqs or DOM code", () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(join(ROOT, "lib"))) {
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      if (FORBIDDEN.test(spec)) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
    }
    if (/\.tsx$/.test(file)) offenders.push(`${relative(ROOT, file)} is a JSX file`);
  }
  expect(offenders).toEqual([]);
});

test("the purity check itself catches a forbidden import", () => {
  expect(importsOf(`import { useState } from "react";\nexport * from "recharts";`).filter((s) => FORBIDDEN.test(s))).toEqual(["react", "recharts"]);
  expect(FORBIDDEN.test("nuqs/server")).toBe(true);
  expect(FORBIDDEN.test("zod")).toBe(false);
});
