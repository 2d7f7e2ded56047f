/**
 * Security in the running production server (issue #8 §4): headers on every kind of response,
 * a CSP that Next's own scripts satisfy (every script nonced, nothing blocked), no request to any
 * other host, and no share-link value reflected unescaped into the HTML.
 */
import { KNOWN_KEYS, SCRIPT_PAYLOADS } from "../fuzz/adversarial";
import { expect, hydrated, test } from "./fixtures";

const STATIC_HEADERS: Record<string, string | RegExp> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": /^(no-referrer|same-origin|strict-origin)$/,
  "x-frame-options": "DENY",
  "permissions-policy": /camera=\(\)/,
};

function expectStaticHeaders(headers: Record<string, string>, what: string): void {
  for (const [name, want] of Object.entries(STATIC_HEADERS)) {
    const got = headers[name];
    expect(got, `${name} on ${what}`).toBeDefined();
    if (typeof want === "string") expect(got, `${name} on ${what}`).toBe(want);
    else expect(got, `${name} on ${what}`).toMatch(want);
  }
}

test.describe("security headers", () => {
  test("the page: static headers and a nonce CSP without unsafe-inline, unsafe-eval or other origins", async ({ request }) => {
    const res = await request.get("/");
    expect(res.status()).toBe(200);
    const h = res.headers();
    expectStaticHeaders(h, "/");
    const csp = h["content-security-policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);
    expect(csp).not.toMatch(/https?:\/\//);
    // Every script in the HTML carries this response's nonce, so none is blocked.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A new nonce per response.
    const again = (await request.get("/")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  for (const path of ["/api/ping", "/api/v1/estimate?accountant=rdp", "/api/v1/estimate?eps=not-a-number", "/api/v1/openapi.json"]) {
    test(`${path}: static headers and a deny-all policy`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBeLessThan(500);
      const h = res.headers();
      expectStaticHeaders(h, path);
      expect(h["content-security-policy"]).toContain("default-src 'none'");
      expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    });
  }

  test("static files and a missing page get the static headers too", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeDefined();
    expectStaticHeaders((await request.get(chunk!)).headers(), chunk!);
    const missing = await request.get("/no-such-page");
    expect(missing.status()).toBe(404);
    expectStaticHeaders(missing.headers(), "a 404");
    expect(missing.headers()["content-security-policy"]).toContain("'nonce-");
  });
});

test.describe("the page in the browser", () => {
  test("loads, hydrates and runs under the CSP with no request beyond this server", async ({ page, watch }) => {
    await page.goto("/");
    await hydrated(page);
    // Charts load lazily and the Web Worker starts after hydration: wait for both, then a moment more.
    await page.locator("figure.chart").last().scrollIntoViewIfNeeded();
    await expect(page.locator("svg.recharts-surface").first()).toBeVisible({ timeout: 20_000 });
    await expect(page.locator("[aria-busy='true']")).toHaveCount(0, { timeout: 20_000 });
    await page.waitForTimeout(500);
    // The fixture fails the test on any CSP report in the console and on any foreign request.
    expect(watch.foreignRequests).toEqual([]);
  });

  // Both routes exist (app/statement/page.tsx, app/reproduce/page.tsx): a 404 is a regression, not a skip.
  for (const path of ["/statement", "/reproduce"]) {
    test(`${path} hydrates under the CSP (every page must be rendered per request to get the nonce)`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status(), `${path} (app${path}/page.tsx)`).toBe(200);
      await hydrated(page);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await page.waitForTimeout(500);
    });
  }

  test("a missing page renders its 404 and still hydrates under the CSP", async ({ page, watch }) => {
    watch.allowConsole.push(/status of 404/);
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("no reflected input", () => {
  // Keys whose values the page may echo, plus a key that is itself a payload (unknown keys are echoed in warnings).
  const keys = [...KNOWN_KEYS, "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"];
  /** Groups of keys whose query stays under the codec's 2,000-character cap, so each key is read. */
  function batches(payload: string): string[] {
    const out: string[] = [];
    let current: string[] = [];
    for (const key of keys) {
      const pair = `${encodeURIComponent(key)}=${encodeURIComponent(payload)}`;
      if ([...current, pair].join("&").length > 1900) {
        out.push(current.join("&"));
        current = [];
      }
      current.push(pair);
    }
    if (current.length) out.push(current.join("&"));
    return out;
  }

  const DANGEROUS = [/<script>alert\(1\)<\/script>/i, /<img src=x onerror=alert\(1\)>/i, /<svg onload=alert\(1\)>/i, /href="javascript:/i];

  for (const payload of SCRIPT_PAYLOADS) {
    test(`every key with ${payload}: the HTML escapes it`, async ({ request }) => {
      for (const query of batches(payload)) {
        for (const path of ["/", "/statement"]) {
          const res = await request.get(`${path}?${query}`);
          // Both pages exist (app/page.tsx, app/statement/page.tsx): a 404 would hide the check, so it fails.
          expect(res.status(), `${path}?${query.slice(0, 80)}`).not.toBe(404);
          expect(res.status(), `${path}?${query.slice(0, 80)}`).toBeLessThan(500);
          const html = await res.text();
          for (const re of DANGEROUS) expect(re.test(html), `${re} in ${path}?${query.slice(0, 120)}`).toBe(false);
        }
      }
    });
  }

  test("in the browser a payload link shows the banner as text and runs nothing", async ({ page }) => {
    let dialogs = 0;
    page.on("dialog", async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    const q = `eps=${encodeURIComponent(SCRIPT_PAYLOADS[0])}&queries=${encodeURIComponent(SCRIPT_PAYLOADS[1])}&${encodeURIComponent(SCRIPT_PAYLOADS[0])}=1`;
    await page.goto(`/?${q}`);
    await hydrated(page);
    const alert = page.locator("main").getByRole("alert").first();
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("eps");
    await expect(page.locator("img[src='x']")).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});

test("link-preview metadata points at the host the page was served as, never at localhost", async ({ request }) => {
  // Without metadataBase Next resolved the root opengraph-image against http://localhost:<port>
  // (app/layout.tsx now sets it from the request, as the page's own metadata already did).
  for (const path of ["/", "/reproduce", "/statement", "/?eps=2"]) {
    const html = await (await request.get(path, { headers: { "x-forwarded-host": "privadapt.example", "x-forwarded-proto": "https" } })).text();
    const images = [...html.matchAll(/<meta property="og:image" content="([^"]+)"/g)].map((m) => m[1]!);
    expect(images.length, `og:image on ${path}`).toBeGreaterThan(0);
    for (const url of images) expect(url, path).toMatch(/^https:\/\/privadapt\.example\//);
  }
});
