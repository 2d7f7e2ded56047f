/**
 * A page a newcomer understands at a glance (issue #19), in a real browser: the compact
 * comparison table fits 1280 px with its accuracy and leakage cells on screen; it scrolls in its
 * own box with a sticky header and first column only when asked for more columns; the filters
 * and the side-by-side view work; every row links to the statement of its own option; /statement
 * and /reproduce do not scroll sideways at 375 px; and screenshots of /, /statement and /reproduce
 * at 1280 and 375 px, light and dark, are kept as artefacts (test-results/e2e, see
 * playwright.config.ts) with axe finding nothing serious or critical on any of them.
 *
 * Links ask for the RDP accountant so every figure is final at first paint.
 */
import type { Page } from "@playwright/test";
import { expect, hydrated, screenshot, seriousViolations, test } from "./fixtures";

const HOME = "/?accountant=rdp";
const STATEMENT = "/statement?accountant=rdp";
const REPRODUCE = "/reproduce";

async function settled(page: Page): Promise<void> {
  await hydrated(page);
  await expect(page.locator("[data-testid^='total-']").first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
}

/** How far the page itself scrolls sideways, in px (0 when it fits). */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const table = (page: Page) => page.getByRole("table", { name: "Comparison of methods" });
const scrollBox = (page: Page) => page.getByRole("region", { name: "Comparison of methods" });
const bodyRows = (page: Page) => table(page).locator("tbody > tr:not(.sources-row)");

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the compact table fits with no sideways scroll, and a row's accuracy and leakage cells are on screen", async ({ page }) => {
    await page.goto(HOME);
    await settled(page);
    const headers = await table(page).locator("thead th").allTextContents();
    expect(headers.map((h) => h.replace(/[▲▼]/g, "").trim())).toEqual(["Method", "Model", "Total cost (USD)", "Accuracy in the study (%)", "ε achieved", "Provider receives", "This option"]);
    const sideways = await scrollBox(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(sideways, "comparison table's sideways scroll at 1280 px, in px").toBeLessThanOrEqual(1);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(1);
    const first = bodyRows(page).first();
    // Centred, not "if needed": that aligns the row's bottom edge with the viewport's, and a scroll
    // offset is a whole pixel while rows are fractional (50.375 px), so 0.17 px of it stayed below
    // the viewport (ratio 0.9966) though the table fits sideways; the width checks below are the point.
    await first.evaluate((el) => el.scrollIntoView({ block: "center" }));
    for (const cls of ["col-utility", "col-provider", "col-option"]) {
      const cell = first.locator(`td.${cls}`);
      await expect(cell).toBeInViewport({ ratio: 1 });
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width, `${cls} right edge in px`).toBeLessThanOrEqual(1280);
    }
    // The accuracy cell says what kind of figure it is; the leakage cell says what the provider receives.
    await expect(first.locator("td.col-utility .kind-badge")).toHaveText(/measured|interpolated|reference|not measured/);
    await expect(first.locator("td.col-provider .badge").first()).toHaveText(/private records|queries|nothing|DP/);
  });

  test("More columns scrolls in its own box, with the header and the method column pinned", async ({ page }) => {
    await page.goto(HOME);
    await settled(page);
    await page.getByRole("checkbox", { name: "More columns" }).check();
    await expect(table(page).locator("thead th")).toHaveCount(14);
    const box = scrollBox(page);
    const sideways = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(sideways, "all columns are wider than the results column").toBeGreaterThan(0);
    await box.evaluate((el) => { el.scrollLeft = el.scrollWidth; el.scrollTop = 300; });
    const boxRect = (await box.boundingBox())!;
    // A row header of a row still in the box after scrolling down, and the first header cell.
    const rowHeader = await bodyRows(page).locator("th[scope='row']").evaluateAll(
      (ths, top) => ths.findIndex((t) => t.getBoundingClientRect().top > top + 60), boxRect.y);
    expect(rowHeader).toBeGreaterThanOrEqual(0);
    const rh = (await bodyRows(page).locator("th[scope='row']").nth(rowHeader).boundingBox())!;
    expect(Math.abs(rh.x - boxRect.x), "row header pinned at the box's left edge, px").toBeLessThanOrEqual(2);
    const head = (await table(page).locator("thead th").first().boundingBox())!;
    expect(Math.abs(head.y - boxRect.y), "header pinned at the box's top edge, px").toBeLessThanOrEqual(2);
  });

  test("filters: nothing leaves my machines keeps only rows whose provider receives nothing; measured only keeps measured figures", async ({ page }) => {
    await page.goto(HOME);
    await settled(page);
    const all = await bodyRows(page).count();
    await page.getByRole("checkbox", { name: "Nothing leaves my machines" }).check();
    const local = await bodyRows(page).count();
    expect(local).toBeGreaterThan(0);
    expect(local).toBeLessThan(all);
    for (const text of await bodyRows(page).locator("td.col-provider").allTextContents()) expect(text).toBe("nothing");
    await page.getByRole("checkbox", { name: "Nothing leaves my machines" }).uncheck();
    await page.getByRole("checkbox", { name: "Measured accuracy only" }).check();
    for (const text of await bodyRows(page).locator(".kind-badge").allTextContents()) expect(text).toMatch(/^measured/);
  });

  test("two picked rows are shown side by side", async ({ page }) => {
    await page.goto(HOME);
    await settled(page);
    const boxes = bodyRows(page).getByRole("checkbox", { name: /^Compare / });
    const names = [await boxes.nth(0).getAttribute("aria-label"), await boxes.nth(1).getAttribute("aria-label")].map((n) => n!.replace(/^Compare /, ""));
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect(page.getByRole("table", { name: `${names[0]} vs ${names[1]}` })).toBeVisible();
  });

  test("/reproduce: its tables are not clipped at the right edge", async ({ page }) => {
    // Before: the two cost tables were 54 and 49 px wider than their boxes at 1280 px, the last
    // column cut off with no cue (measured in Chromium on a static render of the page, 2026-12-03).
    await page.goto(REPRODUCE);
    await expect(page.getByRole("heading", { level: 1, name: "Reproduce the study" })).toBeVisible();
    const sideways = await page.locator(".table-scroll").evaluateAll((boxes) => boxes.map((b) => b.scrollWidth - b.clientWidth));
    expect(sideways.length).toBeGreaterThanOrEqual(3);
    for (const [i, px] of sideways.entries()) expect(px, `table ${i + 1}'s sideways scroll at 1280 px, in px`).toBeLessThanOrEqual(1);
  });

  test("each row has a statement link, and it opens the statement of that option", async ({ page }) => {
    await page.goto(HOME);
    await settled(page);
    const rows = await bodyRows(page).count();
    const links = bodyRows(page).getByRole("link", { name: /^Statement for / });
    await expect(links).toHaveCount(rows);
    // Not the top pick: a row further down.
    const link = links.nth(5);
    const option = (await link.getAttribute("aria-label"))!.replace(/^Statement for /, "");
    await link.click();
    await expect(page).toHaveURL(/\/statement\?.*method=.*&model=/);
    await expect(page.getByRole("heading", { level: 2, name: `Chosen option: ${option}` })).toBeVisible();
    // No "parts of this link were ignored" banner (scoped to main: Next's route announcer is an alert too).
    await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  });
});

for (const width of [1280, 375]) {
  for (const scheme of ["light", "dark"] as const) {
    test(`screenshots at ${width} px, ${scheme}: /, /statement and /reproduce fit the width; axe finds nothing serious`, async ({ page }, testInfo) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.emulateMedia({ colorScheme: scheme });

      await page.goto(HOME);
      await settled(page);
      await screenshot(page, testInfo, `home-${width}-${scheme}`);
      expect(await pageOverflow(page), "/ sideways overflow, px").toBeLessThanOrEqual(1);
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(STATEMENT);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await screenshot(page, testInfo, `statement-${width}-${scheme}`);
      expect(await pageOverflow(page), "/statement sideways overflow, px").toBeLessThanOrEqual(1);
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(REPRODUCE);
      await expect(page.getByRole("heading", { level: 1, name: "Reproduce the study" })).toBeVisible();
      await screenshot(page, testInfo, `reproduce-${width}-${scheme}`);
      expect(await pageOverflow(page), "/reproduce sideways overflow, px").toBeLessThanOrEqual(1);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}
