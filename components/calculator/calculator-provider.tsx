"use client";

import { debounce, throttle, useQueryStates } from "nuqs";
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { FieldError, FieldWarning, LinkProblemView, LinkWarningView } from "@/lib";
import { LruCache, buildQuery, type RawScenario } from "@/lib/light";
import { scenarioParsers } from "./url-parsers";
import { SUPERSEDED, type DecisionAnalysis, type Engine, type Evaluation } from "./protocol";
import { shareUnchanged } from "./structural-share";
import { mark } from "./user-timing";

/** Wait this long after the last change before starting PRV (seconds of work, in a worker). */
const PRV_DELAY_MS = 350;
/**
 * URL writes while typing: once the field has been still this long, replacing the history entry
 * (issue #6: "debounced; no history spam"); a preset change, one new scenario, is one throttled
 * push (see reset()). The figures never wait for the URL: nuqs updates its state at once.
 * Speed, measured on 2026-11-27 against the previous leading-edge throttle (nine interleaved runs
 * of 20 edits, medians of the run medians): input → first updated chart 86.9 vs 92.3 ms, input →
 * comparison table 51.3 vs 40.5 ms. nuqs's state update now renders the results and the first
 * chart in one task, so one frame carries both: a trade within this machine's noise, not a gain.
 */
export const URL_UPDATE_MS = 200;
/** Evaluations kept in the page's cache, oldest dropped first. */
const EVALUATIONS_KEPT = 32;

export interface LinkProblems {
  errors: FieldError[];
  warnings: FieldWarning[];
  /**
   * The same, worded for the banner (field label, received, allowed), computed where the link is
   * read (./load-calculator.ts, on the server): the wording needs the catalogue, which the page's
   * main bundle does not carry.
   */
  views: { errors: LinkProblemView[]; warnings: LinkWarningView[] };
}

export interface CalculatorState {
  keys: readonly string[];
  /** Raw value per key, as in the URL. */
  raw: RawScenario;
  /** The raw values the page was opened with. */
  initialRaw: RawScenario;
  linkProblems: LinkProblems;
  /** The latest complete evaluation (scenario, parse result, presentation). */
  evaluation: Evaluation;
  /** True while PRV figures are computing; `evaluation` then holds RDP figures. */
  prvPending: boolean;
  /** True while the figures shown are for an earlier version of the scenario. */
  updating: boolean;
  /** Set when the engine failed for the current scenario (the figures shown are older). */
  engineError: string | null;
  /**
   * Set a key after the codec accepted the value; resolves with the error otherwise.
   * `null` removes the key, so the scenario's default applies.
   */
  commit(key: string, value: string | null): Promise<FieldError | null>;
  /** Replace the whole scenario (a preset): one history entry, so Back returns to the previous one. */
  reset(values: RawScenario): void;
  /** The error the link had for `key`, while the user has not changed it. */
  linkErrorFor(key: string): FieldError | null;
  estimateJson(): Promise<string>;
  /** The decision analysis (sensitivity; with `flips`, thresholds) of `query`, off the main thread. */
  analyse(query: string, flips: boolean): Promise<DecisionAnalysis>;
  /** Whether the engine runs `analyse` off the main thread (Web Workers), so the page may start it unasked. */
  analysisOffThread: boolean;
}

const CalculatorContext = createContext<CalculatorState | null>(null);

export function useCalculator(): CalculatorState {
  const value = useContext(CalculatorContext);
  if (!value) throw new Error("useCalculator needs a <CalculatorProvider>");
  return value;
}

async function defaultEngine(): Promise<Engine> {
  if (typeof Worker !== "undefined") {
    const { createWorkerEngine } = await import("./worker-engine");
    return createWorkerEngine();
  }
  const { createInlineEngine } = await import("./inline-engine");
  return createInlineEngine();
}

export interface CalculatorProviderProps {
  keys: readonly string[];
  /** What the server evaluated for the link (RDP figures when PRV was asked for). */
  initial: Evaluation;
  initialRaw: RawScenario;
  linkProblems: LinkProblems;
  /** Tests inject an in-process engine; the page uses Web Workers. */
  engine?: Engine;
  children: ReactNode;
}

