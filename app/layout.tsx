import type { Metadata } from "next";
import { headers } from "next/headers";
import { originFromHeaders } from "@/lib/api";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import "./globals.css";

/**
 * metadataBase is the request's own origin: the root opengraph-image and every other relative
 * metadata URL must be absolute, and without a base Next falls back to http://localhost:<port>,
 * so /reproduce served as privadapt.example advertised a preview image on localhost. No
 * configured origin is needed, which keeps the app deployable behind any host name.
 */
export async function generateMetadata(): Promise<Metadata> {
  const origin = originFromHeaders(await headers());
  return {
    ...(origin ? { metadataBase: new URL(origin) } : {}),
    title: "privadapt — private LLM adaptation calculator",
    description: "Compare closed-API and open-model private adaptation methods: DP budget, cost, leakage and the accuracy Hanke et al. (NeurIPS 2024) measured.",
  };
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <NuqsAdapter>{children}</NuqsAdapter>
      </body>
    </html>
  );
}
