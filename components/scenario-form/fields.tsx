"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { FieldError, FormField } from "@/lib";
import { LOG_STEP, decadeFrom, logGrid, nearestOnGrid, stepFrom } from "./log-steps";

/** "eps is out of range" → "is out of range": the label already names the field. */
export function errorText(error: FieldError): string {
  const message = error.message.startsWith(`${error.field} `) ? error.message.slice(error.field.length + 1) : error.message;
  return `Not accepted: ${message}. Allowed: ${error.allowed}.`;
}

function Help({ id, field, extra }: { id: string; field: Pick<FormField, "description" | "unit">; extra?: ReactNode }) {
  return (
    <p id={id} className="help">
      {field.description}
      {field.unit ? <> Unit: {field.unit}.</> : null}
      {extra ? <> {extra}</> : null}
    </p>
  );
}

function ErrorLine({ id, error }: { id: string; error: FieldError | null }) {
  return (
    <p id={id} className="field-error" aria-live="polite">
      {error ? errorText(error) : null}
    </p>
  );
}

export interface TextFieldProps {
  field: Pick<FormField, "key" | "label" | "unit" | "description">;
  /** What the field shows when the user is not editing it (the URL's value or the scenario's default). */
  value: string;
  /** The link's error for this key, while unchanged. */
  linkError: FieldError | null;
  commit: (key: string, value: string | null) => Promise<FieldError | null>;
  inputMode?: "decimal" | "numeric" | "text";
  placeholder?: string;
  /** Extra help after the schema's description (e.g. "= 66,674 records"). */
  note?: ReactNode;
  /** Rendered after the input (a slider). Receives the text being edited. */
  after?: (draft: string, setDraft: (text: string) => void) => ReactNode;
  /** Shown under the field when set (e.g. the δ ≥ 1/N warning). */
  warning?: ReactNode;
  /** Leave out the schema's help text (a group of like fields explains it once). */
  compact?: boolean;
}

/**
 * A typed field. What the user types stays in the box whatever happens: a value the codec
 * refuses is shown with the reason and what is allowed, and the URL keeps the last good value.
 */
export function TextField({ field, value, linkError, commit, inputMode = "decimal", placeholder, note, after, warning, compact = false }: TextFieldProps) {
  const id = useId();
  const [draft, setDraftState] = useState<string | null>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const focused = useRef(false);

  // A change from outside (Back, a preset) replaces a draft the user is not editing.
  useEffect(() => {
    if (!focused.current) {
      setDraftState(null);
      setError(null);
    }
  }, [value]);

  const setDraft = (text: string) => {
    setDraftState(text);
    // An emptied box means "use the default"; the box stays empty while the user types.
    void commit(field.key, text.trim() === "" ? null : text).then(setError);
  };

  const shownError = error ?? (draft === null ? linkError : null);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      <div className="input-row">
        <input
          id={id}
          name={field.key}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          value={draft ?? value}
          placeholder={placeholder}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={`${helpId} ${errorId}`}
          onFocus={() => (focused.current = true)}
          onBlur={() => {
            focused.current = false;
            if (!error) setDraftState(null);
          }}
          onChange={(e) => setDraft(e.target.value)}
        />
        {field.unit && !compact ? <span className="unit" aria-hidden="true">{field.unit}</span> : null}
      </div>
      {after ? after(draft ?? value, setDraft) : null}
      {compact ? <p id={helpId} className="visually-hidden">{field.description} Unit: {field.unit}.</p> : <Help id={helpId} field={field} extra={note} />}
      <ErrorLine id={errorId} error={shownError} />
      {warning ? <p className="field-warning">{warning}</p> : null}
    </div>
  );
}

export interface SelectFieldProps {
  field: FormField;
  value: string;
  linkError: FieldError | null;
  onChange: (value: string) => void;
  note?: ReactNode;
}

export function SelectField({ field, value, linkError, onChange, note }: SelectFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      <select id={id} name={field.key} value={value} aria-describedby={`${helpId} ${errorId}`} aria-invalid={linkError ? true : undefined} onChange={(e) => onChange(e.target.value)}>
        {(field.options ?? []).map((o) => (
          <option key={o.id} value={o.id}>{o.label}</option>
        ))}
      </select>
      <Help id={helpId} field={field} extra={note} />
      <ErrorLine id={errorId} error={linkError} />
    </div>
  );
}

export interface CheckboxGroupProps {
  field: FormField;
  selected: readonly string[];
  linkError: FieldError | null;
  commit: (key: string, value: string | null) => Promise<FieldError | null>;
  /** Sub-groups, each with a legend, e.g. closed and open methods. */
  groups: { legend: string; ids: readonly string[] }[];
}

/**
 * Checkboxes for a list field (methods, models). The list is written in catalogue order, so
 * equal selections give equal links; the codec refuses an empty method list and says so.
 */
