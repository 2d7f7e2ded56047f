/** @jest-environment node */
/**
 * Contract tests of /api/v1/estimate, calling the route handlers directly with web-standard
 * Requests. Oracles: the CLI child process (same JSON, byte for byte), `estimateFromInput` and
 * `parseScenario` from lib/index.ts (same errors), RFC 9110 (conditional requests).
 * Scenarios use accountant=rdp where the accountant does not matter: PRV costs seconds cold.
 */
import { GET, HEAD, POST } from "@/app/api/v1/estimate/route";
import { CACHE_CONTROL_RESULT, MAX_BODY_BYTES, clearEstimateCache, estimateSchema } from "@/lib/api";
import { estimateFromInput, parseScenario } from "@/lib";
import { cliEstimate, get, post, readJson } from "./helpers";

const Q = "accountant=rdp&preset=trec&eps=3&methods=dp-icl,private-lora,prompt-pate&dp-icl.shots=2";

beforeAll(() => clearEstimateCache());

describe("GET /api/v1/estimate", () => {
  test("answers exactly the CLI's estimate JSON for the same query string", async () => {
    const cli = cliEstimate(Q);
    expect(cli.code).toBe(0);
    const r = await readJson(await GET(get(Q)));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(r.text).toBe(cli.stdout.trim());
  });

  test("the body satisfies the response schema the OpenAPI document is generated from", async () => {
    const r = await readJson(await GET(get(Q)));
    const parsed = estimateSchema.safeParse(r.json);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(r.json.rows.length).toBeGreaterThan(0);
  });

  test("Cache-Control, a strong ETag and the canonical Content-Location", async () => {
    const r = await GET(get(Q));
    expect(r.headers.get("cache-control")).toBe("public, max-age=3600, stale-while-revalidate=86400");
    expect(r.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/);
    const canonical = (await r.json()).canonical;
    expect(r.headers.get("content-location")).toBe(`/api/v1/estimate?${canonical}`);
  });

  test("identical and equivalent requests are answered from the memo", async () => {
    clearEstimateCache();
    const first = await GET(get(Q));
    expect(first.headers.get("x-estimate-cache")).toBe("miss");
    const again = await GET(get(Q));
    expect(again.headers.get("x-estimate-cache")).toBe("hit");
    // Same scenario, keys reordered and a default spelled out: same canonical link, same memo entry, same ETag.
    const reordered = "dp-icl.shots=2&methods=dp-icl,private-lora,prompt-pate&eps=3&preset=trec&accountant=rdp&v=1";
    const equivalent = await GET(get(reordered));
    expect(equivalent.headers.get("x-estimate-cache")).toBe("hit");
    expect(equivalent.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await equivalent.text()).toBe(await first.text());
  });

  test("unknown keys: warnings in the body (as the CLI), and a different ETag because the body differs", async () => {
    const plain = await GET(get(Q));
    const r = await GET(get(`${Q}&colour=blue`));
    const body = await r.json();
    expect(body.warnings).toEqual(parseScenario(`${Q}&colour=blue`).warnings);
    expect(body.warnings.map((w: { field: string }) => w.field)).toEqual(["colour"]);
    expect(r.headers.get("etag")).not.toBe(plain.headers.get("etag"));
    expect(r.headers.get("x-estimate-cache")).toBe("hit");
  });

  test("HEAD: the GET headers without a body", async () => {
    const g = await GET(get(Q));
    const h = await HEAD(new Request(get(Q).url, { method: "HEAD" }));
    expect(h.status).toBe(200);
    expect((await h.text()).length).toBe(0);
    expect(h.headers.get("etag")).toBe(g.headers.get("etag"));
  });
});

