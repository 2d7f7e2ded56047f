/**
 * The page as a visitor meets it (issue #8 §1): renders and hydrates at desktop and phone width
 * with screenshots kept as artefacts, a bad link shows the banner and nothing breaks, and axe
 * finds no serious or critical accessibility violation.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, hydrated, test } from "./fixtures";

const BAD_LINK = "/?eps=abc&queries=-5&methods=nope,dp-icl&n=1.5";

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

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
  });
}

test("a bad link: the banner names each ignored field, the page still works", async ({ page }, testInfo) => {
  await page.goto(BAD_LINK);
  await hydrated(page);
  const banner = page.locator("main").getByRole("alert").first();
  await expect(banner).toBeVisible();
  for (const field of ["eps", "queries", "methods", "n"]) await expect(banner).toContainText(field);
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
