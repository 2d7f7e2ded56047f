"use client";

import Link from "next/link";
import { useCalculator } from "../calculator/calculator-provider";

/**
 * The header's links to the other doors (printable statement, JSON API), carrying the scenario
 * on screen. The server renders them with the link's scenario (readers without JavaScript get
 * the right ones); after an edit they follow the figures shown, never the URL, whose writes are
 * debounced while typing.
 */
export function PageLinks() {
  const { evaluation } = useCalculator();
  const query = evaluation.presentation.canonical;
  return (
    <nav aria-label="Pages">
      <Link href="/reproduce">Reproduce the study</Link>{" · "}
      <a href={`/statement?${query}`}>Printable statement</a>{" · "}
      <a href={`/api/v1/estimate?${query}`}>API: this scenario as JSON</a>
    </nav>
  );
}
