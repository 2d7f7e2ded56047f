/** @jest-environment node */
/**
 * Fuzzing the JSON API's request logic (issue #8 §3): 40,000 hostile GET/HEAD/POST requests
 * through respondToEstimate (the route's pure core) and 1,500 raw HTTP Requests (oversized,
 * chunked, invalid UTF-8 bodies) through handleEstimateRequest.
 *
 * Only the computation is stubbed: a valid scenario costs 0.1–3 s to estimate, so a request that
 * passes validation gets a canned body here; api-real.fuzz.test.ts runs valid random scenarios
 * through the real engine. Invariants: never a throw, never a 5xx; a 400 lists field errors that
 * each name a field; headers are valid header values (no CR/LF, Latin-1 only, so `new Response`
 * cannot fail in the route); bodies are JSON.
 */
import fc from "fast-check";
import { handleEstimateRequest, respondToEstimate, toResponse, type ApiResponse, type BodyRead } from "@/lib/api";
import { SCRIPT_PAYLOADS, jsonTextArb, queryStringArb } from "./adversarial";

jest.mock("../../lib/api/estimate-cache", () => {
  const actual = jest.requireActual("../../lib/api/estimate-cache");
  return {
    ...actual,
    cachedEstimate: jest.fn((_scenario: unknown, _options: unknown, warnings: unknown[] = []) => {
      const body = JSON.stringify({ stub: true, warnings });
      return { estimate: { stub: true, warnings }, body, hit: false };
    }),
  };
});

const SEED = Number(process.env.FUZZ_SEED ?? 20260801);
const PURE_RUNS = 40_000;
const HTTP_RUNS = 1_500;

const optionQueryArb = fc.constantFrom("", "&batched=1", "&batched=maybe", "&original-code-calls=true", "&batched=1&batched=0", "&original-code-calls=", "&batched=<script>alert(1)</script>");

const contentTypeArb = fc.constantFrom(
  "application/json", "application/json; charset=utf-8", "application/problem+json", "APPLICATION/JSON", "text/plain",
  "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", null, "application/json\r\nX-Injected: 1",
  "application/jsonp", "application/json;", SCRIPT_PAYLOADS[0],
);

const bodyReadArb: fc.Arbitrary<BodyRead | undefined> = fc.oneof(
  { weight: 10, arbitrary: jsonTextArb.map((text): BodyRead => ({ kind: "text", text })) },
  { weight: 1, arbitrary: fc.constantFrom<BodyRead | undefined>({ kind: "too-large", bytes: 1e9 }, { kind: "too-large", bytes: null }, { kind: "invalid-utf8" }, undefined) },
);

const requestArb = fc.record({
  method: fc.constantFrom("GET", "GET", "GET", "POST", "POST", "HEAD", "get", "post"),
  query: fc.tuple(queryStringArb, optionQueryArb).map(([q, o]) => q + o),
  contentType: contentTypeArb,
  body: bodyReadArb,
  ifNoneMatch: fc.constantFrom(null, "*", "\"abc\"", "W/\"abc\", \"def\"", "\"", "", SCRIPT_PAYLOADS[1]),
});

/** A header value Node's fetch Headers accepts and that cannot split a response. */
function badHeader(r: ApiResponse): string | null {
  for (const [k, v] of Object.entries(r.headers)) {
    if (typeof v !== "string") return `${k} is not a string`;
    if (/[\r\n\0]/.test(v)) return `${k} contains CR, LF or NUL`;
    if ([...v].some((c) => c.charCodeAt(0) > 255)) return `${k} has non-Latin-1 characters`;
  }
  return null;
}

