/** @jest-environment node */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { run } from "@/lib/cli/main";

const ROOT = join(__dirname, "..", "..");

/**
 * The CLI in this process: lib/cli/main.ts's `run`, with stdout and stderr collected as its
 * entry point writes them (each write + "\n") and its return value as the exit code. A child
 * process per case cost ~1 s each (issue #19 item 8); the launcher itself is still run as a real
 * process below (`spawned`), and in test/cli/cli.test.ts.
 */
function cli(...args: string[]) {
  let out = "";
  let err = "";
  const code = run(args, { out: (s) => { out += `${s}\n`; }, err: (s) => { err += `${s}\n`; } });
  return { code, out, err };
}

/** The real CLI as a child process, through the launcher `npm run cli --` runs (lib/cli/launch.cjs). */
function spawned(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "lib", "cli", "launch.cjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("CLI as a real process: the same answers through the launcher", () => {
  it("epsilon --accountant prv: exit 0, one JSON document on stdout, nothing on stderr, as in-process", () => {
    const args = ["epsilon", "--noise-multiplier", "1", "--sample-rate", "0.01", "--steps", "1000", "--delta", "1e-5", "--accountant", "prv"];
    const r = spawned(...args);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).bounds.estimate).toBeCloseTo(1.8282, 4); // docs/derivations.md §9
    expect(r).toEqual(cli(...args));
  }, 60_000);

  it("bad flags: exit 2, field errors on stderr, nothing on stdout, as in-process", () => {
    const args = ["epsilon", "--noise-multiplier", "-1", "--sample-rate", "2", "--steps", "1.5", "--delta", "1"];
    const r = spawned(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(JSON.parse(r.err).errors.map((e: { field: string }) => e.field)).toEqual(["noise-multiplier", "sample-rate", "steps", "delta"]);
    expect(r).toEqual(cli(...args));
  }, 60_000);
});

