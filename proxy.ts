/**
 * Proxy (Next 16's name for middleware): a fresh Content-Security-Policy nonce for every page.
 *
 * Next.js streams its bootstrap and flight data as inline <script>s. A policy without
 * 'unsafe-inline' blocks them unless each carries a nonce, so every page request gets a random
 * nonce here; Next reads it from the request's Content-Security-Policy header and puts it on
 * each script it renders (the page is dynamically rendered, so each response has its own).
 * 'strict-dynamic' then lets those scripts load the page's chunks and the Web Worker.
 *
 * The rest of the security headers (nosniff, Referrer-Policy, Permissions-Policy, X-Frame-Options
 * and the API's own CSP) are static and set in next.config.js, on every response.
 */
import { NextResponse, type NextRequest } from "next/server";

/** 128 random bits, base64: unguessable and new for every request. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page policy. Nothing may load from another origin (no analytics, fonts or CDNs): the
 * scenario in the share link never leaves the browser unless the user calls the API.
 * - script-src: only nonced scripts and what they load; `'unsafe-eval'` in development only
 *   (React uses eval there to rebuild server error stacks).
 * - style-src allows inline styles: React server-renders `style` attributes and the charts set
 *   them; styles cannot run code, and every script stays locked to the nonce.
 * - img-src data: and blob: for the charts' PNG/SVG export; worker-src blob: for a Worker built
 *   from a blob URL; connect-src 'self' for the page calling its own API.
 */
export function pageCsp(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  const directives: [string, string][] = [
    ["default-src", "'self'"],
    ["script-src", `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`],
    ["style-src", "'self' 'unsafe-inline'"],
    ["img-src", "'self' data: blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["worker-src", "'self' blob:"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ["frame-src", "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join("; ");
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = makeNonce();
  const csp = pageCsp(nonce);
  const requestHeaders = new Headers(request.headers);
  // Next.js takes the nonce for its own scripts from the request's CSP header; x-nonce is for
  // any server component that renders a <Script> of its own.
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Pages only. The API (JSON, with its own stricter policy from next.config.js) and the
    // build's static files (cached, no inline scripts; a worker script must not inherit the
    // page's nonce policy) are left out.
    "/((?!api/|_next/static/|_next/image).*)",
  ],
};
