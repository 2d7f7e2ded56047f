/** @jest-environment node */
/**
 * The estimate API's own content coding: bytes and compressed variants kept in the memo, one
 * strong ETag per coding, 304 for each, `Vary: Accept-Encoding`, a Content-Length that is the
 * length of the bytes sent. Oracles: node:zlib (decompressing gives exactly the identity bytes),
 * RFC 9110 §12.5.3 (Accept-Encoding) and §8.8.3 (a strong tag names one sequence of bytes).
 * The codings are exercised through respondToEstimate + toResponse: the Next route cannot label a
 * coded body (Next 16.4 drops Content-Encoding from route-handler Responses), so it sends identity.
 */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { GET as routeGET } from "@/app/api/v1/estimate/route";
import {
  EncodedBody, LruCache, PER_REQUEST_COMPRESSION, cachedEstimate, clearEstimateCache, negotiateContentCoding, readBodyCapped,
  respondToEstimate, toResponse,
} from "@/lib/api";
import { parseScenario } from "@/lib";
import { get, post } from "./helpers";

const Q = "accountant=rdp&preset=trec&eps=3&methods=dp-icl,private-lora&dp-icl.shots=2";

/** The route's core with Accept-Encoding passed on, as a host that can send Content-Encoding would call it. */
async function core(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  return toResponse(respondToEstimate({
    method,
    query: url.search,
    contentType: request.headers.get("content-type"),
    body: method === "POST" ? await readBodyCapped(request) : undefined,
    ifNoneMatch: request.headers.get("if-none-match"),
    acceptEncoding: request.headers.get("accept-encoding"),
  }));
}
const GET = core;
const HEAD = core;
const POST = core;

async function bytesOf(r: Response): Promise<Buffer> {
  return Buffer.from(await r.arrayBuffer());
}

beforeAll(() => clearEstimateCache());

