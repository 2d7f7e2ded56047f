import Link from "next/link";
import { connection } from "next/server";

/**
 * The 404 page, rendered per request: the Content-Security-Policy (proxy.ts) allows only scripts
 * that carry the request's nonce, and a page prerendered at build time has none, so a static 404
 * would have every script blocked.
 */
export default async function NotFound() {
  await connection();
  return (
    <main>
      <h1>Page not found</h1>
      <p>
        <Link href="/">Back to the calculator</Link>
      </p>
    </main>
  );
}
