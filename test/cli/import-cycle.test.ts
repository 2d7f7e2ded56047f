/** @jest-environment node */
/**
 * lib/cli's modules import each other as a tree (issue #16): command files import ./command,
 * ./commands lists them. This walks the relative imports inside lib/cli and fails on any cycle.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DIR = join(__dirname, "..", "..", "lib", "cli");

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".ts"))) {
    const src = readFileSync(join(DIR, file), "utf8");
    const deps = [...src.matchAll(/from\s+["']\.\/([^"']+)["']/g)].map((m) => `${m[1]}.ts`);
    g.set(file, deps);
  }
  return g;
}

/** One cycle as a path, or null (depth-first search with an on-stack set). */
function findCycle(g: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (stack.includes(n)) return [...stack.slice(stack.indexOf(n)), n];
    if (done.has(n)) return null;
    stack.push(n);
    for (const d of g.get(n) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    done.add(n);
    return null;
  };
  for (const n of g.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

test("lib/cli has no import cycle", () => {
  expect(findCycle(graph())).toBeNull();
});

test("the cycle finder finds a cycle", () => {
  expect(findCycle(new Map([["a.ts", ["b.ts"]], ["b.ts", ["a.ts"]]]))).toEqual(["a.ts", "b.ts", "a.ts"]);
});
