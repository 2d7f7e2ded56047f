// @ts-check

/**
 * Security headers sent on every response. The page's Content-Security-Policy needs a fresh
 * nonce per request, so proxy.ts sets it; everything static lives here.
 * - Referrer-Policy no-referrer: a share link's query string is the user's scenario; it must
 *   never reach another site in a Referer header.
 * - Permissions-Policy: the calculator needs no device, sensor or payment API; clipboard-write
 *   stays allowed for this origin ("Copy link"). Only features Chromium recognises are listed,
 *   since unknown ones are console errors.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer=()", "autoplay=()", "camera=()", "display-capture=()", "encrypted-media=()", "fullscreen=()",
      "geolocation=()", "gyroscope=()", "hid=()", "idle-detection=()", "magnetometer=()", "microphone=()", "midi=()",
      "payment=()", "picture-in-picture=()", "publickey-credentials-get=()", "screen-wake-lock=()", "serial=()",
      "usb=()", "xr-spatial-tracking=()", "browsing-topics=()", "clipboard-read=()", "clipboard-write=(self)",
    ].join(", "),
  },
];

/** The API returns JSON (and the OpenAPI document): nothing in it may run, load or be framed. */
const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // nuqs ships ESM only; listing it here is also what lets next/jest transform it.
  transpilePackages: ["nuqs"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiCsp }] },
    ];
  },
};

module.exports = nextConfig;