describe("negotiateContentCoding (RFC 9110 §12.5.3)", () => {
  test.each([
    [null, "identity"],
    ["", "identity"],
    ["gzip", "gzip"],
    ["gzip, deflate", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0.5, gzip", "gzip"],
    ["gzip;q=0, br;q=0", "identity"],
    ["deflate", "identity"],
    ["x-gzip", "gzip"],
    ["*", "br"],
    ["*;q=0, gzip", "gzip"],
    ["identity;q=0, deflate", "identity"],
    ["GZIP ; Q=1", "gzip"],
    ["gzip;q=abc, br;q=2", "identity"],
    ["gzip;q=0.001, identity;q=0.5", "identity"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateContentCoding(header)).toBe(expected);
  });
});

describe("EncodedBody", () => {
  test("identity is the UTF-8 bytes; each coding decompresses to them and is made once", () => {
    const text = JSON.stringify({ ε: "σ".repeat(5000), n: [1, 2, 3] });
    let grew = 0;
    const e = new EncodedBody(text, undefined, () => grew++);
    expect(e.identity.equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(e.byteSize).toBe(e.identity.byteLength);
    const gz = e.bytes("gzip");
    expect(e.bytes("gzip")).toBe(gz);
    expect(gunzipSync(gz).equals(e.identity)).toBe(true);
    expect(brotliDecompressSync(e.bytes("br")).equals(e.identity)).toBe(true);
    expect(grew).toBe(2);
    expect(e.byteSize).toBe(e.identity.byteLength + gz.byteLength + e.bytes("br").byteLength);
    expect(gunzipSync(new EncodedBody(text, PER_REQUEST_COMPRESSION).bytes("gzip")).toString("utf8")).toBe(text);
  });

  test("the memo re-accounts an entry that grew (LruCache.refreshSize) and evicts if over the cap", () => {
    const c = new LruCache<string, { n: number }>({ maxEntries: 10, maxSize: 10, sizeOf: (v) => v.n });
    const a = { n: 3 };
    c.set("a", a);
    c.set("b", { n: 3 });
    a.n = 5;
    c.refreshSize("a");
    expect(c.storedSize).toBe(8);
    a.n = 8;
    c.refreshSize("a"); // 11 > 10: the least recently used ("a" was set first) goes
    expect(c.keys()).toEqual(["b"]);
    expect(c.storedSize).toBe(3);
    c.refreshSize("gone");
    expect(c.storedSize).toBe(3);
  });
});

describe("GET with Accept-Encoding", () => {
  let identity: Response;
  let identityBytes: Buffer;
  beforeAll(async () => {
    identity = await GET(get(Q));
    identityBytes = await bytesOf(identity);
  });

  test("identity: Content-Length is the byte length, Vary names Accept-Encoding, no Content-Encoding", () => {
    expect(identity.status).toBe(200);
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(identity.headers.get("content-length")).toBe(String(identityBytes.byteLength));
    expect(identity.headers.get("vary")).toBe("Accept-Encoding");
    expect(identity.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/);
  });

  test.each([
    ["gzip", "gzip, deflate", "-gz", gunzipSync],
    ["br", "gzip, deflate, br", "-br", brotliDecompressSync],
  ] as const)("%s: decompresses to exactly the identity bytes, own strong ETag, right Content-Length", async (coding, header, suffix, decompress) => {
    const r = await GET(get(Q, { "accept-encoding": header }));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-encoding")).toBe(coding);
    expect(r.headers.get("vary")).toBe("Accept-Encoding");
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const wire = await bytesOf(r);
    expect(r.headers.get("content-length")).toBe(String(wire.byteLength));
    expect(wire.byteLength).toBeLessThan(identityBytes.byteLength / 5);
    expect(decompress(wire).equals(identityBytes)).toBe(true);
    expect(r.headers.get("etag")).toBe(`${identity.headers.get("etag")?.slice(0, -1)}${suffix}"`);
    // The second time the memo's compressed bytes are reused as they are.
    const again = await GET(get(Q, { "accept-encoding": header }));
    expect((await bytesOf(again)).equals(wire)).toBe(true);
    expect(again.headers.get("x-estimate-cache")).toBe("hit");
  });

  test("a memo hit without warnings sends the memo's bytes: no new encoding per request", () => {
    const parsed = parseScenario(Q);
    if (!parsed.ok) throw new Error("fixture must parse");
    const memo = cachedEstimate(parsed.scenario).encoded;
    expect(memo).toBeDefined();
    const r = respondToEstimate({ method: "GET", query: Q, acceptEncoding: "gzip" });
    expect(r.encoded).toBe(memo?.bytes("gzip"));
    expect(respondToEstimate({ method: "GET", query: Q }).encoded).toBe(memo?.identity);
  });

  test("HEAD: the coding's headers and Content-Length, no body", async () => {
    const g = await GET(get(Q, { "accept-encoding": "gzip" }));
    const h = await HEAD(new Request(get(Q).url, { method: "HEAD", headers: { "accept-encoding": "gzip" } }));
    expect(h.status).toBe(200);
    expect((await h.arrayBuffer()).byteLength).toBe(0);
    for (const name of ["etag", "content-encoding", "content-length", "vary"]) expect(h.headers.get(name)).toBe(g.headers.get(name));
  });

  test("POST is compressed the same way and decompresses to the GET's identity bytes", async () => {
    const body = Object.fromEntries(new URLSearchParams(Q));
    const p = await POST(post(JSON.stringify(body), { headers: { "accept-encoding": "gzip" } }));
    expect(p.status).toBe(200);
    expect(p.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(await bytesOf(p)).equals(identityBytes)).toBe(true);
  });

  test("warnings make the body the request's own: still compressed correctly, under its own tags", async () => {
    const plain = await GET(get(Q, { "accept-encoding": "gzip" }));
    const r = await GET(get(`${Q}&colour=blue`, { "accept-encoding": "gzip" }));
    expect(r.headers.get("content-encoding")).toBe("gzip");
    const wire = await bytesOf(r);
    expect(r.headers.get("content-length")).toBe(String(wire.byteLength));
    const json = JSON.parse(gunzipSync(wire).toString("utf8"));
    expect(json.warnings.map((w: { field: string }) => w.field)).toEqual(["colour"]);
    expect(r.headers.get("etag")).toMatch(/^"[0-9a-f]{32}-gz"$/);
    expect(r.headers.get("etag")).not.toBe(plain.headers.get("etag"));
    expect(await (await GET(get(`${Q}&colour=blue`))).text()).toBe(gunzipSync(wire).toString("utf8"));
  });

  test("errors are not encoded by the API (Next's compress may gzip them; they carry no ETag)", async () => {
    const r = await GET(get("eps=banana", { "accept-encoding": "gzip" }));
    expect(r.status).toBe(400);
    expect(r.headers.get("content-encoding")).toBeNull();
    expect(r.headers.get("etag")).toBeNull();
  });
});

describe("the Next route", () => {
  test("sends identity bytes whatever the client accepts (Next would drop a Content-Encoding label), cacheable and compressible by Next", async () => {
    const plain = await routeGET(get(Q));
    const r = await routeGET(get(Q, { "accept-encoding": "gzip, br" }));
    expect(r.headers.get("content-encoding")).toBeNull();
    expect(r.headers.get("cache-control")).not.toContain("no-transform");
    expect(r.headers.get("etag")).toBe(plain.headers.get("etag"));
    expect((await bytesOf(r)).equals(await bytesOf(plain))).toBe(true);
  });
});

describe("conditional GET per coding", () => {
  const tags: Record<string, string> = {};
  beforeAll(async () => {
    for (const [coding, header] of [["identity", ""], ["gzip", "gzip"], ["br", "br"]] as const) {
      tags[coding] = (await GET(get(Q, header ? { "accept-encoding": header } : {}))).headers.get("etag") ?? "";
    }
  });

  test("three codings, three distinct tags", () => {
    expect(new Set(Object.values(tags)).size).toBe(3);
  });

  test.each([
    ["identity", "", "identity"],
    ["gzip", "gzip", "gzip"],
    ["br", "br", "br"],
  ])("a client holding the %s body and asking for the same coding → 304 with that tag, Vary kept", async (_n, header, coding) => {
    const r = await GET(get(Q, { "if-none-match": tags[coding] ?? "", ...(header ? { "accept-encoding": header } : {}) }));
    expect(r.status).toBe(304);
    expect(await r.text()).toBe("");
    expect(r.headers.get("etag")).toBe(tags[coding]);
    expect(r.headers.get("vary")).toBe("Accept-Encoding");
    expect(r.headers.get("content-encoding")).toBeNull();
  });

  test("a client holding the gzip body that now asks for identity → 304 with the tag it holds", async () => {
    const r = await GET(get(Q, { "if-none-match": tags.gzip ?? "" }));
    expect(r.status).toBe(304);
    expect(r.headers.get("etag")).toBe(tags.gzip);
  });

  test("* → 304 with the tag of the coding it asked for", async () => {
    const r = await GET(get(Q, { "if-none-match": "*", "accept-encoding": "br" }));
    expect(r.status).toBe(304);
    expect(r.headers.get("etag")).toBe(tags.br);
  });

  test("another scenario's gzip tag does not match", async () => {
    const other = (await GET(get(Q.replace("eps=3", "eps=4"), { "accept-encoding": "gzip" }))).headers.get("etag") ?? "";
    const r = await GET(get(Q, { "if-none-match": other, "accept-encoding": "gzip" }));
    expect(r.status).toBe(200);
  });
});
