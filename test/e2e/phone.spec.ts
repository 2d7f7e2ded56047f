/**
 * A page a newcomer understands at a glance (issue #19), in a real browser:
 * - item 2: at 375 × 812 the first screen shows the answer and the key figures, a bar fixed to the
 *   bottom offers "Edit scenario", which brings the form into view; /, /statement and /reproduce
 *   never scroll sideways at 375 px (/statement was 669 px wide);
 * - item 3: the log sliders' arrow keys move one step of the R″10 scale from ε = 1 and from
 *   1,000,000 queries (they rounded back to the same value); arrowing through the Preset select
 *   loads nothing until Enter (each arrow press used to load a preset and recompute);
 * - item 4: the default load (δ = 1/N, the study's setting) shows no δ warning.
 * Links ask for the RDP accountant so the figures are final at first paint.
 */
import type { Page } from "@playwright/test";
import { expect, hydrated, test } from "./fixtures";

const PHONE = { width: 375, height: 812 };

/** Settled: the figures are on screen and no update or PRV computation is in flight. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator("[data-testid^='total-']").first()).toBeAttached();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
}

/** How far the document is wider than the viewport, in px (0 when it does not scroll sideways). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Evaluations the page asked its engine for (components/calculator/calculator-provider.tsx marks each). */
const evaluations = (page: Page) => page.evaluate(() => performance.getEntriesByName("privadapt:evaluate").length);

test.describe("at 375 × 812", () => {
  test.use({ viewport: PHONE });

  test("the first screen shows the answer and the key figures; Edit scenario brings the form into view", async ({ page }) => {
    await page.goto("/?accountant=rdp");
    await hydrated(page);
    await settled(page);
    const answer = page.locator(".answer");
    await expect(answer).toContainText("The answer:");
    const answerBox = (await answer.boundingBox())!;
    expect(answerBox.y, "answer's top in px from the top of the first screen").toBeLessThan(PHONE.height);
    const cheapest = page.locator(".summary-item").first();
    await expect(cheapest).toContainText("Cheapest option");
    expect((await cheapest.boundingBox())!.y, "first key figure's top in px").toBeLessThan(PHONE.height);

    const formHeading = page.getByRole("heading", { name: "Scenario", exact: true, level: 2 });
    await expect(formHeading).not.toBeInViewport();
    const bar = page.getByRole("navigation", { name: "Jump to" });
    const edit = bar.getByRole("link", { name: "Edit scenario" });
    await expect(edit).toBeVisible();
    await expect(edit).toBeInViewport();
    const editBox = (await edit.boundingBox())!;
    expect(editBox.y + editBox.height, "Edit scenario's bottom edge in px").toBeLessThanOrEqual(PHONE.height);
    expect(editBox.height, "Edit scenario's tap target height in px").toBeGreaterThanOrEqual(44);

    await edit.click();
    await expect(formHeading).toBeInViewport();
    await expect(page.getByLabel("Preset", { exact: true })).toBeVisible();
    // The bar stays, and leads back to the answer.
    await bar.getByRole("link", { name: "Answer and figures" }).click();
    await expect(page.getByRole("heading", { name: "Results", exact: true })).toBeInViewport();
    expect(await sideways(page), "horizontal overflow of / in px").toBeLessThanOrEqual(0);
  });

  for (const path of ["/", "/statement", "/statement?preset=samsum&accountant=rdp", "/reproduce"]) {
    test(`${path} fits 375 px, every section open`, async ({ page }) => {
      await page.goto(path);
      if (path === "/") {
        await hydrated(page);
        await settled(page);
      }
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 30_000 });
      // Open every closed section (code snippets, excluded options, method settings): what opens must fit too.
      const closed = page.locator("details:not([open]) > summary");
      for (let i = 0; i < 40 && (await closed.count()) > 0; i++) await closed.first().click();
      await expect(closed).toHaveCount(0);
      expect(await sideways(page), `horizontal overflow of ${path} in px`).toBeLessThanOrEqual(0);
    });
  }
});

