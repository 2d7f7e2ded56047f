/**
 * @jest-environment node
 *
 * The same link gives the same decision through every door (issue #18): `estimate()`, the JSON API
 * and the CLI. Oracle: `estimate()` + `findFlips()` called directly; the doors must print exactly
 * that decision (flips only when asked for: `flips=1`, `--flips`).
 */
import { clearEstimateCache, respondToEstimate } from "@/lib/api";
import { estimate, parseScenario } from "@/lib";
import { findFlips } from "@/lib/decide";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** The CLI as a child process through its launcher, as test/cli/cli.test.ts runs it. */
function cli(...args: string[]) {
  const root = join(__dirname, "..", "..");
  const r = spawnSync(process.execPath, [join(root, "lib", "cli", "launch.cjs"), ...args], { encoding: "utf8", cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LINK = "preset=samsum&rank=cost&accountant=rdp&maxCost=5000&protect=A";

function direct() {
  const r = parseScenario(LINK);
  if (!r.ok) throw new Error("bad link");
  const est = estimate(r.scenario);
  return { decision: est.decision, flips: findFlips(r.scenario) };
}

test("API and CLI carry estimate()'s decision; flips=1 / --flips add the flips findFlips finds", () => {
  const want = direct();
  expect(want.decision.answer).not.toBeNull();
  expect(want.flips.length).toBeGreaterThan(0);
  clearEstimateCache();
  const plain = JSON.parse(String(respondToEstimate({ method: "GET", query: LINK }).body));
  expect(plain.decision).toEqual(JSON.parse(JSON.stringify(want.decision)));
  expect(plain.decision.flips).toBeNull();
  const withFlips = respondToEstimate({ method: "GET", query: `${LINK}&flips=1` });
  expect(withFlips.headers["content-location"]).toMatch(/&flips=1$/);
  const api = JSON.parse(String(withFlips.body));
  expect(api.decision.flips).toEqual(JSON.parse(JSON.stringify(want.flips)));
  const c = cli("estimate", "--query", LINK, "--flips");
  expect(c.code).toBe(0);
  expect(JSON.parse(c.stdout).decision).toEqual(api.decision);
});
