/**
 * Renders /api/v1/og for each query given on the command line and prints one JSON line per image.
 * Run as a child process by og-route.test.tsx: next/og loads its renderer with a dynamic ESM import,
 * which Jest's module system cannot run without --experimental-vm-modules; tsx can.
 */
import { createHash } from "node:crypto";
import { GET } from "../../app/api/v1/og/route";

async function main() {
  for (const query of process.argv.slice(2)) {
    const url = `http://localhost/api/v1/og?${query}`;
    const r = await GET(new Request(url));
    const bytes = Buffer.from(await r.arrayBuffer());
    const etag = r.headers.get("etag");
    const again = await GET(new Request(url));
    const againBytes = Buffer.from(await again.arrayBuffer());
    const conditional = await GET(new Request(url, { headers: { "if-none-match": etag ?? "" } }));
    console.log(JSON.stringify({
      query,
      status: r.status,
      contentType: r.headers.get("content-type"),
      cacheControl: r.headers.get("cache-control"),
      signature: [...bytes.subarray(0, 8)],
      width: bytes.readUInt32BE(16),
      height: bytes.readUInt32BE(20),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      etag,
      againSame: againBytes.equals(bytes),
      conditionalStatus: conditional.status,
      conditionalBodyBytes: (await conditional.arrayBuffer()).byteLength,
    }));
  }
}

void main();
