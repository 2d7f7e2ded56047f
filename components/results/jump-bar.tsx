"use client";

import type { MouseEvent } from "react";

/**
 * The bar a narrow screen keeps at its bottom (globals.css shows it below 1100 px, where the
 * results come first): "Edit scenario" brings the form into view, "Answer and figures" the
 * results. Plain links without JavaScript; with it, a jump scrolls and moves the focus there
 * without adding a history entry (Back keeps undoing scenario changes, not scrolls).
 */
export function JumpBar() {
  const jump = (id: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id);
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  };
  return (
    <nav className="jump-bar" aria-label="Jump to">
      <a href="#scenario-form" className="jump-primary" onClick={jump("scenario-form")}>Edit scenario</a>
      <a href="#results-title" onClick={jump("results-title")}>Answer and figures</a>
    </nav>
  );
}