describe("CLI: epsilon, sigma, budget (issue #3 contract)", () => {
  it("epsilon --accountant prv prints the PRV bounds, ε = upper (oracle: docs/derivations.md §9)", () => {
    const r = cli("epsilon", "--noise-multiplier", "1", "--sample-rate", "0.01", "--steps", "1000", "--delta", "1e-5", "--accountant", "prv");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const out = JSON.parse(r.out);
    expect(out.accountant).toBe("prv");
    expect(out.epsilon).toBe(out.bounds.upper);
    expect(out.bounds.estimate).toBeCloseTo(1.8282, 4);
  });

  it("epsilon --accountant rdp --orders opacus reproduces Opacus (dp-reference-cases.json: 1.7117700912203435)", () => {
    const r = cli("epsilon", "--noise-multiplier", "1.1", "--sample-rate", "0.01", "--steps", "1000", "--delta", "1e-5", "--accountant", "rdp", "--orders", "opacus");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toEqual({ epsilon: expect.any(Number), accountant: "rdp", order: expect.any(Number) });
    expect(Math.abs(out.epsilon - 1.7117700912203435)).toBeLessThan(1e-9);
  });

  it("sigma returns a safe σ (achieved ε ≤ target) and names the accountant", () => {
    const r = cli("sigma", "--epsilon", "3", "--delta", "1.4998350181480038e-05", "--sample-rate", "0.0019197888232294449", "--steps", "5208", "--accountant", "rdp", "--orders", "opacus");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.accountant).toBe("rdp");
    expect(out.epsilon).toBeLessThanOrEqual(3);
    expect(out.noiseMultiplier).toBeCloseTo(0.658, 3); // Opacus: 0.657958984375 (its tolerance 0.01 in ε)
  });

  it("budget prints every selected method's privacy for a share-link query", () => {
    const r = cli("budget", "--query", "preset=trec&eps=1&methods=dp-icl,private-lora&accountant=rdp");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.canonical).toContain("preset=trec");
    expect(out.methods.map((m: { method: string }) => m.method)).toEqual(["dp-icl", "private-lora"]);
    for (const m of out.methods) expect(m.accountant).toMatch(/^rdp/);
  });

  it("epsilon/sigma --accountant prv refuse δ below PRV's range (1e-10, lib/privacy/prv.ts PRV_MIN_DELTA) as a delta field error, exit 2; RDP still answers", () => {
    // The limit's source: FFT round-off makes PRV's ε non-monotone below δ ≈ 1e-12 and below
    // RDP's bound at 1e-20 (measured; PRV_MIN_DELTA's comment), so PRV must not answer there.
    for (const args of [
      ["epsilon", "--noise-multiplier", "1", "--sample-rate", "0.01", "--steps", "1000", "--delta", "1e-12", "--accountant", "prv"],
      ["epsilon", "--noise-multiplier", "1", "--sample-rate", "0.01", "--steps", "1000", "--delta", "1e-12"], // prv is the default
      ["sigma", "--epsilon", "8", "--delta", "1e-20", "--sample-rate", "0.01", "--steps", "1000"],
    ]) {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      const { errors } = JSON.parse(r.err);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ field: "delta", allowed: "a number in [1e-10, 1) with --accountant prv" });
      expect(errors[0].message).toContain("--accountant rdp");
    }
    const rdp = cli("epsilon", "--noise-multiplier", "1", "--sample-rate", "0.01", "--steps", "1000", "--delta", "1e-12", "--accountant", "rdp");
    expect(rdp.code).toBe(0);
    expect(JSON.parse(rdp.out).accountant).toBe("rdp");
  });

  it("epsilon never under-reports for tiny σ (audit finding 10): RDP says ε = ∞ in words, PRV refuses naming --noise-multiplier", () => {
    // Oracle: the Gaussian RDP α/(2σ²) (Mironov 2017, Prop. 7) at σ = 1e-154, α = 1.1, T = 1000 is
    // 1000·1.1/(2·1e-308) = 5.5e310, beyond the largest double: no finite bound exists. The old CLI
    // printed ε = 0.93 (RDP) and an upper bound of 2.78 (PRV), both exit 0.
    const rdp = cli("epsilon", "--noise-multiplier", "1e-154", "--sample-rate", "0.01", "--steps", "1000", "--delta", "1e-5", "--accountant", "rdp");
    expect(rdp.code).toBe(0);
    const out = JSON.parse(rdp.out);
    expect(out).toMatchObject({ epsilon: null, unbounded: true, accountant: "rdp", order: null });
    expect(out.note).toContain("ε = ∞");
    for (const q of ["0.01", "1"]) {
      // q = 1 used to fail with "noiseMultiplier must be > 0; got 0" under the field steps.
      const prv = cli("epsilon", "--noise-multiplier", "1e-154", "--sample-rate", q, "--steps", "1000", "--delta", "1e-5");
      expect(prv.code).toBe(2);
      expect(prv.out).toBe("");
      const { errors } = JSON.parse(prv.err);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ field: "noise-multiplier", received: 1e-154 });
      expect(errors[0].message).not.toContain("got 0");
      expect(errors[0].allowed).toContain("--accountant rdp");
    }
    const small = cli("epsilon", "--noise-multiplier", "1e-10", "--sample-rate", "0.01", "--steps", "1000", "--delta", "1e-5");
    expect(small.code).toBe(2);
    expect(JSON.parse(small.err).errors[0].field).toBe("noise-multiplier");
  });

  it("epsilon --accountant prv with σ = 1e300 gives a finite upper bound (old: \"epsilon\": null, read as unbounded)", () => {
    // Oracle: μ = 1/σ = 1e-300, δ(0) = Φ(μ/2) − Φ(−μ/2) ≈ 4e-301 < δ, so the true ε is 0 and the
    // upper bound is at most PRV's eps_error, 0.01 (Gopi et al. 2021, Thm. 5.5).
    const r = cli("epsilon", "--noise-multiplier", "1e300", "--sample-rate", "0.01", "--steps", "1000", "--delta", "1e-5", "--accountant", "prv");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.unbounded).toBeUndefined();
    expect(out.epsilon).toBeGreaterThanOrEqual(0);
    expect(out.epsilon).toBeLessThanOrEqual(0.01 + 1e-12);
    expect(out.bounds.lower).toBe(0);
  });

  it("PRV refuses a δ its FFT round-off swamps, naming --delta (q = 1e-10, σ = 2, T = 1e6, δ = 1e-10)", () => {
    // Old output: bounds (1.230, 1.252) although RDP's valid upper bound is 0.092 (lib/privacy/prv.ts PrvRoundOffError).
    const r = cli("epsilon", "--noise-multiplier", "2", "--sample-rate", "1e-10", "--steps", "1000000", "--delta", "1e-10");
    expect(r.code).toBe(2);
    const { errors } = JSON.parse(r.err);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: "delta", received: 1e-10 });
    expect(errors[0].allowed).toContain("--accountant rdp");
  });

  it("an infeasible sigma suggests --accountant rdp only where RDP reaches the target", () => {
    // RDP's floor as σ → ∞ is min_α log(1−1/α) − (log δ + log α)/(α−1) ≈ 0.0195 at δ = 1e-5 on the
    // default grid (its value at α = 256); PRV's upper bound is at least its eps-error.
    const rdp = cli("sigma", "--epsilon", "0.01", "--delta", "1e-5", "--sample-rate", "0.01", "--steps", "1000", "--accountant", "rdp");
    expect(rdp.code).toBe(2);
    const rdpError = JSON.parse(rdp.err).errors[0];
    expect(rdpError.field).toBe("epsilon");
    expect(`${rdpError.message} ${rdpError.allowed}`).not.toContain("--accountant rdp"); // the old advice, to a call that uses it
    // 0.005 < 0.0195 and < eps-error 0.01: neither accountant reaches it, so RDP is not suggested.
    const neither = JSON.parse(cli("sigma", "--epsilon", "0.005", "--delta", "1e-5", "--sample-rate", "0.01", "--steps", "1000").err).errors[0];
    expect(neither.allowed).not.toContain("--accountant rdp");
    // 0.03 is above RDP's floor but below eps-error 0.05: RDP does reach it.
    const rdpCan = JSON.parse(cli("sigma", "--epsilon", "0.03", "--delta", "1e-5", "--sample-rate", "0.01", "--steps", "1000", "--eps-error", "0.05").err).errors[0];
    expect(rdpCan.allowed).toContain("--accountant rdp");
  });

  it("a PRV grid too large for many steps names --steps, and sigma names --epsilon when its search needs too little noise", () => {
    // Mesh = eps-error/√(T/2·log(12/δ_err)) ≈ 1e-4/3233 for T = 1e6, δ = 1e-5: even the narrowest domain ±3 needs ~2e8 points (limit 2^24).
    const steps = cli("epsilon", "--noise-multiplier", "1", "--sample-rate", "1e-3", "--steps", "1000000", "--delta", "1e-5", "--eps-error", "1e-4");
    expect(steps.code).toBe(2);
    expect(JSON.parse(steps.err).errors[0]).toMatchObject({ field: "steps", received: 1000000 });
    // A target of 1e300 sends the search to σ = 1e-3, whose privacy loss (RDP ε ≈ 5.5e8) needs ~1e12 points.
    const sigma = cli("sigma", "--epsilon", "1e300", "--delta", "1e-5", "--sample-rate", "0.01", "--steps", "1000");
    expect(sigma.code).toBe(2);
    const error = JSON.parse(sigma.err).errors[0];
    expect(error).toMatchObject({ field: "epsilon", received: 1e300 });
    expect(error.allowed).not.toContain("--noise-multiplier"); // sigma has no such flag
  });

  it("bad flags exit 2 with field errors on stderr and nothing on stdout", () => {
    const r = cli("epsilon", "--noise-multiplier", "-1", "--sample-rate", "2", "--steps", "1.5", "--delta", "1");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const { errors } = JSON.parse(r.err);
    expect(errors.map((e: { field: string }) => e.field)).toEqual(["noise-multiplier", "sample-rate", "steps", "delta"]);
    for (const e of errors) expect(Object.keys(e).sort()).toEqual(["allowed", "field", "message", "received"]);
    const missing = cli("sigma", "--epsilon", "0", "--delta", "1e-5", "--orders", "opacus");
    expect(missing.code).toBe(2);
    const fields = JSON.parse(missing.err).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["sample-rate", "steps"]));
    const bad = cli("budget", "--query", "eps=-3");
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.err).errors[0].field).toBe("eps");
  });

  it("--help prints usage on stdout and exits 0", () => {
    for (const command of ["epsilon", "sigma", "budget"]) {
      const r = cli(command, "--help");
      expect(r.code).toBe(0);
      expect(r.out).toContain(`usage: npm run --silent cli -- ${command}`);
    }
  });
});
