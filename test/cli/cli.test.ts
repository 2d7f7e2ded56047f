/** @jest-environment node */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** The CLI as a real child process, the way people's scripts call it (issue #2 contract). */
const ROOT = join(__dirname, "..", "..");
export function cli(...args: string[]) {
  // The launcher `npm run cli` uses (bundles lib/cli/main.ts with esbuild when lib/ changed).
  const r = spawnSync(process.execPath, [join(ROOT, "lib", "cli", "launch.cjs"), ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("cli scenario", () => {
  test("prints the canonical link, the scenario and warnings as one JSON document", () => {
    const r = cli("scenario", "--query", "n=5000&eps=3&foo=1");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.canonical).toBe("v=1&n=5000&eps=3");
    expect(doc.scenario).toMatchObject({ records: 5000, epsilon: 3, delta: 1 / 5000 });
    expect(doc.warnings).toEqual([{ field: "foo", message: 'Unknown key "foo" ignored' }]);
  });

  test("bad input: exit 2, field errors on stderr, nothing on stdout", () => {
    const r = cli("scenario", "--query", "eps=0&n=-3");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const doc = JSON.parse(r.stderr);
    expect(doc.errors.map((e: { field: string }) => e.field)).toEqual(["eps", "n"]);
    expect(doc.errors[0]).toMatchObject({ received: "0", allowed: "a number from 0.001 to 100" });
  });

  test("unknown flags and unknown commands are field errors too", () => {
    expect(cli("scenario", "--quary", "x").code).toBe(2);
    const r = cli("frobnicate");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).errors[0].field).toBe("command");
  });

  test("--help on the program and on the command", () => {
    const top = cli("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("scenario");
    const sub = cli("scenario", "--help");
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("--query");
  });
});
