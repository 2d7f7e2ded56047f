/**
 * "Reported by the method's authors": for each method beyond the study (its descriptor's
 * `reportedByAuthors`), the figures its authors publish beside privadapt's for the same setup.
 * Hanke et al. 2024 never ran these methods, so the study tables above have no row for them; this
 * is where their budget and cost figures are checked against the sources the method file cites.
 */
import { METHOD_DESCRIPTORS, type AuthorsFigure } from "../methods";
import { METHOD_IDS, type MethodId } from "../scenario";

export interface AuthorsSection {
  method: MethodId;
  label: string;
  sources: readonly string[];
  figures: (AuthorsFigure & { key: string; oursText: string })[];
}

/** One section per method that declares its authors' figures, in catalogue order. */
export function reportedByAuthorsView(): AuthorsSection[] {
  const out: AuthorsSection[] = [];
  for (const id of METHOD_IDS) {
    const d = METHOD_DESCRIPTORS[id];
    if (!d.reportedByAuthors) continue;
    out.push({
      method: id, label: d.label, sources: d.sources,
      figures: d.reportedByAuthors().map((f, i) => ({ ...f, key: `${id}-${i}`, oursText: f.ours ?? "—" })),
    });
  }
  return out;
}
