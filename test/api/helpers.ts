import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

/** The CLI as a child process: the oracle the API must match byte for byte (issue #7: "exactly the CLI's estimate JSON"). */
export function cliEstimate(query: string, ...flags: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "lib", "cli", "launch.cjs"), "estimate", "--query", query, ...flags], { encoding: "utf8", cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parsed JSON bodies are checked field by field in the tests, so a loose type is what they need. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export const BASE = "http://localhost/api/v1/estimate";

export function get(query: string, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${query ? `?${query}` : ""}`, { headers });
}

export function post(body: BodyInit | null, options: { query?: string; contentType?: string | null; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const contentType = options.contentType === undefined ? "application/json" : options.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  return new Request(`${BASE}${options.query ? `?${options.query}` : ""}`, { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
}

export async function readJson(response: Response): Promise<{ status: number; json: Json; text: string; headers: Headers }> {
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, text, headers: response.headers };
}
