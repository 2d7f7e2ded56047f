"use client";

import { METHOD_DESCRIPTORS, METHOD_IDS, type MethodId, type MethodStyle } from "@/lib";
import { theme, useDark, type Theme } from "./theme";

export { LEAK_LABEL, LEAK_SHAPE } from "./theme";

/**
 * The charts' full palette: the theme (./theme.ts) plus each method's colour and marker, which
 * live in its file (lib/methods/<method>.ts `style`; Okabe–Ito for the study's eight). Colour is
 * never the only cue: closed methods draw dashed lines, leakage classes have shapes, and each
 * method declares a marker beside its colour, so a ninth method can reuse a colour and still be
 * told apart by its shape. Imported only by the lazily loaded chart canvases (and by the chart
 * figure's download, on demand), because reading the registry brings lib's engines with it.
 */
export interface Palette extends Theme {
  method: Record<MethodId, string>;
  /** Each method's marker shape (lib/methods/<method>.ts `style.marker`). */
  marker: Record<MethodId, MethodStyle["marker"]>;
}

export function paletteFor(dark: boolean): Palette {
  return {
    ...theme(dark),
    method: Object.fromEntries(METHOD_IDS.map((id) => [id, METHOD_DESCRIPTORS[id].style.color[dark ? "dark" : "light"]])) as Record<MethodId, string>,
    marker: Object.fromEntries(METHOD_IDS.map((id) => [id, METHOD_DESCRIPTORS[id].style.marker])) as Record<MethodId, MethodStyle["marker"]>,
  };
}

const LIGHT = paletteFor(false);
const DARK = paletteFor(true);

/** The palette for the current colour scheme; follows the system setting live. */
export function usePalette(): Palette {
  return useDark() ? DARK : LIGHT;
}
