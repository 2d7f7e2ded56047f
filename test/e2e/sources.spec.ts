/**
 * Sources for keyboard and touch (issue #6): every number's source is in its cell's tooltip
 * (hover) and, one key press away, in the detail row its row's "Sources for …" button opens.
 * Oracle: the tooltip itself — the detail must list the same source text, one line per line.
 * The link asks for the RDP accountant so every figure is final at first paint.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, hydrated, test } from "./fixtures";

const URL = "/?accountant=rdp";

async function open(page: Page): Promise<void> {
  await page.goto(URL);
  await hydrated(page);
  await expect(page.locator("[data-testid^='total-']").first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
}

/** Press Tab until a "Sources for …" button has focus; its accessible name. */
async function tabToSources(page: Page, max = 40): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    if (label.startsWith("Sources for ")) return label;
  }
  throw new Error(`no Sources button within ${max} Tab presses`);
}

const lines = (s: string) => s.split("\n").filter((l) => l.trim() !== "");

test("Tab to a row's Sources button, Enter shows each column's source, Space hides it", async ({ page }) => {
  await open(page);
  const table = page.getByRole("table", { name: "Comparison of methods" });
  await expect(table.locator("tr.sources-row")).toHaveCount(0);
  // Start in the table's scroll region: Tab walks the sort buttons, then the first row's Sources button.
  await page.getByRole("region", { name: "Comparison of methods" }).focus();
  const label = await tabToSources(page);
  expect(label).toMatch(/^Sources for .+ on .+$/);
  const button = table.getByRole("button", { name: label, exact: true });
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const detail = page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);
  await expect(detail).toBeVisible();
  await expect(detail).toContainText(label);
  await expect(table.locator("tr.sources-row")).toHaveCount(1);

  // The row's total cost: the detail lists exactly the tooltip's source, line by line.
  const row = button.locator("xpath=ancestor::tr[1]");
  const title = await row.locator("[data-testid^='total-']").getAttribute("title");
  expect(title).toMatch(/^Total = training \+ queries|^Total unknown/);
  const total = detail.locator("dt", { hasText: /^Total cost \(USD\)/ }).locator("xpath=following-sibling::dd[1]");
  await expect(total.locator(".sources-line")).toHaveText(lines(title!));
  await expect(button).toBeFocused();

  await page.keyboard.press("Space");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(table.locator("tr.sources-row")).toHaveCount(0);
});

test("at 375 px the open detail wraps to the screen, the page does not scroll sideways, and axe finds nothing serious", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await open(page);
  const table = page.getByRole("table", { name: "Comparison of methods" });
  const button = table.getByRole("button", { name: /^Sources for / }).first();
  await button.focus();
  await page.keyboard.press("Enter");
  const detail = page.locator(`[id="${await button.getAttribute("aria-controls")}"] .sources-detail`);
  await expect(detail).toBeVisible();
  const box = (await detail.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "detail's right edge in px").toBeLessThanOrEqual(375);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "horizontal overflow of the page in px").toBeLessThanOrEqual(1);

  // The privacy table's rows have one too.
  const privacy = page.getByRole("table", { name: "Privacy per method" });
  const pButton = privacy.getByRole("button", { name: /^Sources for / }).first();
  await pButton.focus();
  await page.keyboard.press("Enter");
  const pDetail = page.locator(`[id="${await pButton.getAttribute("aria-controls")}"]`);
  await expect(pDetail).toBeVisible();
  await expect(pDetail).toContainText(/ε computed by the (RDP|PRV) accountant/);

  const results = await new AxeBuilder({ page }).include(".results").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  expect(serious).toEqual([]);
});
