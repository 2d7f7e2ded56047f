/**
 * The estimate as it goes on the wire: what `/api/v1/estimate` and the CLI's `estimate` print.
 *
 * `estimate()` (lib/estimate) gives every method × model row its own copy of what belongs to the
 * method or to the whole scenario, because the page and the statement read rows one at a time.
 * Serialised as is, the default scenario was 340 kB of JSON, half of it repeats: each row carried
 * its method's full privacy record (already in the top-level `privacy`), the scenario's
 * membership-test bound twice (as `leakage.hypothesisTest` and as channel C), its provider's data
 * policy, and the method's cost assumptions and sources; each break-even pair a sentence that
 * restates its two numbers. The wire form says each of these once and lets rows refer to it by the
 * ids they already carry:
 *
 * - `privacy[]`: each method's privacy (unchanged); a row's privacy is the entry with its `method`.
 * - `methods[<method>]`: the method's label and the leading cost `assumptions` / `sources` every
 *   row of the method shares; a row's own lists hold only what follows them.
 * - `methods[<method>].hypothesisTest`: channel C's membership-test bound, stated at the (ε, δ)
 *   the method's plan *achieves* (not the target: a plan that misses its target must not borrow
 *   the target's bound), so every row of a method shares it and methods differ.
 * - `leakage`: the `hypothesisTest` every row shares when they all share one (else null), the
 *   leading leakage `sources` every row shares, and each provider's data policy under
 *   `providers[<provider>]`. A row's `leakage` drops `method`/`model` (the row's own),
 *   `hypothesisTest` (when it is its method's) and `providerPolicy`; its channel C is `{status}`
 *   alone when its formula and reason are the hypothesis test's `formula` and `statement`.
 * - `breakEven`: grouped by open option, one entry per closed option, without the prose `note`
 *   (it restates `queries` and `cheaperAbove`; `findBreakEven` words it).
 *
 * Nothing is dropped that cannot be restored exactly: a part is left out of a row only when it
 * equals the shared copy (otherwise the row keeps it), and `expandWireEstimate` rebuilds
 * `estimate()`'s result from the wire form (test/api/wire.test.ts checks the round trip).
 */
import {
  findBreakEven, rederiveFor, type BreakEven, type Decision, type Estimate, type Rederive, type EstimateRow, type FieldWarning, type LeakageChannel, type LeakageRow,
  type MembershipTestBound, type MethodPrivacy, type ProviderDataPolicy, type Scenario, type SkippedPair,
} from "../index";

export interface WireMethod {
  label: string;
  /** The leading cost assumptions every row of this method shares. */
  assumptions: string[];
  /** The leading cost sources every row of this method shares. */
  sources: string[];
  /** Channel C's bound for every row of this method, at the (ε, δ) its plan achieves; absent without leakage rows. */
  hypothesisTest?: MembershipTestBound;
}

export interface WireLeakageSection {
  /**
   * The membership-test bound every row shares, when they all share one; null when methods achieve
   * different ε (read `methods[method].hypothesisTest`) or there are no leakage rows.
   */
  hypothesisTest: MembershipTestBound | null;
  /** The leading leakage sources every row shares. */
  sources: string[];
  /** Each provider's stated data policy, keyed by the rows' `leakage.provider`. */
  providers: Record<string, ProviderDataPolicy>;
}

export type WireLeakageRow = Omit<LeakageRow, "method" | "model" | "hypothesisTest" | "providerPolicy" | "channels"> & {
  method?: LeakageRow["method"];
  model?: LeakageRow["model"];
  hypothesisTest?: MembershipTestBound;
  providerPolicy?: ProviderDataPolicy | null;
  channels: { A: LeakageChannel; B: LeakageChannel; C: Pick<LeakageChannel, "status"> & Partial<LeakageChannel> };
};

export type WireRow = Omit<EstimateRow, "privacy" | "leakage"> & { privacy?: MethodPrivacy; leakage: WireLeakageRow | null };

export interface WireBreakEvenEntry {
  method: BreakEven["closedMethod"];
  model: BreakEven["closedModel"];
  queries: BreakEven["queries"];
  cheaperAbove: BreakEven["cheaperAbove"];
  /** Only when it is not the sentence findBreakEven words for the two rows (never today). */
  note?: string;
}

export interface WireBreakEvenGroup {
  openMethod: BreakEven["openMethod"];
  openModel: BreakEven["openModel"];
  closed: WireBreakEvenEntry[];
}