describe("conditional GET (RFC 9110 §13.1.2)", () => {
  let etag = "";
  beforeAll(async () => {
    etag = (await GET(get(Q))).headers.get("etag") ?? "";
  });

  test.each([
    ["the same tag", () => etag],
    ["the tag marked weak (If-None-Match compares weakly)", () => `W/${etag}`],
    ["the tag inside a list", () => `"nope", ${etag}`],
    ["*", () => "*"],
  ])("If-None-Match with %s → 304, no body, validators kept", async (_name, value) => {
    const r = await GET(get(Q, { "if-none-match": value() }));
    expect(r.status).toBe(304);
    expect(await r.text()).toBe("");
    expect(r.headers.get("etag")).toBe(etag);
    expect(r.headers.get("cache-control")).toBe(CACHE_CONTROL_RESULT);
  });

  test("a different tag → 200 with the body", async () => {
    const r = await GET(get(Q, { "if-none-match": '"0000"' }));
    expect(r.status).toBe(200);
    expect((await r.json()).canonical).toContain("preset=trec");
  });

  test("a 304 is answered without computing: a cold memo stays cold", async () => {
    clearEstimateCache();
    const r = await GET(get(Q, { "if-none-match": etag }));
    expect(r.status).toBe(304);
    const next = await GET(get(Q));
    // The engine-version probe warms its own entry only; this scenario was never computed.
    expect(next.headers.get("x-estimate-cache")).toBe("miss");
  });

  test("another scenario has another tag", async () => {
    const r = await GET(get(Q.replace("eps=3", "eps=4")));
    expect(r.headers.get("etag")).not.toBe(etag);
  });
});

describe("POST /api/v1/estimate", () => {
  test("a JSON scenario (arrays, nested knobs, numbers) gives the same body as the equivalent GET", async () => {
    const body = { accountant: "rdp", preset: "trec", eps: 3, methods: ["dp-icl", "private-lora", "prompt-pate"], "dp-icl": { shots: 2 } };
    const p = await readJson(await POST(post(JSON.stringify(body))));
    const g = await readJson(await GET(get(Q)));
    expect(p.status).toBe(200);
    expect(p.text).toBe(g.text);
    expect(p.headers.get("etag")).toBe(g.headers.get("etag"));
  });

  test("lists as comma strings, numbers as strings, flat knob keys: same scenario", async () => {
    const body = { accountant: "rdp", preset: "trec", eps: "3", methods: "dp-icl,private-lora,prompt-pate", "dp-icl.shots": "2" };
    const p = await readJson(await POST(post(JSON.stringify(body), { contentType: "application/json; charset=utf-8" })));
    expect(p.json.canonical).toBe(estimateFromInput(Q).ok && (estimateFromInput(Q) as { estimate: { canonical: string } }).estimate.canonical);
  });

  test("{} is the default scenario's canonical link v=1 (checked on RDP to stay fast)", async () => {
    const p = await readJson(await POST(post(JSON.stringify({ accountant: "rdp" }))));
    expect(p.status).toBe(200);
    expect(p.json.canonical).toBe("v=1&accountant=rdp");
  });
});

