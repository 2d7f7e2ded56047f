/**
 * Renders /api/v1/og for each query given on the command line and prints one JSON line per image.
 * Run as a child process by og-route.test.tsx: next/og loads its renderer with a dynamic ESM import,
 * which Jest's module system cannot run without --experimental-vm-modules; tsx can.
 */
import { createHash } from "node:crypto";
import { GET } from "../../app/api/v1/og/route";

async function main() {
  for (const query of process.argv.slice(2)) {
    const r = GET(new Request(`http://localhost/api/v1/og?${query}`));
    const bytes = Buffer.from(await r.arrayBuffer());
    console.log(JSON.stringify({
      query,
      status: r.status,
      contentType: r.headers.get("content-type"),
      cacheControl: r.headers.get("cache-control"),
      signature: [...bytes.subarray(0, 8)],
      width: bytes.readUInt32BE(16),
      height: bytes.readUInt32BE(20),
      sha256: createHash("sha256").update(bytes).digest("hex"),
    }));
  }
}

void main();
