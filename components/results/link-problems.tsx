"use client";

import { useState } from "react";
import { useCalculator } from "../calculator/calculator-provider";

/**
 * The banner for a share link with bad fields: each ignored field, why, and what is allowed.
 * The rest of the link still applies. An entry goes away once its field is changed.
 */
export function LinkProblems() {
  const { linkProblems, raw, initialRaw } = useCalculator();
  const [dismissed, setDismissed] = useState(false);
  const edited = (field: string) => field in raw && raw[field] !== initialRaw[field];
  const errors = linkProblems.views.errors.filter((e) => !edited(e.key));
  const warnings = linkProblems.views.warnings.filter((w) => !edited(w.key));
  if (dismissed || (errors.length === 0 && warnings.length === 0)) return null;
  return (
    <div role="alert" className="alert">
      {errors.length > 0 ? (
        <>
          <p><strong>This link has {errors.length === 1 ? "a field" : `${errors.length} fields`} we could not use; {errors.length === 1 ? "its default is" : "their defaults are"} used instead.</strong></p>
          <ul>
            {errors.map((v) => (
              <li key={v.key}>
                <strong>{v.label}</strong> {v.message} (<code>{v.key}={v.received}</code> in the link). Allowed: {v.allowed}.
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {warnings.length > 0 ? (
        <ul>
          {warnings.map((w) => (
            <li key={w.key + w.message}>{w.label ? <><strong>{w.label}</strong>: </> : null}{w.message}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="link-button" onClick={() => setDismissed(true)}>Dismiss</button>
    </div>
  );
}
