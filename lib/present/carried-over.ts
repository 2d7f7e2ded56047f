/**
 * Token lengths carried over into a custom scenario. Switching the form to Custom keeps the numbers
 * on screen (so the figures do not jump), which means the token averages are still the previous
 * dataset's: averages of the study's datasets (Hanke et al. 2024, Tables 7, 14, 21), not of the
 * user's records. The form says so next to the fields until the user changes them.
 *
 * No imports: the client form uses it, and its bundle must not carry the schema.
 */

/** One dataset's token averages, as the form model hands them to the client. */
export interface DatasetTokenLengths {
  dataset: string;
  label: string;
  inTokens: number;
  outTokens: number;
  source: string;
}

/**
 * The dataset whose token averages a custom scenario still has, or null when the preset is a
 * dataset (its lengths are its own) or the user has entered other lengths.
 *
 * @example
 * carriedOverTokens([{ dataset: "sst2", label: "SST2", inTokens: 12.35, outTokens: 1, source: "Table 7" }], "custom", 12.35, 1)
 * // → the SST2 entry
 */
export function carriedOverTokens(datasets: readonly DatasetTokenLengths[], preset: string, inTokens: number, outTokens: number): DatasetTokenLengths | null {
  if (preset !== "custom") return null;
  return datasets.find((d) => d.inTokens === inTokens && d.outTokens === outTokens) ?? null;
}
