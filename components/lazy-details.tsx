"use client";

import { useState, type ReactNode } from "react";

export interface LazyDetailsProps {
  summary: ReactNode;
  className?: string;
  /** Open from the start (e.g. a field inside has an error the reader must see). */
  defaultOpen?: boolean;
  children: ReactNode;
}

/**
 * A `<details>` whose content is rendered the first time it opens, then kept.
 *
 * Why: the closed sections of the calculator (method settings, each chart's data table, the
 * pairings not compared) held about half of the page's 1,950 elements; rendering and hydrating
 * them on every load made the page's longest main-thread task on a phone. Nothing in them is
 * visible until the reader opens them, and opening renders them in the same frame.
 */
export function LazyDetails({ summary, className, defaultOpen = false, children }: LazyDetailsProps) {
  const [opened, setOpened] = useState(defaultOpen);
  return (
    <details className={className} open={defaultOpen || undefined} onToggle={(e) => { if (e.currentTarget.open) setOpened(true); }}>
      <summary>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