test("the slider arrow keys move one step of the scale from ε = 1 and from 1,000,000 queries", async ({ page }) => {
  await page.goto("/?eps=1&queries=1000000&accountant=rdp");
  await hydrated(page);
  await settled(page);
  const eps = page.getByLabel("ε (epsilon)", { exact: true });
  const epsSlider = page.getByRole("slider", { name: "ε (epsilon), log-scale slider" });
  await expect(epsSlider).toHaveAttribute("aria-valuetext", "ε = 1");
  await epsSlider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(eps).toHaveValue("1.2");
  await expect(epsSlider).toHaveAttribute("aria-valuetext", "ε = 1.2");
  await page.keyboard.press("ArrowLeft");
  await expect(eps).toHaveValue("1");
  await page.keyboard.press("ArrowLeft");
  await expect(eps).toHaveValue("0.8");
  await expect(page).toHaveURL(/[?&]eps=0\.8(&|$)/);

  const queries = page.getByLabel("Queries to answer", { exact: true });
  const qSlider = page.getByRole("slider", { name: "Queries to answer, log-scale slider" });
  await expect(qSlider).toHaveAttribute("aria-valuetext", "1,000,000 queries");
  await qSlider.focus();
  await page.keyboard.press("ArrowUp");
  await expect(queries).toHaveValue("1200000");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(queries).toHaveValue("800000");
  await expect(page).toHaveURL(/[?&]queries=800000(&|$)/);
});

test("arrowing through the Preset select loads and recomputes nothing until Enter", async ({ page }) => {
  await page.goto("/?accountant=rdp");
  await hydrated(page);
  await settled(page);
  const preset = page.getByLabel("Preset", { exact: true });
  const records = page.getByLabel("Private records N", { exact: true });
  await expect(records).toHaveValue("66674");
  const url = page.url();
  const before = await evaluations(page);

  await preset.focus();
  await page.keyboard.press("ArrowDown"); // Trec
  await page.keyboard.press("ArrowDown"); // Mpqa
  await expect(preset).toHaveValue("mpqa");
  await expect(page.getByText(/^Mpqa .* is not loaded yet: press Enter/)).toBeVisible();
  await page.waitForTimeout(800); // past the URL debounce (200 ms) and an engine round trip
  expect(page.url()).toBe(url);
  expect(await evaluations(page)).toBe(before);
  await expect(records).toHaveValue("66674");

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]preset=mpqa(&|$)/);
  await expect(records).toHaveValue("8603");
  await settled(page);
  expect(await evaluations(page)).toBe(before + 1);
});

test("the default load shows no δ warning and labels δ = 1/N as the study's choice", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  const field = page.locator(".field").filter({ has: page.getByLabel("δ (delta)", { exact: true }) });
  await expect(field).toContainText("the study’s choice for every experiment");
  await expect(field.locator(".field-warning")).toHaveCount(0);
});

test("switching to Custom lists the fields to set and marks those still the dataset's", async ({ page }) => {
  await page.goto("/?preset=samsum&accountant=rdp");
  await hydrated(page);
  await settled(page);
  await page.getByLabel("Preset", { exact: true }).selectOption("custom");
  await expect(page).toHaveURL(/[?&]preset=custom(&|$)/);
  const checklist = page.getByRole("note", { name: /A custom scenario: set these for your data/ });
  await expect(checklist).toContainText("To set: Private records N, now 14,732, still SAMSum’s");
  await expect(checklist).toContainText("To set: Input and output tokens per record, still SAMSum’s averages");
  const n = page.getByLabel("Private records N", { exact: true });
  await expect(page.locator(".must-set").filter({ has: n })).toContainText("To set: still SAMSum’s N");
  // The token counter is open right below the token fields.
  await expect(page.getByLabel("Sample record or query")).toBeVisible();
  await n.fill("5000");
  await expect(checklist).toContainText("Set: Private records N, now 5,000.");
  await expect(page.locator(".must-set").filter({ has: n })).toHaveCount(0);
});
