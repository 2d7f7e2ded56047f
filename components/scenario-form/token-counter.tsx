"use client";

import { useId, useState } from "react";
import type { FieldError } from "@/lib";

/**
 * Tokenizers of gpt-tokenizer, loaded only when the user asks to count: each encoding's table
 * is 0.5–2.4 MB, far too much for the page's first load.
 */
export const TOKENIZERS = {
  r50k_base: { label: "r50k_base — GPT-3 (Babbage, Davinci), as in the study", load: () => import("gpt-tokenizer/encoding/r50k_base") },
  cl100k_base: { label: "cl100k_base — GPT-3.5 Turbo, GPT-4 Turbo", load: () => import("gpt-tokenizer/encoding/cl100k_base") },
  o200k_base: { label: "o200k_base — GPT-4o, GPT-4.1, GPT-5", load: () => import("gpt-tokenizer/encoding/o200k_base") },
} as const;

export type TokenizerId = keyof typeof TOKENIZERS;

export async function countTokens(text: string, tokenizer: TokenizerId): Promise<number> {
  const mod = await TOKENIZERS[tokenizer].load();
  return mod.countTokens(text);
}

/**
 * "Paste a sample record": counts the tokens of a real record with a real tokenizer and fills
 * the token-average fields. Nothing typed here leaves the browser or enters the share link.
 */
export function TokenCounter({ commit, open = false }: { commit: (key: string, value: string | null) => Promise<FieldError | null>; open?: boolean }) {
  const id = useId();
  const [input, setInput] = useState("");
  const [output, setOutput] = useState("");
  const [tokenizer, setTokenizer] = useState<TokenizerId>("cl100k_base");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const count = async () => {
    if (input.trim() === "" && output.trim() === "") {
      setStatus("Paste a record first.");
      return;
    }
    setBusy(true);
    setStatus("Counting…");
    try {
      const parts: string[] = [];
      if (input.trim() !== "") {
        const n = await countTokens(input, tokenizer);
        const err = await commit("in", String(Math.max(1, n)));
        parts.push(err ? `input ${n} tokens (not applied: ${err.message})` : `input ${n} tokens`);
      }
      if (output.trim() !== "") {
        const n = await countTokens(output, tokenizer);
        const err = await commit("out", String(Math.max(1, n)));
        parts.push(err ? `output ${n} tokens (not applied: ${err.message})` : `output ${n} tokens`);
      }
      setStatus(`Counted with ${tokenizer}: ${parts.join(", ")}. Filled in above.`);
    } catch (e) {
      setStatus(`Could not load the tokenizer: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="token-counter" open={open || undefined}>
      <summary>Paste a sample record to count its tokens</summary>
      <p className="help">One typical record fills the averages above. Counted in your browser; nothing is sent anywhere or put in the link.</p>
      <div className="field">
        <label htmlFor={`${id}-in`}>Sample record or query</label>
        <textarea id={`${id}-in`} rows={4} value={input} onChange={(e) => setInput(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-out`}>Sample answer (optional)</label>
        <textarea id={`${id}-out`} rows={2} value={output} onChange={(e) => setOutput(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tok`}>Tokenizer</label>
        <select id={`${id}-tok`} value={tokenizer} onChange={(e) => setTokenizer(e.target.value as TokenizerId)}>
          {(Object.keys(TOKENIZERS) as TokenizerId[]).map((t) => (
            <option key={t} value={t}>{TOKENIZERS[t].label}</option>
          ))}
        </select>
      </div>
      <button type="button" onClick={count} disabled={busy}>Count tokens and fill</button>
      <p className="help" role="status">{status}</p>
    </details>
  );
}