export function CalculatorProvider({ keys, initial, initialRaw, linkProblems, engine: injected, children }: CalculatorProviderProps) {
  const parsers = useMemo(() => scenarioParsers(keys), [keys]);
  const [rawState, setRawState] = useQueryStates(parsers, { history: "replace", limitUrlUpdates: debounce(URL_UPDATE_MS), scroll: false });
  // The bare address is rendered as today's setup, the link `/?v=3` (app/page.tsx; pageParams in
  // lib/scenario/search-params.ts): the server read `initialRaw` from that link, and a script put it
  // in the address bar, but the router still reports the bare request's empty query. Until the
  // hook holds the link's keys (adopted once, on mount, below) read the server's, so the page
  // never evaluates the bare query (which would read as an unversioned link) and every edit is
  // written on top of `v=3`.
  const bare = keys.every((k) => rawState[k] === null || rawState[k] === undefined);
  const [landing, setLanding] = useState(() => bare && keys.some((k) => initialRaw[k] !== null && initialRaw[k] !== undefined));
  if (landing && !bare) setLanding(false); // the hook holds the keys now (React's "adjust state while rendering")
  const raw = (landing ? initialRaw : rawState) as RawScenario;
  useEffect(() => {
    if (!landing) return;
    void setRawState(Object.fromEntries(Object.entries(initialRaw).filter(([, v]) => v !== null && v !== undefined)) as Parameters<typeof setRawState>[0]);
    // Once, on mount: the server's link for the bare address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const [engine, setEngine] = useState<Engine | null>(injected ?? null);
  const engineReady = useRef<{ promise: Promise<Engine>; resolve: (e: Engine) => void } | null>(null);
  if (engineReady.current === null) {
    let resolve!: (e: Engine) => void;
    const promise = new Promise<Engine>((r) => (resolve = r));
    engineReady.current = { promise, resolve };
    if (injected) resolve(injected);
  }
  useEffect(() => {
    if (injected) return;
    let alive = true;
    let created: Engine | null = null;
    void defaultEngine().then((e) => {
      if (!alive) return e.dispose();
      created = e;
      engineReady.current?.resolve(e);
      setEngine(e);
    });
    return () => {
      alive = false;
      created?.dispose();
      // A remount (React strict mode) must wait for the next engine, not use the disposed one.
      let resolve!: (e: Engine) => void;
      const promise = new Promise<Engine>((r) => (resolve = r));
      engineReady.current = { promise, resolve };
    };
  }, [injected]);

  // Keys the link got wrong are ignored (defaults used) until the user changes them.
  const linkErrorKeys = useMemo(() => new Set(linkProblems.errors.map((e) => e.field)), [linkProblems]);
  const ignored = useMemo(() => new Set([...linkErrorKeys].filter((k) => raw[k] === initialRaw[k])), [linkErrorKeys, raw, initialRaw]);
  const query = useMemo(() => buildQuery(raw, keys, ignored), [raw, keys, ignored]);

  // Each evaluation is ~180 kB: keep the most recent few dozen (going back and forth stays instant).
  const [cache] = useState(() => {
    const c = new LruCache<string, Evaluation>({ maxEntries: EVALUATIONS_KEPT });
    c.set(`${initial.presentation.accountant.computed}|${initial.query}`, initial);
    return c;
  });
  const [shown, setShown] = useState<{ evaluation: Evaluation; prvPending: boolean }>(() => ({
    evaluation: initial,
    prvPending: initial.presentation.accountant.requested === "prv" && initial.presentation.accountant.computed !== "prv",
  }));

  const [engineError, setEngineError] = useState<string | null>(null);

  // A layout effect, so the request leaves in the same task as the render that changed the
  // query; a passive effect would wait for the next paint (a frame) before asking the worker.
  useLayoutEffect(() => {
    if (!engine) return;
    let alive = true;
    const fail = (e: Error) => {
      if (e.message === SUPERSEDED) return;
      console.error(e);
      if (alive) setEngineError(e.message);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const prvHit = cache.get(`prv|${query}`);
    // Figures arrive from the worker after the keystroke was handled, so they render at normal
    // priority (a transition yielded every 5 ms and put the first chart ~40 ms later). Unchanged
    // parts keep their identity, so only the rows and charts whose numbers moved re-render, and
    // the charts redraw one per frame (components/charts/chart-queue.ts).
    const show = (next: { evaluation: Evaluation; prvPending: boolean }) =>
      setShown((prev) => {
        const evaluation = shareUnchanged(prev.evaluation, next.evaluation);
        // The same figures again (the engine's first answer is the server's, from the cache): no re-render.
        return evaluation === prev.evaluation && next.prvPending === prev.prvPending ? prev : { evaluation, prvPending: next.prvPending };
      });
    if (prvHit) {
      show({ evaluation: prvHit, prvPending: false });
      return;
    }
    const rdpHit = cache.get(`rdp|${query}`);
    const arrived = (ev: Evaluation) => {
      // Marks for the web benchmark and DevTools: when the figures for a typed value arrived.
      mark("privadapt:rdp-evaluation");
      cache.set(`rdp|${query}`, ev);
      if (!alive) return;
      setEngineError(null);
      const wantsPrv = ev.parse.scenario.accountant === "prv";
      show({ evaluation: ev, prvPending: wantsPrv });
      if (!wantsPrv) return;
      timer = setTimeout(() => {
        engine.evaluate(query, "prv").then((full) => {
          cache.set(`prv|${query}`, full);
          if (alive) show({ evaluation: full, prvPending: false });
        }, fail);
      }, PRV_DELAY_MS);
    };
    if (rdpHit) {
      // A typed value is validated and evaluated before the URL state changes (commit() below),
      // so its figures are usually here already: set them now, inside this layout effect, and
      // React renders the results in the same task, before the browser paints. Through a
      // promise they waited a task and a painted frame (~10–15 ms here).
      arrived(rdpHit);
    } else {
      mark("privadapt:evaluate");
      engine.evaluate(query, "rdp").then(arrived).catch(fail);
    }
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [engine, query, cache]);

  // commit() reads the latest values without being re-created on every keystroke.
  const rawRef = useRef(raw);
  const ignoredRef = useRef(ignored);
  useLayoutEffect(() => {
    rawRef.current = raw;
    ignoredRef.current = ignored;
  }, [raw, ignored]);
  const commitSeq = useRef(new Map<string, number>());

  const commit = useCallback(async (key: string, value: string | null): Promise<FieldError | null> => {
    mark("privadapt:input");
    const seq = (commitSeq.current.get(key) ?? 0) + 1;
    commitSeq.current.set(key, seq);
    // null removes the key (its default applies); any string, even "", goes through the codec.
    const text = value;
    if (text !== null) {
      const eng = await (engineReady.current as { promise: Promise<Engine> }).promise;
      const ignoredNow = new Set(ignoredRef.current);
      ignoredNow.delete(key);
      // One trip to the worker both validates and evaluates: the codec's verdict is part of the
      // evaluation, and when the value is good its RDP figures are in the cache before the URL
      // state changes, so the results follow in the same render (a separate validate, then an
      // evaluate from the effect, cost two worker trips and a render in between: ~30 ms).
      const nextQuery = buildQuery({ ...rawRef.current, [key]: text }, keys, ignoredNow);
      let errors: FieldError[];
      try {
        const ev = cache.get(`rdp|${nextQuery}`) ?? await eng.evaluate(nextQuery, "rdp");
        cache.set(`rdp|${nextQuery}`, ev);
        errors = ev.parse.errors;
      } catch (e) {
        if (e instanceof Error && e.message === SUPERSEDED) return null;
        // The estimate failed (the engine, not the codec): the codec alone decides, and the results
        // effect reports the failure when it asks again.
        errors = (await eng.validate(nextQuery)).errors;
      }
      mark("privadapt:validated");
      if (commitSeq.current.get(key) !== seq) return null;
      const error = errors.find((e) => e.field === key);
      if (error) return error;
    }
    void setRawState({ [key]: text });
    return null;
  }, [keys, setRawState, cache]);

  const reset = useCallback((values: RawScenario) => {
    const next: RawScenario = Object.fromEntries(keys.map((k) => [k, values[k] ?? null]));
    // One history entry for the whole new scenario. Debounced, nuqs writes each key on its own
    // timer: a preset change became two or three pushes, and Back landed on a copy of the new
    // scenario. Throttled, every key goes out in one write.
    void setRawState(next, { history: "push", limitUrlUpdates: throttle(URL_UPDATE_MS) });
  }, [keys, setRawState]);

  const linkErrorFor = useCallback((key: string) => {
    if (!ignored.has(key)) return null;
    return linkProblems.errors.find((e) => e.field === key) ?? null;
  }, [ignored, linkProblems]);

  const estimateJson = useCallback(async () => {
    const eng = await (engineReady.current as { promise: Promise<Engine> }).promise;
    return eng.estimateJson(shown.evaluation.query, shown.evaluation.presentation.accountant.computed);
  }, [shown]);

  const analyse = useCallback(async (q: string, flips: boolean) => {
    const eng = await (engineReady.current as { promise: Promise<Engine> }).promise;
    return eng.analyse(q, flips);
  }, []);

  const value = useMemo<CalculatorState>(() => ({
    keys, raw, initialRaw, linkProblems,
    evaluation: shown.evaluation,
    prvPending: shown.prvPending,
    updating: shown.evaluation.query !== query,
    engineError,
    commit, reset, linkErrorFor, estimateJson, analyse,
    analysisOffThread: engine?.analysisOffThread ?? false,
  }), [keys, raw, initialRaw, linkProblems, shown, query, engineError, commit, reset, linkErrorFor, estimateJson, analyse, engine]);

  return <CalculatorContext.Provider value={value}>{children}</CalculatorContext.Provider>;
}
