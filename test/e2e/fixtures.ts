/**
 * Shared fixtures: every test fails on a console error, an uncaught page error or a request to
 * any host but this server (the scenario must never leave the browser), unless it says which
 * console messages it expects.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";

export interface Watch {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  /** Console errors matching these are expected by the test (e.g. the 404 of a missing page). */
  allowConsole: RegExp[];
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
  return LOOPBACK.has(u.hostname);
}

export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ page }, use) => {
      const watch: Watch = { consoleErrors: [], pageErrors: [], foreignRequests: [], allowConsole: [] };
      page.on("console", (m) => {
        if (m.type() === "error" || (m.type() === "warning" && /Content Security Policy|Permissions-Policy/i.test(m.text()))) {
          watch.consoleErrors.push(m.text());
        }
      });
      page.on("pageerror", (e) => watch.pageErrors.push(String(e)));
      page.on("request", (r) => {
        if (!isLocal(r.url())) watch.foreignRequests.push(r.url());
      });
      // Belt and braces: nothing may reach the network beyond loopback even if a check is missed.
      await page.route((url) => !isLocal(url.toString()), (route) => route.abort("blockedbyclient"));
      await use(watch);
      const unexpected = watch.consoleErrors.filter((t) => !watch.allowConsole.some((re) => re.test(t)));
      expect(watch.pageErrors, "uncaught errors in the page").toEqual([]);
      expect(unexpected, "console errors").toEqual([]);
      expect(watch.foreignRequests, "requests to hosts other than this server").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Wait until the client bundle has hydrated (Next sets window.next once the router is up). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => "next" in window && (window as unknown as { next?: { router?: unknown } }).next?.router !== undefined);
}

/** A full-page screenshot kept as a test artefact (test-results/e2e) and attached to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Axe's serious and critical violations on the page (WCAG 2.0–2.2 A/AA and best practice), each with up to 5 targets. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}
