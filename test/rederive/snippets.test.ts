/**
 * @jest-environment node
 *
 * Re-derive it yourself (issue #18). Oracle: test/fixtures/golden/dp-reference-cases.json —
 * Opacus's RDP accountant (its default alphas, Balle et al. 2020 conversion), Opacus's
 * get_noise_multiplier (epsilon_tolerance 0.01) and Microsoft's prv_accountant (eps_error 0.01,
 * delta_error δ/1000). The snippets' own arguments are read back out of their Python text and run
 * through our engine; the figures must agree with the libraries' values.
 */
import { computeEpsilon, dpSgdEvent, estimate, parseScenario, rederiveFor, type Snippet } from "@/lib";
import { sgmSnippets } from "@/lib/rederive";
import cases from "../fixtures/golden/dp-reference-cases.json";

interface EpsCase { kind: "eps_for_sigma"; q: number; sigma: number; steps: number; delta: number; eps_opacus_rdp: number; eps_prv_lower: number; eps_prv_upper: number }
interface SigmaCase { kind: "sigma_for_eps"; name: string; q: number; steps: number; delta: number; target_eps: number; sigma_opacus_rdp: number; eps_at_sigma: number }
const all = (cases as { cases: (EpsCase | SigmaCase)[] }).cases;
const epsCases = all.filter((c): c is EpsCase => c.kind === "eps_for_sigma");
const sigmaCases = all.filter((c): c is SigmaCase => c.kind === "sigma_for_eps");

/** The (σ, q, steps, δ) a snippet passes to its library, read from its Python text. */
function argumentsIn(snippet: Snippet): { sigma: number; q: number; steps: number; delta: number } {
  const num = (re: RegExp) => {
    const m = re.exec(snippet.code);
    if (!m?.[1]) throw new Error(`no ${re} in ${snippet.code}`);
    return Number(m[1]);
  };
  if (snippet.library === "prv_accountant") {
    return { sigma: num(/noise_multiplier=([^,]+),/), q: num(/sampling_probability=([^,]+),/), steps: num(/max_steps=(\d+)/), delta: num(/delta=([^)]+)\)/) };
  }
  if (snippet.library === "dp_accounting") {
    return { sigma: num(/GaussianDpEvent\(([^)]+)\)/), q: num(/PoissonSampledDpEvent\(([^,]+),/), steps: num(/\)\), (\d+)\)/), delta: num(/get_epsilon\(([^)]+)\)/) };
  }
  return { sigma: num(/history = \[\(([^,]+),/), q: num(/history = \[\([^,]+, ([^,]+),/), steps: num(/history = \[\([^,]+, [^,]+, (\d+)\)/), delta: num(/delta=([^,)]+)/) };
}

describe.each(epsCases.map((c) => [`q=${c.q}, σ=${c.sigma}, steps=${c.steps}, δ=${c.delta}`, c] as const))("ε for σ: %s", (_name, c) => {
  const rdp = computeEpsilon(dpSgdEvent(c.sigma, c.q, c.steps), c.delta, { accountant: "rdp", orders: "default" }).epsilon;
  const prv = computeEpsilon(dpSgdEvent(c.sigma, c.q, c.steps), c.delta, { accountant: "prv", epsError: 0.01 }).epsilon;
  const snippets = sgmSnippets({ noiseMultiplier: c.sigma, samplingRate: c.q, steps: c.steps, delta: c.delta }, { rdpEpsilon: rdp, prvEpsilon: prv, epsError: 0.01, targetEpsilon: 1, noiseMultiplier: c.sigma, sigmaAccountant: "rdp" });

  test.each(snippets.filter((s) => s.figure === "epsilon").map((s) => [`${s.library} ${s.accountant}`, s] as const))("%s: its arguments through our engine give the library's ε", (_label, s) => {
    const a = argumentsIn(s);
    expect(a).toEqual({ sigma: c.sigma, q: c.q, steps: c.steps, delta: c.delta });
    if (s.accountant === "rdp") {
      const ours = computeEpsilon(dpSgdEvent(a.sigma, a.q, a.steps), a.delta, { accountant: "rdp", orders: "default" }).epsilon;
      expect(s.ours).toBe(ours);
      // Our grid ⊇ Opacus's alphas, so ours ≤ Opacus's; equal to ~1e-3 relative when the best order is in both.
      expect(Math.abs(ours - c.eps_opacus_rdp) / c.eps_opacus_rdp).toBeLessThan(1e-3);
    } else {
      expect(s.ours).toBe(prv);
      // Both PRV upper bounds are within eps_error (0.01) above the true ε, which is ≥ the library's lower bound.
      expect(s.ours as number).toBeGreaterThanOrEqual(c.eps_prv_lower);
      expect(Math.abs((s.ours as number) - c.eps_prv_upper)).toBeLessThanOrEqual(0.02);
    }
  });
});

describe.each(sigmaCases.map((c) => [`${c.name} at ε = ${c.target_eps}`, c] as const))("σ for ε: %s", (_name, c) => {
  test("Opacus's σ, run through our engine with the snippet's arguments, gives Opacus's ε", () => {
    const [snippet] = sgmSnippets({ noiseMultiplier: c.sigma_opacus_rdp, samplingRate: c.q, steps: c.steps, delta: c.delta }, { rdpEpsilon: null, prvEpsilon: null, epsError: 0.01, targetEpsilon: c.target_eps, noiseMultiplier: c.sigma_opacus_rdp, sigmaAccountant: "rdp" });
    const a = argumentsIn(snippet as Snippet);
    const ours = computeEpsilon(dpSgdEvent(a.sigma, a.q, a.steps), a.delta, { accountant: "rdp", orders: "opacus" }).epsilon;
    expect(Math.abs(ours - c.eps_at_sigma) / c.eps_at_sigma).toBeLessThan(1e-3);
    expect(ours).toBeLessThanOrEqual(c.target_eps);
  });
});

test("every DP-SGD row of an estimate carries snippets whose arguments are the engine's and whose value is the stated ε", () => {
  const r = parseScenario("v=1&accountant=rdp");
  if (!r.ok) throw new Error("bad link");
  const est = estimate(r.scenario);
  const lora = est.privacy.find((p) => p.method === "private-lora");
  expect(lora).toBeDefined();
  const d = rederiveFor(r.scenario, lora as NonNullable<typeof lora>);
  expect(d.arguments).toMatchObject({ noiseMultiplier: lora?.noiseMultiplier, samplingRate: lora?.samplingRate, steps: lora?.budget.planned });
  const opacus = d.snippets.find((s) => s.library === "opacus" && s.accountant === "rdp" && s.figure === "epsilon");
  // The RDP headline ε is exactly what the snippet says our engine got.
  expect(opacus?.ours).toBe(lora?.epsilon);
  expect(opacus?.code).toContain(`# privadapt (RDP): ${lora?.epsilon}`);
});
