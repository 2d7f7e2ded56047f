/**
 * Browser tests (issue #8 §1): Playwright driving Debian's Chromium (/usr/bin/chromium; never
 * `npx playwright install`) against the production build, started here with
 * `next start` on 127.0.0.1:3107. Run with `npm run build && npm run test:e2e`; .ci/run does both.
 * Artefacts (screenshots, traces of failures) go to test-results/, which git ignores.
 */
import { defineConfig, devices } from "@playwright/test";

export const PORT = 3107;
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "../../test-results/e2e",
  timeout: 60_000, // the default page computes PRV in a Web Worker after load: seconds on a busy 2-core machine
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  webServer: {
    // node_modules/.bin/next, not npx: the PID Playwright kills is then the server itself (npx leaves next-server orphaned).
    command: `node_modules/.bin/next start -p ${PORT} -H 127.0.0.1`,
    cwd: "../..",
    url: `${BASE_URL}/api/ping`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});