describe("400: every field error at once, in the CLI's shape", () => {
  test("GET with three bad fields and a bad option lists all four, scenario errors exactly as the codec words them", async () => {
    const query = "eps=-1&n=abc&methods=foo&batched=maybe";
    const r = await readJson(await GET(get(query)));
    expect(r.status).toBe(400);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["batched", "eps", "methods", "n"]);
    const codec = parseScenario("eps=-1&n=abc&methods=foo");
    expect(codec.ok).toBe(false);
    for (const e of codec.ok ? [] : codec.errors) expect(r.json.errors).toContainEqual(e);
  });

  test("the same errors as the CLI prints on stderr", async () => {
    const query = "eps=0&delta=2&open=not-a-model";
    const cli = cliEstimate(query);
    expect(cli.code).toBe(2);
    const r = await readJson(await GET(get(query)));
    expect(r.json).toEqual(JSON.parse(cli.stderr));
  });

  test("POST: bad values in the body are field errors, every one", async () => {
    const r = await readJson(await POST(post(JSON.stringify({ eps: 0, n: 1.5, closed: ["gpt-9"], "dp-icl": { shots: 0 } }))));
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["closed", "dp-icl.shots", "eps", "n"]);
  });

  test("malformed JSON → field body, with the parser's reason", async () => {
    const r = await readJson(await POST(post('{"eps": 3,')));
    expect(r.status).toBe(400);
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors[0]).toMatchObject({ field: "body", received: '{"eps": 3,' });
    expect(r.json.errors[0].message).toMatch(/^The body is not valid JSON: /);
  });

  test.each([
    ["a JSON array", "[1, 2]"],
    ["JSON null", "null"],
    ["a JSON number", "42"],
  ])("%s is not a scenario → field body", async (_name, text) => {
    const r = await readJson(await POST(post(text)));
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { field: string }) => e.field)).toEqual(["body"]);
  });

  test("an empty body → field body", async () => {
    const r = await readJson(await POST(post("")));
    expect(r.status).toBe(400);
    expect(r.json.errors[0]).toMatchObject({ field: "body", message: "The body is empty" });
  });

  test("wrong content type → field body, and the body's own field errors are listed too", async () => {
    const r = await readJson(await POST(post(JSON.stringify({ eps: -2 }), { contentType: "text/plain" })));
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { field: string }) => e.field)).toEqual(["body", "eps"]);
    expect(r.json.errors[0].message).toContain('"text/plain"');
  });

  test("form-encoded (curl -d's default) → field body twice: wrong type and not JSON", async () => {
    const r = await readJson(await POST(post("eps=3", { contentType: "application/x-www-form-urlencoded" })));
    expect(r.json.errors.map((e: { field: string }) => e.field)).toEqual(["body", "body"]);
  });

  test("missing content type → field body", async () => {
    // A string body would get text/plain from the Request constructor; bytes get no type.
    const r = await readJson(await POST(post(new TextEncoder().encode("{}"), { contentType: null })));
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("Content-Type is missing");
  });

  test(`a body over ${MAX_BODY_BYTES} bytes → field body (declared length)`, async () => {
    const big = JSON.stringify({ note: "x".repeat(MAX_BODY_BYTES) });
    const r = await readJson(await POST(post(big)));
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual([expect.objectContaining({ field: "body", message: expect.stringContaining("16384-byte limit") })]);
  });

  test("a streamed body without a length is cut off at the cap → field body", async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Endless 1 kB chunks: the reader must stop by itself.
        sent += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    const r = await readJson(await POST(post(stream)));
    expect(r.status).toBe(400);
    expect(r.json.errors[0].field).toBe("body");
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 64 * 1024);
  });

  test("invalid UTF-8 → field body", async () => {
    const r = await readJson(await POST(post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))));
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toBe("The body is not valid UTF-8");
  });

  test("scenario keys in a POST's query string are refused (one source of truth)", async () => {
    const r = await readJson(await POST(post("{}", { query: "eps=3" })));
    expect(r.status).toBe(400);
    expect(r.json.errors[0]).toMatchObject({ field: "eps" });
  });

  test("an over-long query string is the codec's `query` error", async () => {
    const r = await readJson(await GET(get(`colour=${"x".repeat(3000)}`)));
    expect(r.status).toBe(400);
    expect(r.json.errors[0].field).toBe("query");
  });
});

describe("cost options (the CLI's flags)", () => {
  const q = "accountant=rdp&preset=samsum&methods=dp-icl,private-lora";

  test("batched=1 is the CLI's --batched, byte for byte", async () => {
    const cli = cliEstimate(q, "--batched");
    const r = await readJson(await GET(get(`${q}&batched=1`)));
    expect(r.text).toBe(cli.stdout.trim());
    expect(r.headers.get("content-location")).toContain("&batched=1");
  });

  test("original-code-calls in a POST body is the CLI's --original-code-calls", async () => {
    const cli = cliEstimate(q, "--original-code-calls");
    const r = await readJson(await POST(post(JSON.stringify({ accountant: "rdp", preset: "samsum", methods: ["dp-icl", "private-lora"], "original-code-calls": true }))));
    expect(r.text).toBe(cli.stdout.trim());
  });

  test("options change the ETag; false is the same as absent", async () => {
    const plain = (await GET(get(q))).headers.get("etag");
    expect((await GET(get(`${q}&batched=1`))).headers.get("etag")).not.toBe(plain);
    expect((await GET(get(`${q}&batched=false`))).headers.get("etag")).toBe(plain);
  });

  test("an option given twice is an error", async () => {
    const r = await readJson(await POST(post(JSON.stringify({ batched: true }), { query: "batched=1" })));
    expect(r.status).toBe(400);
    expect(r.json.errors[0]).toMatchObject({ field: "batched", allowed: "each key once" });
  });
});
