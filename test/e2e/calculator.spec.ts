/**
 * The calculator in a real browser (issue #8 §1): editing ε and the number of queries changes the
 * URL and the figures; reload and Back restore them; a share link shows the CLI's figures for the
 * same query string. Links ask for the RDP accountant so every figure is final at first paint
 * (PRV would replace them when the worker finishes).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, hydrated, test } from "./fixtures";

const ROOT = join(__dirname, "..", "..");

/** "$1,234", "$13.35", "$0.000267", "−$5", "$1.23e12" → number; null for "no price", "—". */
function money(text: string): number | null {
  // A modelled GPU cost reads "≈ $3.79 ($3.27–$4.65)": the point figure is the one compared.
  const t = text.replace(/^≈\s*/, "").replace(/\s*\([^)]*\)$/, "").replace(/[−–]/g, "-").replace(/[$,\s]/g, "");
  const x = Number(t);
  return t !== "" && Number.isFinite(x) ? x : null;
}

/** Figures of the comparison table and the privacy table, by test id. */
async function figures(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>("[data-testid^='total-'], [data-testid^='epsilon-']")) out[el.dataset.testid!] = el.textContent!.trim();
    return out;
  });
}

/** Settled: hydrated, and no update or PRV computation in flight. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator("[data-testid^='total-']").first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
}

const eps = (page: Page) => page.getByLabel("ε (epsilon)", { exact: true });
const queries = (page: Page) => page.getByLabel("Queries to answer", { exact: true });

test("editing ε and queries updates the URL and the figures; reload and Back restore them", async ({ page }) => {
  await page.goto("/?accountant=rdp");
  await hydrated(page);
  await settled(page);
  const before = await figures(page);
  expect(Object.keys(before).length).toBeGreaterThan(2);

  await eps(page).fill("3");
  await expect(page).toHaveURL(/[?&]eps=3(&|$)/);
  await expect.poll(async () => (await figures(page))["epsilon-dp-icl"]).toMatch(/^(3\.00|2\.99\d*)$/);
  // The header's other doors carry the edited scenario (they kept the loaded one before 2026-11-27).
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages.getByRole("link", { name: "Printable statement" })).toHaveAttribute("href", /^\/statement\?(.+&)?eps=3(&|$)/);
  await expect(pages.getByRole("link", { name: "API: this scenario as JSON" })).toHaveAttribute("href", /^\/api\/v1\/estimate\?(.+&)?eps=3(&|$)/);
  await queries(page).fill("50000");
  await expect(page).toHaveURL(/[?&]queries=50000(&|$)/);
  await settled(page);
  const dpIclTotal = Object.keys(before).find((k) => k.startsWith("total-dp-icl-"))!;
  await expect.poll(async () => (await figures(page))[dpIclTotal]).not.toBe(before[dpIclTotal]);
  const edited = await figures(page);
  const changed = Object.keys(before).filter((k) => before[k] !== edited[k]);
  expect(changed.length, "figures that changed").toBeGreaterThan(Object.keys(before).length / 2);

  // Reload: the same scenario from the URL alone.
  await page.reload();
  await hydrated(page);
  await settled(page);
  await expect(eps(page)).toHaveValue("3");
  await expect(queries(page)).toHaveValue("50000");
  expect(await figures(page)).toEqual(edited);

  // A preset change is a new history entry; Back returns to the edited scenario.
  const url = page.url();
  await page.getByLabel("Preset", { exact: true }).selectOption("trec");
  await expect(page).toHaveURL(/[?&]preset=trec(&|$)/);
  await settled(page);
  expect(await figures(page)).not.toEqual(edited);
  await page.goBack();
  await expect(page).toHaveURL(url);
  await settled(page);
  await expect(page.getByLabel("Preset", { exact: true })).toHaveValue("sst2");
  await expect(eps(page)).toHaveValue("3");
  await expect.poll(() => figures(page)).toEqual(edited);
});

test("a share link shows the same figures as the CLI for the same query", async ({ page }) => {
  const query = "preset=trec&eps=2&queries=123456&accountant=rdp&open=pythia-1b,vicuna-7b";
  const cli = JSON.parse(
    execFileSync("npm", ["run", "--silent", "cli", "--", "estimate", "--query", query], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }),
  ) as {
    rows: { method: string; model: string; totalCostUsd: number | null }[];
    // The wire form sends each method's privacy once, at the top (lib/api/wire.ts).
    privacy: { method: string; epsilon: number | null; feasible: boolean }[];
  };
  expect(cli.rows.length).toBeGreaterThan(0);

  await page.goto(`/?${query}`);
  await hydrated(page);
  await settled(page);
  // (Next's route announcer is a role="alert" outside <main>; the link banner is inside.)
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  const shown = await figures(page);
  let compared = 0;
  const epsilonOf = new Map<string, number | null>();
  for (const row of cli.rows) {
    const cell = shown[`total-${row.method}-${row.model}`];
    expect(cell, `total-${row.method}-${row.model} on the page`).toBeDefined();
    if (row.totalCostUsd !== null) {
      const x = money(cell!);
      expect(x, `total-${row.method}-${row.model}: "${cell}"`).not.toBeNull();
      // Display rounding: cents, whole dollars from $1,000, three significant digits below $1.
      expect(Math.abs(x! - row.totalCostUsd), `total-${row.method}-${row.model}: page "${cell}", CLI ${row.totalCostUsd}`).toBeLessThanOrEqual(Math.max(0.005 * Math.abs(row.totalCostUsd), 0.006));
      compared += 1;
    }
    const privacy = cli.privacy.find((p) => p.method === row.method);
    expect(privacy, `privacy of ${row.method} in the CLI's estimate`).toBeDefined();
    if (privacy!.feasible) epsilonOf.set(row.method, privacy!.epsilon);
  }
  expect(compared).toBeGreaterThan(5);
  for (const [method, e] of epsilonOf) {
    const cell = shown[`epsilon-${method}`];
    expect(cell, `epsilon-${method} on the page`).toBeDefined();
    if (e === null) continue;
    expect(Math.abs(Number(cell!.replace(/,/g, "")) - e), `epsilon-${method}: page "${cell}", CLI ${e}`).toBeLessThanOrEqual(0.006 * e);
  }
});

test("the landing page arrives with PRV figures (computed when the server started), readable without JavaScript", async ({ request }) => {
  // `/` is served as `/?v=3` (today's setup), which instrumentation.ts warms; any other link gets RDP
  // first (components/calculator/load-calculator.ts).
  const html = await (await request.get("/")).text();
  expect(html).toContain("ε figures: PRV (tight numerical bounds)");
  expect(html).not.toContain("PRV computing");
  const other = await (await request.get("/?eps=3.3")).text();
  expect(other).toContain("ε figures: RDP (upper bound; PRV computing…)");
});

test("the bare address is served in place as today's setup, and the address bar reads /?v=3 before the page hydrates", async ({ page, request }) => {
  // It was a 307 to `/?v=3`; serving in place saves a phone the round trip (test/bench/RESULTS-web.md).
  // Oracle: the canonical link the server writes for `/?v=3` itself, and the address bar.
  const bare = await request.get("/", { maxRedirects: 0 });
  expect(bare.status()).toBe(200);
  const canonicalOf = (html: string) => /<link rel="canonical" href="[^"]*?(\/\?[^"]*)"/.exec(html)?.[1];
  const linked = await (await request.get("/?v=3")).text();
  expect(canonicalOf(await bare.text())).toBe("/?v=3");
  expect(canonicalOf(linked)).toBe("/?v=3");
  // The script runs while the HTML parses, so the address is right before any client code reads it.
  await page.goto("/", { waitUntil: "domcontentloaded" });
  expect(new URL(page.url()).search).toBe("?v=3");
  await hydrated(page);
  await settled(page);
  expect(new URL(page.url()).search).toBe("?v=3");
  // An edit is written on top of `v=3` (never as an unversioned link, which would read as v=2).
  const queries = page.getByLabel("Queries to answer", { exact: false }).first();
  await queries.fill("50000");
  await queries.press("Enter");
  await expect.poll(() => new URL(page.url()).search).toBe("?v=3&queries=50000");
  await settled(page);
});

test("Copy link puts the canonical share link on the clipboard", async ({ page }) => {
  // Record what is written: the Permissions-Policy (rightly) forbids the page to read the clipboard back.
  await page.addInitScript(() => {
    const w = window as unknown as { __copied?: string };
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (t: string) => void (w.__copied = t), readText: async () => w.__copied ?? "" } });
  });
  await page.goto("/?queries=50000&eps=3&accountant=rdp");
  await hydrated(page);
  await settled(page);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __copied?: string }).__copied ?? "")).toContain("eps=3");
  const copied = await page.evaluate(() => (window as unknown as { __copied?: string }).__copied ?? "");
  const url = new URL(copied);
  expect(url.searchParams.get("eps")).toBe("3");
  expect(url.searchParams.get("queries")).toBe("50000");
  expect(url.searchParams.get("accountant")).toBe("rdp");
});
