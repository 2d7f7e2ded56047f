import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import "./globals.css";

export const metadata: Metadata = {
  title: "privadapt — private LLM adaptation calculator",
  description: "Compare closed-API and open-model private adaptation methods: DP budget, cost, leakage and the accuracy Hanke et al. (NeurIPS 2024) measured.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <NuqsAdapter>{children}</NuqsAdapter>
      </body>
    </html>
  );
}
