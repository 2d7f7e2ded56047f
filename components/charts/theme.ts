"use client";

import { useSyncExternalStore } from "react";
import type { LeakClass } from "@/lib";

/**
 * The charts' theme colours and leakage-class legend, with no run-time import of lib/: the chart
 * figure (title, legend, downloads) loads with the page, and lib's registry (for each method's
 * colour, ./palette.ts) would bring the engines into the page's first-load bundle with it.
 *
 * Okabe–Ito colours (Okabe & Ito 2008), readable with the common colour-vision deficiencies.
 */
export const OKABE_ITO = {
  orange: "#E69F00", skyBlue: "#56B4E9", bluishGreen: "#009E73", yellow: "#F0E442",
  blue: "#0072B2", vermillion: "#D55E00", reddishPurple: "#CC79A7", black: "#000000",
} as const;

export interface Theme {
  dark: boolean;
  leak: Record<LeakClass, string>;
  training: string;
  query: string;
  text: string;
  muted: string;
  grid: string;
  background: string;
}

export function theme(dark: boolean): Theme {
  return {
    dark,
    leak: { none: OKABE_ITO.bluishGreen, partial: OKABE_ITO.orange, exposed: OKABE_ITO.vermillion },
    training: dark ? "#3D9BD6" : OKABE_ITO.blue,
    query: OKABE_ITO.orange,
    text: dark ? "#E8E8E8" : "#1A1A1A",
    muted: dark ? "#A8A8A8" : "#555555",
    grid: dark ? "#3A3F45" : "#E2E2E2",
    background: dark ? "#121417" : "#FFFFFF",
  };
}

function subscribe(callback: () => void): () => void {
  if (typeof window === "undefined" || !window.matchMedia) return () => {};
  const mq = window.matchMedia("(prefers-color-scheme: dark)");
  mq.addEventListener("change", callback);
  return () => mq.removeEventListener("change", callback);
}

function isDark(): boolean {
  return typeof window !== "undefined" && !!window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Whether the system colour scheme is dark; follows the setting live. */
export function useDark(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}

const LIGHT_THEME = theme(false);
const DARK_THEME = theme(true);

/** The theme for the current colour scheme. */
export function useTheme(): Theme {
  return useDark() ? DARK_THEME : LIGHT_THEME;
}

export const LEAK_SHAPE: Record<LeakClass, "circle" | "triangle" | "diamond"> = { none: "circle", partial: "triangle", exposed: "diamond" };
export const LEAK_LABEL: Record<LeakClass, string> = {
  none: "Provider sees nothing",
  partial: "Provider sees queries (and a DP artefact)",
  exposed: "Provider sees private records and queries",
};
