"use client";

import { formatCount } from "@/lib/light";

/** The dataset a custom scenario was switched from, and the facts it still carries. */
export interface CustomFrom {
  /** "SST2" */
  label: string;
  /** Where the dataset's facts come from, e.g. "Hanke et al. 2024, Table 7". */
  source: string;
  task: string;
  classes: number | null;
  records: number;
}

export interface CustomChecklistProps {
  /** Null when the page was opened on a custom link (the previous dataset is not known). */
  from: CustomFrom | null;
  task: string;
  taskLabel: string;
  classes: number | null;
  records: number;
  /** The dataset whose token averages the scenario still has (carriedOverTokens), or null. */
  tokensFrom: { label: string; source: string } | null;
}

/** Which facts of a custom scenario are still the previous dataset's (the form marks those fields). */
export function stillCarried(p: Pick<CustomChecklistProps, "from" | "task" | "classes" | "records">) {
  const f = p.from;
  return {
    task: f !== null && f.task === p.task,
    classes: f !== null && p.task === "classification" && f.classes === p.classes,
    records: f !== null && f.records === p.records,
  };
}

/**
 * What a custom scenario must set (issue #19 item 5). Switching to Custom keeps the numbers on
 * screen, so the figures do not jump; but N, the classes and the token averages are then still
 * the previous dataset's, and with 150-token records instead of SST2's 12.35 the cheapest option
 * can change. This list names each of those fields, says in words whether it is still the
 * dataset's (never by colour alone), and points to the token counter beside the token fields.
 */
export function CustomChecklist({ from, task, taskLabel, classes, records, tokensFrom }: CustomChecklistProps) {
  const carried = stillCarried({ from, task, classes, records });
  const status = (isCarried: boolean, known: boolean) => (isCarried ? "To set" : known ? "Set" : "To check");
  return (
    <div className="custom-checklist" role="note" aria-labelledby="custom-checklist-title">
      <p id="custom-checklist-title"><strong>A custom scenario: set these for your data.</strong></p>
      <ul>
        <li><strong>{carried.task ? "To check" : from ? "Set" : "To check"}:</strong> Task, now {taskLabel}{carried.task && from ? `, as in ${from.label}` : ""}.</li>
        {task === "classification" ? (
          <li><strong>{status(carried.classes, from !== null)}:</strong> Classes, now {classes ?? "not set"}{carried.classes && from ? `, still ${from.label}’s (${from.source})` : ""}.</li>
        ) : null}
        <li><strong>{status(carried.records, from !== null)}:</strong> Private records N, now {formatCount(records)}{carried.records && from ? `, still ${from.label}’s (${from.source})` : ""}.</li>
        <li>
          <strong>{tokensFrom ? "To set" : "Set"}:</strong> Input and output tokens per record{tokensFrom ? `, still ${tokensFrom.label}’s averages (${tokensFrom.source})` : ""}: count one of your own records with “Paste a sample record” below them.
        </li>
      </ul>
    </div>
  );
}
