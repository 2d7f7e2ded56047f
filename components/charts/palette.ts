"use client";

import { useSyncExternalStore } from "react";
import { METHOD_DESCRIPTORS, METHOD_IDS, type LeakClass, type MethodId, type MethodStyle } from "@/lib";

/**
 * Okabe–Ito colours (Okabe & Ito 2008), readable with the common colour-vision deficiencies.
 * Black and yellow swap with the theme so every colour keeps its contrast on the background.
 * Colour is never the only cue: closed methods draw dashed lines, leakage classes have shapes,
 * and each method declares a marker beside its colour (`style` in lib/methods/<method>.ts), so
 * a ninth method can reuse a colour and still be told apart by its shape.
 */
const OKABE_ITO = {
  orange: "#E69F00", skyBlue: "#56B4E9", bluishGreen: "#009E73", yellow: "#F0E442",
  blue: "#0072B2", vermillion: "#D55E00", reddishPurple: "#CC79A7", black: "#000000",
} as const;

export interface Palette {
  dark: boolean;
  method: Record<MethodId, string>;
  /** Each method's marker shape (lib/methods/<method>.ts `style.marker`). */
  marker: Record<MethodId, MethodStyle["marker"]>;
  leak: Record<LeakClass, string>;
  training: string;
  query: string;
  text: string;
  muted: string;
  grid: string;
  background: string;
}

function palette(dark: boolean): Palette {
  return {
    dark,
    // Each method's colours live in its file (lib/methods/<method>.ts `style`), Okabe–Ito for the study's eight.
    method: Object.fromEntries(METHOD_IDS.map((id) => [id, METHOD_DESCRIPTORS[id].style.color[dark ? "dark" : "light"]])) as Record<MethodId, string>,
    marker: Object.fromEntries(METHOD_IDS.map((id) => [id, METHOD_DESCRIPTORS[id].style.marker])) as Record<MethodId, MethodStyle["marker"]>,
    leak: { none: OKABE_ITO.bluishGreen, partial: OKABE_ITO.orange, exposed: OKABE_ITO.vermillion },
    training: dark ? "#3D9BD6" : OKABE_ITO.blue,
    query: OKABE_ITO.orange,
    text: dark ? "#E8E8E8" : "#1A1A1A",
    muted: dark ? "#A8A8A8" : "#555555",
    grid: dark ? "#3A3F45" : "#E2E2E2",
    background: dark ? "#121417" : "#FFFFFF",
  };
}

const LIGHT = palette(false);
const DARK = palette(true);

function subscribe(callback: () => void): () => void {
  if (typeof window === "undefined" || !window.matchMedia) return () => {};
  const mq = window.matchMedia("(prefers-color-scheme: dark)");
  mq.addEventListener("change", callback);
  return () => mq.removeEventListener("change", callback);
}

function isDark(): boolean {
  return typeof window !== "undefined" && !!window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** The palette for the current colour scheme; follows the system setting live. */
export function usePalette(): Palette {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  return dark ? DARK : LIGHT;
}

export const LEAK_SHAPE: Record<LeakClass, "circle" | "triangle" | "diamond"> = { none: "circle", partial: "triangle", exposed: "diamond" };
export const LEAK_LABEL: Record<LeakClass, string> = {
  none: "Provider sees nothing",
  partial: "Provider sees queries (and a DP artefact)",
  exposed: "Provider sees private records and queries",
};
