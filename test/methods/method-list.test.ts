/** @jest-environment node */
/**
 * The registry (lib/methods/list.ts) and the share-link catalogue (lib/scenario/catalog.ts
 * METHOD_IDS, which the link schema's method enum reads) list the same methods in the same order:
 * the registry is keyed from the list at run time, so the type system no longer checks that
 * every catalogue id has a descriptor. Oracle: the catalogue, the URL contract.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { METHOD_DESCRIPTORS, METHOD_IDS, parseScenario } from "@/lib";
import { METHOD_LIST } from "@/lib/methods/list";

describe("one method list", () => {
  it("the registry's list is the catalogue's ids, in order, each once", () => {
    expect(METHOD_LIST.map((d) => d.id)).toEqual([...METHOD_IDS]);
    expect(Object.keys(METHOD_DESCRIPTORS)).toEqual([...METHOD_IDS]);
  });

  it("every descriptor declares its cost work", () => {
    for (const d of METHOD_LIST) expect([d.id, typeof d.cost.work, ["every-prompt", "none"].includes(d.cost.instructionTokens)]).toEqual([d.id, "function", true]);
  });

  it("the link schema's method enum is the catalogue's ids", () => {
    for (const id of METHOD_IDS) expect([id, parseScenario(`methods=${id}`).ok]).toEqual([id, true]);
    const unknown = parseScenario("methods=dp-zeroth");
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors.map((e) => e.field)).toEqual(["methods"]);
  });

  it("no import cycle: lib/methods reaches lib/cost only through work-types.ts, which imports nothing of lib/methods", () => {
    const root = join(__dirname, "..", "..", "lib");
    const costImports = readdirSync(join(root, "methods")).flatMap((f) => [...readFileSync(join(root, "methods", f), "utf8").matchAll(/from "(\.\.\/cost[^"]*)"/g)].map((m) => m[1]));
    expect(new Set(costImports)).toEqual(new Set(["../cost/work-types"]));
    expect(readFileSync(join(root, "cost", "work-types.ts"), "utf8")).not.toMatch(/from "\.\.\/methods|from "\.\/(?!types")/);
  });
});
