"use client";

import { useState } from "react";
import { useCalculator } from "../calculator/calculator-provider";

/** "Copy link" (the canonical link of the scenario on screen) and the full estimate as JSON. */
export function ShareBar() {
  const { evaluation, estimateJson } = useCalculator();
  const [status, setStatus] = useState("");
  const link = () => {
    const query = evaluation.presentation.canonical;
    return `${window.location.origin}${window.location.pathname}${query && query !== "v=1" ? `?${query}` : ""}`;
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
      setStatus("Link copied.");
    } catch {
      setStatus(`Copy this link: ${link()}`);
    }
  };
  const download = async () => {
    setStatus("Preparing the JSON…");
    try {
      const json = await estimateJson();
      const { downloadBlob } = await import("../charts/export-image");
      downloadBlob(new Blob([json], { type: "application/json" }), "privadapt-estimate.json");
      setStatus("Downloaded privadapt-estimate.json (the full estimate, with every formula and source).");
    } catch (e) {
      setStatus(`Could not build the JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="toolbar share">
      <button type="button" onClick={() => void copy()}>Copy link</button>
      <button type="button" onClick={() => void download()}>Download JSON</button>
      <span className="status" role="status">{status}</span>
    </div>
  );
}
