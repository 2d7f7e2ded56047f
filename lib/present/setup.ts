/**
 * The form's setup choice (issue #17): today's models (link v=3) or the study's setup of 2024
 * (v=1, or v=2 for custom). Type imports only, so client components can use it (@/lib/light).
 */
import type { PresetId, Task } from "../scenario";

/** The two setups the form offers (issue #17): today's (link v=3) and the study's of 2024 (v=1, or v=2 for custom). */
export type SetupChoice = "today" | "study-2024";

/**
 * The share-link keys that switching the setup writes: the setup's version and the current dataset
 * (and task, for custom), nothing else, so every other value falls back to that version's
 * defaults. "The study's setup (2024)" for the SST2 preset is therefore exactly the link `v=1`.
 * @example setupValues("study-2024", "samsum", "generation") // { v: "1", preset: "samsum" }
 */
export function setupValues(setup: SetupChoice, preset: PresetId, task: Task): Record<string, string | null> {
  const custom = preset === "custom";
  return { v: setup === "today" ? "3" : custom ? "2" : "1", preset: preset === "sst2" ? null : preset, ...(custom ? { task } : {}) };
}