export interface WireEstimate {
  canonical: string;
  scenario: Scenario;
  privacy: MethodPrivacy[];
  methods: Record<string, WireMethod>;
  leakage: WireLeakageSection;
  rows: WireRow[];
  breakEven: WireBreakEvenGroup[];
  skipped: SkippedPair[];
  /** The answer under the must-haves (lib/decide); `flips` null unless asked for (`flips=1`, `--flips`). */
  decision: Decision;
  /**
   * Per method: Python snippets reproducing its ε and σ with Opacus, prv_accountant or dp_accounting
   * (lib/rederive); `{ sameAs: <method> }` when they are exactly an earlier method's (PrivateLoRA and
   * DP-FineTune run the same DP-SGD plan on classification).
   */
  rederive: Record<string, Rederive | { sameAs: string }>;
  /** Last key: the API splices each request's warnings into a memoised body (estimate-cache.ts). */
  warnings: FieldWarning[];
}

/** Deep equality for the engine's plain data (same code builds both sides, so key order agrees). */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The longest list every one of `lists` starts with. */
function commonPrefix(lists: readonly (readonly string[])[]): string[] {
  const first = lists[0];
  if (!first) return [];
  let n = first.length;
  for (const list of lists) {
    let i = 0;
    while (i < n && i < list.length && list[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

const rowKey = (method: string, model: string) => `${method}\u0000${model}`;

function wireLeakage(l: LeakageRow, row: EstimateRow, shared: WireLeakageSection, methodTest: MembershipTestBound | null): WireLeakageRow {
  const ht = methodTest;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(l) as [keyof LeakageRow, unknown][]) {
    if (key === "method" || key === "model") {
      if (value !== row[key]) out[key] = value;
    } else if (key === "hypothesisTest") {
      if (!same(value, ht)) out[key] = value;
    } else if (key === "providerPolicy") {
      const expected = l.provider === null ? null : (shared.providers[l.provider] ?? null);
      if (!same(value, expected)) out[key] = value;
    } else if (key === "sources") {
      out[key] = l.sources.slice(shared.sources.length);
    } else if (key === "channels") {
      const { C, ...rest } = l.channels;
      const elide = ht !== null && same(l.hypothesisTest, ht) && C.formula === ht.formula && C.reason === ht.statement;
      if (elide) {
        const status: Record<string, unknown> = { ...C };
        delete status.formula;
        delete status.reason;
        out[key] = { ...rest, C: status };
      } else out[key] = l.channels;
    } else out[key] = value;
  }
  return out as WireLeakageRow;
}

function rederiveSection(est: Estimate): Record<string, Rederive | { sameAs: string }> {
  const out: Record<string, Rederive | { sameAs: string }> = {};
  const seen = new Map<string, string>();
  for (const p of est.privacy) {
    const r = rederiveFor(est.scenario, p);
    const key = JSON.stringify({ ...r, method: null });
    const earlier = seen.get(key);
    if (earlier) out[p.method] = { sameAs: earlier };
    else {
      seen.set(key, p.method);
      out[p.method] = r;
    }
  }
  return out;
}

/** The estimate in its wire form (see the module comment). */
export function toWireEstimate(est: Estimate): WireEstimate {
  const privacyOf = new Map(est.privacy.map((p) => [p.method, p]));
  const rowsOf = new Map<string, EstimateRow[]>();
  for (const r of est.rows) rowsOf.set(r.method, [...(rowsOf.get(r.method) ?? []), r]);

  const methods: Record<string, WireMethod> = {};
  for (const p of est.privacy) {
    const rows = rowsOf.get(p.method) ?? [];
    const test = rows.find((r) => r.leakage !== null)?.leakage?.hypothesisTest;
    methods[p.method] = { label: p.label, assumptions: commonPrefix(rows.map((r) => r.assumptions)), sources: commonPrefix(rows.map((r) => r.sources)), ...(test ? { hypothesisTest: test } : {}) };
  }

  const leakRows = est.rows.map((r) => r.leakage).filter((l): l is LeakageRow => l !== null);
  const providers: Record<string, ProviderDataPolicy> = {};
  for (const l of leakRows) if (l.provider !== null && l.providerPolicy && !(l.provider in providers)) providers[l.provider] = l.providerPolicy;
  const first = leakRows[0]?.hypothesisTest ?? null;
  const sharedTest = first !== null && leakRows.every((l) => same(l.hypothesisTest, first)) ? first : null;
  const leakage: WireLeakageSection = { hypothesisTest: sharedTest, sources: commonPrefix(leakRows.map((l) => l.sources)), providers };

  const rows: WireRow[] = est.rows.map((row) => {
    const out: Record<string, unknown> = {};
    const method = methods[row.method];
    for (const [key, value] of Object.entries(row) as [keyof EstimateRow, unknown][]) {
      if (key === "privacy") {
        if (!same(value, privacyOf.get(row.method))) out[key] = value;
      } else if (key === "assumptions" || key === "sources") {
        out[key] = row[key].slice(method?.[key].length ?? 0);
      } else if (key === "leakage") {
        out[key] = row.leakage === null ? null : wireLeakage(row.leakage, row, leakage, method?.hypothesisTest ?? null);
      } else out[key] = value;
    }
    return out as WireRow;
  });

  const byKey = new Map(est.rows.map((r) => [rowKey(r.method, r.model), r]));
  const breakEven: WireBreakEvenGroup[] = [];
  for (const b of est.breakEven) {
    let group = breakEven.at(-1);
    if (!group || group.openMethod !== b.openMethod || group.openModel !== b.openModel) {
      group = { openMethod: b.openMethod, openModel: b.openModel, closed: [] };
      breakEven.push(group);
    }
    const numbers: Record<string, unknown> = { ...b };
    for (const key of ["openMethod", "openModel", "closedMethod", "closedModel", "note"]) delete numbers[key];
    const { closedMethod, closedModel, note } = b;
    const open = byKey.get(rowKey(b.openMethod, b.openModel));
    const closed = byKey.get(rowKey(closedMethod, closedModel));
    const worded = open && closed ? findBreakEven(open, closed).note : null;
    group.closed.push({ method: closedMethod, model: closedModel, ...numbers, ...(worded === note ? {} : { note }) } as WireBreakEvenEntry);
  }

  return {
    canonical: est.canonical,
    scenario: est.scenario,
    privacy: est.privacy,
    methods,
    leakage,
    rows,
    breakEven,
    skipped: est.skipped,
    decision: est.decision,
    rederive: rederiveSection(est),
    warnings: est.warnings,
  };
}

/** The JSON text of the wire form: exactly what the API sends and the CLI prints. */
export function estimateJson(est: Estimate): string {
  return JSON.stringify(toWireEstimate(est));
}

/**
 * The inverse of toWireEstimate: every row with its own privacy, full leakage, assumptions and
 * sources, and the flat break-even list with notes, as `estimate()` returns them. For clients
 * that want rows self-contained (this is the reference for how the references resolve).
 */
export function expandWireEstimate(wire: WireEstimate): Estimate {
  const privacyOf = new Map(wire.privacy.map((p) => [p.method, p]));
  const ht = wire.leakage.hypothesisTest;
  const rows: EstimateRow[] = wire.rows.map((w) => {
    const method = wire.methods[w.method];
    const { privacy, leakage, ...rest } = w;
    let fullLeakage: LeakageRow | null = null;
    if (leakage !== null) {
      const { C, ...channels } = leakage.channels;
      const hypothesisTest = leakage.hypothesisTest ?? method?.hypothesisTest ?? (ht as MembershipTestBound);
      fullLeakage = {
        ...leakage,
        method: leakage.method ?? w.method,
        model: leakage.model ?? w.model,
        channels: { ...channels, C: C.reason === undefined ? { ...C, formula: hypothesisTest.formula, reason: hypothesisTest.statement } : (C as LeakageChannel) },
        hypothesisTest,
        providerPolicy: leakage.providerPolicy !== undefined ? leakage.providerPolicy : leakage.provider === null ? null : (wire.leakage.providers[leakage.provider] ?? null),
        sources: [...wire.leakage.sources, ...leakage.sources],
      };
    }
    return {
      ...rest,
      assumptions: [...(method?.assumptions ?? []), ...w.assumptions],
      sources: [...(method?.sources ?? []), ...w.sources],
      privacy: privacy ?? (privacyOf.get(w.method) as MethodPrivacy),
      leakage: fullLeakage,
    };
  });
  const byKey = new Map(rows.map((r) => [rowKey(r.method, r.model), r]));
  const breakEven: BreakEven[] = wire.breakEven.flatMap((g) =>
    g.closed.map(({ method, model, note, ...numbers }) => {
      const open = byKey.get(rowKey(g.openMethod, g.openModel));
      const closed = byKey.get(rowKey(method, model));
      return {
        openMethod: g.openMethod, openModel: g.openModel, closedMethod: method, closedModel: model, ...numbers,
        note: note ?? (open && closed ? findBreakEven(open, closed).note : ""),
      };
    }),
  );
  return { canonical: wire.canonical, scenario: wire.scenario, rows, breakEven, skipped: wire.skipped, privacy: wire.privacy, warnings: wire.warnings, decision: wire.decision };
}
