/** @jest-environment node */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
// The launcher `npm run cli` uses (an esbuild bundle of lib/cli/main.ts, rebuilt when lib/ changes).
const LAUNCHER = join(ROOT, "lib/cli/launch.cjs");
const cli = (...args: string[]) => spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });

// Child processes start Node with the bundled CLI (≈ 0.25 s each).
jest.setTimeout(60_000);

describe("`costs` CLI command (contract of lib/cli/main.ts)", () => {
  it("prints one JSON document with canonical, scenario, rows and breakEven", () => {
    const r = cli("costs", "--query", "preset=samsum&closed=gpt-3-davinci&open=bart-large&methods=dp-icl,private-lora");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.canonical).toBe("v=1&preset=samsum&methods=dp-icl,private-lora&closed=gpt-3-davinci&open=bart-large");
    expect(out.scenario.preset).toBe("samsum");
    expect(out.rows.map((x: { method: string; model: string }) => `${x.method}/${x.model}`)).toEqual(["dp-icl/gpt-3-davinci", "private-lora/bart-large"]);
    // Paper Table 4: $665.91 per 10k queries.
    expect(out.rows[0].queryCostUsd).toBeCloseTo(665.908, 3);
    expect(out.breakEven).toHaveLength(1);
    expect(out.breakEven[0]).toMatchObject({ openMethod: "private-lora", closedMethod: "dp-icl", cheaperAbove: "open" });
  });

  it("exits 2 with the codec's field errors on stderr and nothing on stdout", () => {
    const r = cli("costs", "--query", "gpu=tpu&prices=2020");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const { errors } = JSON.parse(r.stderr);
    expect(errors.map((e: { field: string }) => e.field).sort()).toEqual(["gpu", "prices"]);
    expect(errors.find((e: { field: string }) => e.field === "gpu").allowed).toMatch(/a40.*h100/);
  });

  it("--help prints usage text and exits 0", () => {
    const r = cli("costs", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/usage: npm run --silent cli -- costs/);
    expect(r.stdout).toMatch(/--query/);
  });
});