export function CheckboxGroup({ field, selected, linkError, commit, groups }: CheckboxGroupProps) {
  const id = useId();
  const [error, setError] = useState<FieldError | null>(null);
  const order = (field.options ?? []).map((o) => o.id);
  const byId = new Map((field.options ?? []).map((o) => [o.id, o]));
  const toggle = (optionId: string, on: boolean) => {
    const set = new Set(selected);
    if (on) set.add(optionId);
    else set.delete(optionId);
    void commit(field.key, order.filter((o) => set.has(o)).join(",")).then(setError);
  };
  const shownError = error ?? linkError;
  return (
    <fieldset className="field checkbox-group" aria-describedby={`${id}-help ${id}-error`}>
      <legend>{field.label}</legend>
      {groups.map((g) => (
        <fieldset key={g.legend} className="sub-group">
          <legend>{g.legend}</legend>
          <ul>
            {g.ids.map((optionId) => {
              const o = byId.get(optionId);
              if (!o) return null;
              return (
                <li key={optionId}>
                  <label title={o.description}>
                    <input type="checkbox" name={field.key} value={optionId} checked={selected.includes(optionId)} onChange={(e) => toggle(optionId, e.target.checked)} />
                    {o.label}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      <Help id={`${id}-help`} field={field} />
      <ErrorLine id={`${id}-error`} error={shownError} />
    </fieldset>
  );
}

export interface LogSliderProps {
  /** Accessible name, e.g. "ε (epsilon), log-scale slider". */
  label: string;
  /** The ends of the scale: R″10 numbers (log-steps.ts), e.g. 0.1 and 100. */
  min: number;
  max: number;
  /** The value as typed (may be invalid while editing). */
  text: string;
  /** Only whole numbers on the scale (queries). */
  integer?: boolean;
  onChange: (text: string) => void;
  ticks: number[];
  /** Words under the two ends, e.g. ["stronger privacy", "weaker privacy"]. */
  ends?: [string, string];
  formatTick?: (x: number) => string;
  /** What a screen reader says for a value, e.g. "1,000,000 queries" (aria-valuetext). */
  valueText?: (x: number) => string;
}

/**
 * A log-scale range input that writes into its field's text box. Its position is log10(value) in
 * steps of a tenth of a decade, each step an R″10 number (log-steps.ts). The arrow keys move one
 * step from any value, on the grid or not; PageUp/PageDown a decade; Home/End to the ends (the
 * WAI-ARIA slider pattern's keys). A change the browser makes by itself (a screen reader's
 * increment) is one step too, read the same way.
 */
export function LogSlider({ label, min, max, text, integer = false, onChange, ticks, ends, formatTick = String, valueText = String }: LogSliderProps) {
  const grid = useMemo(() => logGrid(min, max, integer), [min, max, integer]);
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  const typed = Number(text.trim() === "" ? NaN : text);
  const valid = Number.isFinite(typed) && typed > 0;
  const position = valid ? Math.min(hi, Math.max(lo, Math.log10(typed))) : lo;
  // Where the browser shows it: the position rounded to the step (value sanitisation).
  const shown = lo + Math.round((position - lo) / LOG_STEP) * LOG_STEP;
  const go = (next: number) => {
    if (!valid || next !== typed) onChange(String(next));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const from = valid ? typed : NaN;
    let next: number | null = null;
    if (e.key === "ArrowUp" || e.key === "ArrowRight") next = stepFrom(grid, from, 1);
    else if (e.key === "ArrowDown" || e.key === "ArrowLeft") next = stepFrom(grid, from, -1);
    else if (e.key === "PageUp") next = decadeFrom(grid, from, 1);
    else if (e.key === "PageDown") next = decadeFrom(grid, from, -1);
    else if (e.key === "Home") next = grid[0] ?? min;
    else if (e.key === "End") next = grid[grid.length - 1] ?? max;
    if (next === null) return;
    // The browser's own step would move from the rounded position; this one moves from the value.
    e.preventDefault();
    go(next);
  };
  return (
    <div className="slider">
      <input
        type="range"
        aria-label={label}
        min={lo}
        max={hi}
        step={LOG_STEP}
        value={position}
        aria-valuetext={valid ? valueText(typed) : text}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          const p = Number(e.target.value);
          // One step from where it was shown (an assistive technology's increment, a one-notch
          // drag): the neighbour of the value itself, so an off-grid 1.3 goes to 1.2, not 1.
          const oneStep = valid && Math.abs(Math.abs(p - shown) - LOG_STEP) < 1e-6;
          go(oneStep ? stepFrom(grid, typed, p > shown ? 1 : -1) : nearestOnGrid(grid, p));
        }}
      />
      <div className="ticks" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ left: `${((Math.log10(t) - lo) / (hi - lo)) * 100}%` }}>{formatTick(t)}</span>
        ))}
      </div>
      {ends ? (
        <div className="ends">
          <span>← {ends[0]}</span>
          <span>{ends[1]} →</span>
        </div>
      ) : null}
    </div>
  );
}
