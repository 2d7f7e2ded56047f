/** @jest-environment node */
/**
 * The security headers as configured: next.config.js headers() (static, every response) and
 * proxy.ts (the page's per-request CSP nonce). The e2e suite checks the same headers on the
 * running server (test/e2e/security.spec.ts).
 */
import { NextRequest } from "next/server";
import { config as proxyConfig, makeNonce, pageCsp, proxy } from "@/proxy";

// next.config.js is CommonJS; require keeps it exactly as Next loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nextConfig = require("../../next.config.js") as { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };

type Directives = Map<string, string[]>;

function parseCsp(csp: string): Directives {
  const out: Directives = new Map();
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(out.has(name)).toBe(false); // a repeated directive is ignored by browsers: a bug
    out.set(name.toLowerCase(), values);
  }
  return out;
}

async function headersFor(source: string): Promise<Record<string, string>> {
  const rules = await nextConfig.headers();
  const rule = rules.find((r) => r.source === source);
  if (!rule) throw new Error(`no headers rule for ${source}`);
  return Object.fromEntries(rule.headers.map((h) => [h.key.toLowerCase(), h.value]));
}

describe("next.config.js headers()", () => {
  test("every response gets nosniff, no-referrer, DENY framing and a Permissions-Policy", async () => {
    const h = await headersFor("/:path*");
    expect(h["x-content-type-options"]).toBe("nosniff");
    // Share links carry the scenario in the query string: never send it to another site.
    expect(["no-referrer", "same-origin", "strict-origin"]).toContain(h["referrer-policy"]);
    expect(h["x-frame-options"]).toBe("DENY");
    const pp = h["permissions-policy"];
    expect(pp).toBeDefined();
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]) {
      expect(pp).toContain(`${feature}=()`);
    }
    // "Copy link" writes the clipboard: that alone stays allowed, for this origin only.
    expect(pp).toContain("clipboard-write=(self)");
    // A second CSP from here would be enforced on top of the proxy's; pages get theirs there.
    expect(h["content-security-policy"]).toBeUndefined();
  });

  test("the API gets a policy that lets nothing run, load or frame it", async () => {
    const d = parseCsp((await headersFor("/api/:path*"))["content-security-policy"] ?? "");
    expect(d.get("default-src")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  });

  test("the rules cover every path, including the API", async () => {
    const rules = await nextConfig.headers();
    expect(rules.map((r) => r.source)).toEqual(expect.arrayContaining(["/:path*", "/api/:path*"]));
  });
});

describe("proxy.ts page policy", () => {
  const nonce = "abcdefghijklmnopqrstuv==";

  test("production policy: self only, nonce-locked scripts, no eval, no plugins, no framing", () => {
    const d = parseCsp(pageCsp(nonce, false));
    expect(d.get("default-src")).toEqual(["'self'"]);
    const script = d.get("script-src") ?? [];
    expect(script).toContain(`'nonce-${nonce}'`);
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(script.some((s) => s.startsWith("http") || s === "*" || s === "data:" || s === "blob:")).toBe(false);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  test("no directive names another origin: nothing third-party can load", () => {
    for (const [name, values] of parseCsp(pageCsp(nonce, false))) {
      for (const v of values) expect({ name, v, ok: /^('[^']+'|data:|blob:)$/.test(v) }).toEqual({ name, v, ok: true });
    }
  });

  test("'unsafe-eval' appears only in development", () => {
    expect(parseCsp(pageCsp(nonce, true)).get("script-src")).toContain("'unsafe-eval'");
    expect(parseCsp(pageCsp(nonce, false)).get("script-src")).not.toContain("'unsafe-eval'");
  });

  test("nonces are 128-bit base64 and never repeat", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const n = makeNonce();
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      seen.add(n);
    }
    expect(seen.size).toBe(1000);
  });

  test("proxy() puts the same fresh nonce on the request (for Next's scripts) and the response", () => {
    const a = proxy(new NextRequest("http://127.0.0.1/?eps=3"));
    const b = proxy(new NextRequest("http://127.0.0.1/?eps=3"));
    const csp = a.headers.get("content-security-policy") ?? "";
    const n = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(n).toBeDefined();
    // NextResponse.next({ request: { headers } }) forwards overridden request headers like this.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(n);
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
  });

  test("the matcher covers pages and skips the API and the build's static files", () => {
    const source = proxyConfig.matcher[0] ?? "";
    const re = new RegExp(`^${source}$`);
    for (const p of ["/", "/reproduce", "/statement", "/opengraph-image", "/nothing"]) expect(re.test(p)).toBe(true);
    for (const p of ["/api/ping", "/api/v1/estimate", "/_next/static/chunks/a.js"]) expect(re.test(p)).toBe(false);
  });
});
