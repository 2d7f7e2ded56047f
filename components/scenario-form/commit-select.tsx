"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { FieldError, FormField } from "@/lib";
import { errorText } from "./fields";

export interface CommitSelectProps {
  field: FormField;
  value: string;
  linkError: FieldError | null;
  /** Applies a choice: called once per committed choice, never while the user arrows past options. */
  onCommit: (value: string) => void;
  note?: ReactNode;
}

/**
 * A select whose choice is costly to apply (a preset replaces the scenario and recomputes it).
 *
 * Chromium, and Firefox, fire `change` on a closed select for every arrow key, so arrowing from
 * SST2 to Custom applied each preset on the way (issue #19 item 3). Here a change made by a key
 * press is held as pending: the select shows it, a line says how to apply it, and Enter or
 * leaving the field applies it; Escape goes back. A choice made any other way (a pointer in the
 * open list, an option accepted in the open list, a test's selectOption) applies at once, as
 * before. The key press is told apart by its timing: the browser fires `change` inside the
 * keydown's default action, so in the same task; a list that stays open answers later.
 */
export function CommitSelect({ field, value, linkError, onCommit, note }: CommitSelectProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const pendingId = `${id}-pending`;
  // The pending choice remembers the value it was made on: a change from outside (Back, a link)
  // makes it stale, and a stale choice is dropped.
  const [held, setHeld] = useState<{ on: string; choice: string } | null>(null);
  const pending = held !== null && held.on === value ? held.choice : null;
  const setPending = (choice: string | null) => setHeld(choice === null ? null : { on: value, choice });
  const keyTask = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const apply = (v: string) => {
    setPending(null);
    if (v !== value) onCommit(v);
  };
  const labelOf = (v: string) => (field.options ?? []).find((o) => o.id === v)?.label ?? v;

  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      <select
        id={id}
        name={field.key}
        value={pending ?? value}
        aria-describedby={`${helpId} ${errorId} ${pendingId}`}
        aria-invalid={linkError ? true : undefined}
        onKeyDown={(e) => {
          if (e.key === "Enter" && pending !== null) {
            e.preventDefault();
            apply(pending);
            return;
          }
          if (e.key === "Escape" && pending !== null) {
            e.preventDefault();
            setPending(null);
            return;
          }
          keyTask.current = true;
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => (keyTask.current = false), 0);
        }}
        onChange={(e) => {
          if (keyTask.current) setPending(e.target.value === value ? null : e.target.value);
          else apply(e.target.value);
        }}
        onBlur={() => {
          if (pending !== null) apply(pending);
        }}
      >
        {(field.options ?? []).map((o) => (
          <option key={o.id} value={o.id}>{o.label}</option>
        ))}
      </select>
      <p id={pendingId} className="field-pending" role="status">
        {pending !== null ? `${labelOf(pending)} is not loaded yet: press Enter (or leave the field) to load it, Escape to keep ${labelOf(value)}.` : null}
      </p>
      <p id={helpId} className="help">
        {field.description}
        {note ? <> {note}</> : null}
      </p>
      <p id={errorId} className="field-error" aria-live="polite">
        {linkError ? errorText(linkError) : null}
      </p>
    </div>
  );
}