function violation(r: ApiResponse, method: string): string | null {
  if (![200, 304, 400].includes(r.status)) return `status ${r.status}`;
  const h = badHeader(r);
  if (h) return h;
  if (!String(r.headers["content-type"] ?? "").startsWith("application/json") && r.status !== 304) return "not JSON";
  // A HEAD 400 may carry its JSON (the HTTP server drops a HEAD body); a 304 and a HEAD 200 must not.
  if (r.status === 304 || (method.toUpperCase() === "HEAD" && r.status === 200)) return r.body === null ? null : "a body on a 304 or HEAD 200";
  if (r.body === null) return "no body";
  let json: unknown;
  try {
    json = JSON.parse(r.body);
  } catch {
    return "body is not JSON";
  }
  if (r.status === 400) {
    const errors = (json as { errors?: unknown }).errors;
    if (!Array.isArray(errors) || errors.length === 0) return "a 400 without errors";
    for (const e of errors as Record<string, unknown>[]) {
      if (typeof e.field !== "string" || e.field === "") return `an error without a field: ${JSON.stringify(e)}`;
      if (typeof e.message !== "string" || e.message === "") return `an error without a message: ${JSON.stringify(e)}`;
      if (typeof e.allowed !== "string" || e.allowed === "") return `an error without "allowed": ${JSON.stringify(e)}`;
    }
  }
  try {
    toResponse(r); // the route's last step; throws on a header value fetch refuses
  } catch (cause) {
    return `toResponse threw: ${String(cause)}`;
  }
  return null;
}

describe("respondToEstimate under fuzzing", () => {
  const statuses = new Map<number, number>();
  afterAll(() => {
    // The fuzz must reach both answers, or it tests nothing.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(PURE_RUNS / 10);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(PURE_RUNS / 100);
  });

  test(`${PURE_RUNS} hostile requests: 200/304/400 only, named errors, valid headers, JSON bodies`, () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        let r: ApiResponse;
        try {
          r = respondToEstimate(req);
        } catch (cause) {
          throw new Error(`respondToEstimate threw: ${String(cause)}`);
        }
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        const v = violation(r, req.method);
        if (v) throw new Error(`${v}\nrequest: ${JSON.stringify(req).slice(0, 400)}\nresponse: ${JSON.stringify(r).slice(0, 400)}`);
      }),
      { numRuns: PURE_RUNS, seed: SEED + 10 },
    );
  });
});

describe("handleEstimateRequest with raw HTTP requests", () => {
  const bodyBytesArb: fc.Arbitrary<Uint8Array | string | null> = fc.oneof(
    { weight: 6, arbitrary: jsonTextArb },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) }, // mostly invalid UTF-8
    { weight: 1, arbitrary: fc.constantFrom(new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), new Uint8Array([0xc3, 0x28]), "x".repeat(20_000), `{"eps":"${"9".repeat(17_000)}"}`, null) },
  );

  test(`${HTTP_RUNS} requests: no throw, no 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "HEAD"),
        fc.tuple(queryStringArb, optionQueryArb).map(([q, o]) => q + o),
        bodyBytesArb,
        fc.constantFrom("application/json", "text/plain", null),
        fc.boolean(),
        async (method, query, body, contentType, chunked) => {
          const url = `http://127.0.0.1/api/v1/estimate?${query.replace(/^\?/, "").replace(/#/g, "%23")}`;
          let parsedUrl: URL;
          try {
            parsedUrl = new URL(url);
          } catch {
            return; // not a URL a client could send
          }
          const headers = new Headers();
          if (contentType) headers.set("content-type", contentType);
          const init: RequestInit & { duplex?: "half" } = { method, headers };
          if (method === "POST" && body !== null) {
            const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
            if (chunked) {
              init.body = new ReadableStream({
                start(controller) {
                  for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
                  controller.close();
                },
              });
              init.duplex = "half";
            } else init.body = new Uint8Array(bytes); // a copy typed Uint8Array<ArrayBuffer>, as BodyInit wants
          }
          const res = await handleEstimateRequest(new Request(parsedUrl, init));
          expect([200, 304, 400]).toContain(res.status);
          if (method !== "HEAD") {
            const text = await res.text();
            expect(() => JSON.parse(text)).not.toThrow();
          }
        },
      ),
      { numRuns: HTTP_RUNS, seed: SEED + 11 },
    );
  });

  test("a body over the cap is refused with a 400 naming the body, declared or chunked", async () => {
    const big = `{"eps":"${"9".repeat(20_000)}"}`;
    const declared = await handleEstimateRequest(new Request("http://127.0.0.1/api/v1/estimate", { method: "POST", headers: { "content-type": "application/json" }, body: big }));
    expect(declared.status).toBe(400);
    expect(((await declared.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("body");
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = await handleEstimateRequest(new Request("http://127.0.0.1/api/v1/estimate", { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit));
    expect(chunked.status).toBe(400);
  });
});
