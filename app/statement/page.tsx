import type { Metadata } from "next";
import { headers } from "next/headers";
import { OG_IMAGE_PATH, absoluteUrl, buildStatement, originFromHeaders } from "@/lib/api";
import { parseScenario, serializeScenario, toUrlSearchParams, type PageSearchParams } from "@/lib";
import { StatementView } from "./statement-view";

// Every statement depends on its query string.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = toUrlSearchParams(await searchParams);
  query.delete("method");
  query.delete("model");
  query.delete("flips");
  const parsed = parseScenario(query);
  const canonical = serializeScenario(parsed.ok ? parsed.scenario : parsed.fallback);
  const origin = originFromHeaders(await headers());
  return {
    title: "Privacy and cost statement · privadapt",
    description: "A printable summary of one private LLM adaptation option: its differential privacy guarantee, leakage ledger and costs.",
    robots: { index: false },
    openGraph: { images: [{ url: absoluteUrl(origin, `${OG_IMAGE_PATH}?${canonical}`), width: 1200, height: 630 }] },
  };
}

export default async function StatementPage({ searchParams }: Props) {
  const query = toUrlSearchParams(await searchParams);
  // The estimate is synchronous CPU work (seconds with PRV on a cold link): yield a macrotask so
  // the loading.tsx shell can be flushed first (measured: first byte in ~20-50 ms instead of
  // after the computation, in most runs).
  await new Promise((resolve) => setTimeout(resolve, 25));
  const statement = buildStatement(query);
  const origin = originFromHeaders(await headers());
  return <StatementView statement={statement} origin={origin} />;
}
