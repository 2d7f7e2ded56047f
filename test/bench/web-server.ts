/**
 * Helpers for the browser and load benchmarks (`npm run bench:web`, `npm run bench:load`):
 * build when the sources are newer than the build, start `next start` on loopback and stop it by
 * its own PID, describe the machine, and rewrite one section of test/bench/RESULTS-web.md.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const RESULTS_FILE = join(__dirname, "RESULTS-web.md");
/** Port for the benchmarks' own server (3100/3200 belong to other sessions, 3107 to e2e). */
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3300);
export const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** `next build` unless .next/BUILD_ID is newer than every source that goes into the build. */
export function buildIfNeeded(log: (s: string) => void): void {
  const buildId = join(ROOT, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "public", "proxy.ts", "next.config.js", "package.json"].map((p) => join(ROOT, p)).filter(existsSync);
  const stale = !existsSync(buildId) || sources.some((p) => newestMtime(p) > statSync(buildId).mtimeMs);
  if (!stale && !process.argv.includes("--build")) {
    log("build is up to date (.next/BUILD_ID newer than the sources)");
    return;
  }
  log("building (next build)…");
  execFileSync(join(ROOT, "node_modules", ".bin", "next"), ["build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** `node_modules/.bin/next start` on 127.0.0.1: this PID is next-server itself, so killing it leaves no orphan. */
export async function startServer(port = BENCH_PORT): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  try {
    await fetch(`${url}/api/ping`);
    throw new Error(`port ${port} is already in use; set BENCH_PORT`);
  } catch (cause) {
    if (cause instanceof Error && cause.message.includes("already in use")) throw cause;
  }
  const child: ChildProcess = spawn(join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/api/ping`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error("next start did not answer /api/ping within 60 s");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop };
}

export function machine(): Record<string, unknown> {
  let chromium = "unknown";
  try {
    chromium = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // not installed
  }
  let os = "unknown";
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? os;
  } catch {
    // not Linux
  }
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os,
    node: process.version,
    chromium,
    loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const HEADER = `# Web benchmark results

Latest results of \`npm run bench:web\` (test/bench/web.ts) and \`npm run bench:load\`
(test/bench/load.ts), each rewritten by its script. These are benchmarks, not CI gates.
`;

/** Replace (or append) the section between <!-- name:start --> and <!-- name:end -->. */
export function writeSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let text = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, "utf8") : HEADER;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS_FILE, text);
}

export function describeMachine(m: Record<string, unknown>): string {
  return `${String(m.cpu)} (${String(m.cores)} cores), ${String(m.memoryGiB)} GiB, ${String(m.os)}, Node ${String(m.node)}, ${String(m.chromium)}; load average ${String(m.loadAverage1m)} at the start`;
}
