/**
 * The page as a visitor meets it (issue #8 §1): renders and hydrates at desktop and phone width
 * with screenshots kept as artefacts, a bad link shows the banner and nothing breaks, and axe
 * finds no serious or critical accessibility violation.
 */
import { expect, hydrated, screenshot, seriousViolations, test } from "./fixtures";

const BAD_LINK = "/?eps=abc&queries=-5&methods=nope,dp-icl&n=1.5";

for (const width of [1280, 375]) {
  test(`the default page at ${width} px: renders, hydrates, screenshot, no serious axe violation`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.goto("/");
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // The charts load when they come near the viewport (below the tables); the screenshot and axe should see them.
    await page.locator("figure.chart").last().scrollIntoViewIfNeeded();
    await expect(page.locator("svg.recharts-surface").first()).toBeVisible({ timeout: 20_000 });
    await expect(page.locator("[aria-busy='true']")).toHaveCount(0, { timeout: 30_000 }); // PRV figures have arrived
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, testInfo, `home-${width}`);
    // Closed sections render their content on first open (components/lazy-details.tsx): open them
    // all so axe scans the method settings and every chart's data table too.
    const closed = page.locator("details:not([open]) > summary");
    for (let i = 0; i < 40 && (await closed.count()) > 0; i++) await closed.first().click();
    await expect(closed).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    // Responsive down to 375 px (issue #6): the page itself never scrolls sideways (wide tables may scroll in their own box).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "horizontal overflow of the page in px").toBeLessThanOrEqual(1);
    // A figure never breaks inside its cell (δ printed "1.50e-" over "5" before 2026-11-27).
    const wrappedFigures = await page.locator("table.privacy-table td.num, table.comparison-table td.num").evaluateAll((cells) =>
      cells.filter((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      }).map((c) => c.textContent));
    expect(wrappedFigures, "figures broken over two lines").toEqual([]);
    // On a desktop the privacy table fits its column; on a phone it scrolls in its own box.
    if (width === 1280) {
      const sideways = await page.locator(".table-scroll[aria-label='Privacy per method']").evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(sideways, "privacy table's sideways scroll at 1280 px, in px").toBeLessThanOrEqual(1);
    }
  });
}

test("a bad link: the banner names each ignored field, the page still works", async ({ page }, testInfo) => {
  await page.goto(BAD_LINK);
  await hydrated(page);
  const banner = page.locator("main").getByRole("alert").first();
  await expect(banner).toBeVisible();
  // Each ignored field by its label, with what the link held (the wording newcomer-words.test.tsx pins).
  const items = banner.getByRole("listitem");
  await expect(items).toHaveCount(4);
  const held: [string, string][] = [["ε (epsilon)", "eps=abc"], ["Queries to answer", "queries=-5"], ["Methods", "methods=nope,dp-icl"], ["Private records N", "n=1.5"]];
  for (const [i, [label, link]] of held.entries()) {
    await expect(items.nth(i)).toContainText(new RegExp(`^${label.replace(/[()]/g, "\\$&")} .*\\(${link} in the link\\)\\. Allowed: `));
  }
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(page, testInfo, "bad-link-1280");
  expect(await seriousViolations(page)).toEqual([]);
});

test("a link past the 2,000-character cap is refused with the banner, not a crash", async ({ page }) => {
  const res = await page.goto(`/?eps=${"9".repeat(3000)}`);
  expect(res?.status()).toBe(200);
  await hydrated(page);
  await expect(page.locator("main").getByRole("alert").first()).toBeVisible();
});

test.describe("while the HTML streams in", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 1350, height: 940 } });

  // Chromium paints a table before all its rows have parsed. If a row further down had a longer
  // method or model name, its column widened and every column to its right moved (a 25 px layout
  // shift in 1 of 6 desktop loads, 2026-11-27). The server's HTML, cut after k rows, must lay
  // out its columns exactly as the whole table does.
  test("the comparison table's columns keep their widths whatever number of rows has arrived", async ({ page }) => {
    await page.goto("/");
    const widths = () => page.locator("table.comparison-table thead th").evaluateAll((ths) => ths.map((t) => Math.round(t.getBoundingClientRect().width)));
    const full = await widths();
    const rows = await page.locator("table.comparison-table tbody tr").count();
    expect(rows).toBeGreaterThan(20);
    for (const keep of [4, 8, 12, 16, 21, 26, 31]) {
      await page.locator("table.comparison-table tbody tr").nth(keep).evaluate((row) => {
        while (row.nextElementSibling) row.nextElementSibling.remove();
        row.remove();
      });
      expect(await widths(), `column widths with ${keep} of ${rows} rows`).toEqual(full);
      await page.reload();
    }
  });
});
