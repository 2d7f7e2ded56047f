/**
 * A share link's bad field, in words a reader understands (issue #19 §6). The codec's errors are
 * the API's contract (`{ field, message, received, allowed }`, lib/scenario/codec.ts) and stay as
 * they are; the page and the statement say them with the field's label, without repeating the key
 * ("eps: eps is out of range"), and with limits a person can read ("1 to 1,000,000,000,000",
 * not "1 to 1000000000000").
 */
import type { FieldError, FieldWarning } from "../scenario";
import { groupedFixed } from "./format";
import { KNOB_SPECS, METHODS, MODELS, PRICE_OVERRIDE_META, PRICE_OVERRIDE_PREFIX, TOP_FIELDS } from "../scenario";

export interface LinkProblemView {
  /** The share-link key, e.g. `eps`. */
  key: string;
  /** The form's label for it, e.g. "ε (epsilon)"; the key itself when the link names no known field. */
  label: string;
  /** What is wrong, without the key in front: "is out of range". */
  message: string;
  /** What the link held, as text. */
  received: string;
  /** What is allowed, with large integers grouped: "a whole number from 1 to 1,000,000,000,000". */
  allowed: string;
}

/** The label of a share-link key: a top-level field, a method's knob ("DP-ICL: Shots per prompt") or a price override. */
export function fieldLabel(key: string): string {
  const top = TOP_FIELDS.find((f) => f.key === key);
  if (top) return top.label;
  if (key.startsWith(PRICE_OVERRIDE_PREFIX)) {
    const model = key.slice(PRICE_OVERRIDE_PREFIX.length);
    const known = (MODELS as Record<string, { label: string } | undefined>)[model];
    return `${PRICE_OVERRIDE_META.label} for ${known?.label ?? model}`;
  }
  const dot = key.indexOf(".");
  if (dot > 0) {
    const method = key.slice(0, dot);
    const knob = key.slice(dot + 1);
    const specs = (KNOB_SPECS as Record<string, Record<string, { label: string } | undefined> | undefined>)[method];
    const spec = specs?.[knob];
    const methodLabel = (METHODS as Record<string, { label: string } | undefined>)[method]?.label;
    if (spec && methodLabel) return `${methodLabel}: ${spec.label}`;
  }
  if (key === "query") return "The link";
  return key;
}

/**
 * "an integer from 1 to 1000000000000" → "a whole number from 1 to 1,000,000,000,000".
 * Only whole numbers of five or more digits are grouped; 0.001, 1e-20 and ids stay as written.
 */
export function readableAllowed(allowed: string): string {
  return allowed
    .replace(/\ban integer\b/g, "a whole number")
    .replace(/(^|[^\w.\-])(\d{5,})(?![\w.])/g, (_, before: string, digits: string) => `${before}${groupedFixed(Number(digits), 0)}`);
}

/** "eps is out of range" → "is out of range": the label names the field already. */
function withoutKey(key: string, message: string): string {
  return message.startsWith(`${key} `) ? message.slice(key.length + 1) : message;
}

export function linkProblemView(e: FieldError): LinkProblemView {
  return {
    key: e.field,
    label: fieldLabel(e.field),
    message: withoutKey(e.field, e.message),
    received: typeof e.received === "string" ? e.received : (JSON.stringify(e.received) ?? "nothing"),
    allowed: readableAllowed(e.allowed),
  };
}

/** A warning; `label` is empty for a key no field has (its message names the key: 'Unknown key "foo" ignored'). */
/** A link warning as the reader sees it; `label` is empty when the link names no known field. */
export interface LinkWarningView {
  key: string;
  label: string;
  message: string;
}

export function linkWarningView(w: FieldWarning): LinkWarningView {
  const label = fieldLabel(w.field);
  return { key: w.field, label: label === w.field ? "" : label, message: label === w.field ? w.message : withoutKey(w.field, w.message) };
}
