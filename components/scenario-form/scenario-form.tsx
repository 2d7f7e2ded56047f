"use client";

import type { FormField, FormModel, MethodId } from "@/lib";
import { formatCount, formatDelta } from "@/lib/present/format";
import { useCalculator } from "../calculator/calculator-provider";
import { CheckboxGroup, LogSlider, SelectField, TextField, roundTwoSignificant } from "./fields";
import { LazyDetails } from "../lazy-details";
import { TokenCounter } from "./token-counter";

/** Keys a preset change keeps: the user's decision, not the dataset's facts. */
const KEPT_ON_PRESET = ["v", "eps", "queries", "accountant", "methods", "prices", "gpu", "gpuPrice"];

/** δ as it reads best in a box: "1.5e-5". */
function deltaText(x: number): string {
  return Number(x.toPrecision(3)).toExponential().replace("e+", "e");
}

const compact = (x: number) => (x >= 1e9 ? `${x / 1e9}B` : x >= 1e6 ? `${x / 1e6}M` : x >= 1e3 ? `${x / 1e3}k` : String(x));

export function ScenarioForm({ model }: { model: FormModel }) {
  const { raw, evaluation, commit, reset, linkErrorFor } = useCalculator();
  const s = evaluation.parse.scenario;
  const f = (key: string) => model.fields[key] as FormField;
  const value = (key: string, fallback: string | number | null) => raw[key] ?? (fallback === null ? "" : String(fallback));
  const text = (key: string, fallback: string | number | null, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField field={f(key)} value={value(key, fallback)} linkError={linkErrorFor(key)} commit={commit} {...extra} />
  );

  const onPreset = (preset: string) => {
    if (preset === "custom") {
      // Custom starts from what is on screen, so the numbers do not jump.
      reset({
        ...raw, preset: "custom", task: s.task, n: String(s.records), in: String(s.inTokens), out: String(s.outTokens),
        classes: s.classes === null ? null : String(s.classes), closed: s.closedModels.join(","), open: s.openModels.join(","),
      });
      return;
    }
    reset({ ...Object.fromEntries(KEPT_ON_PRESET.map((k) => [k, raw[k] ?? null])), preset: preset === "sst2" ? null : preset });
  };

  const methods = f("methods");
  const selectedMethods = raw.methods !== null && raw.methods !== undefined ? raw.methods.split(",").filter(Boolean) : s.methods;
  const methodIds = (llm: "closed" | "open") => (methods.options ?? []).filter((o) => o.group === llm).map((o) => o.id);
  const closed = f("closed");
  const selectedClosed = raw.closed !== null && raw.closed !== undefined ? raw.closed.split(",").filter(Boolean) : s.closedModels;
  const open = f("open");
  const selectedOpen = raw.open !== null && raw.open !== undefined ? raw.open.split(",").filter(Boolean) : s.openModels;
  // A link that got a method setting or a price override wrong opens the section, so its banner
  // and the field's own message are both in view.
  const advancedHasLinkError = [...model.knobs.flatMap((g) => g.fields.map((k) => k.key)), ...model.priceOverrides.map((p) => p.key)]
    .some((k) => linkErrorFor(k) !== null);
  const oneOverN = 1 / s.records;
  const deltaHigh = s.delta >= oneOverN * (1 - 1e-12);

  return (
    <form className="scenario-form" aria-label="Scenario" onSubmit={(e) => e.preventDefault()}>
      <h2>Scenario</h2>
      <section aria-labelledby="sec-data">
        <h3 id="sec-data">Data</h3>
        <SelectField field={f("preset")} value={value("preset", s.preset)} linkError={linkErrorFor("preset")} onChange={onPreset}
          note="Loads the dataset's N, token lengths, models and method settings; keeps ε, queries, methods, prices and GPU." />
        <SelectField field={f("task")} value={value("task", s.task)} linkError={linkErrorFor("task")} onChange={(v) => void commit("task", v)} />
        {s.task === "classification" ? text("classes", s.classes, { inputMode: "numeric" }) : null}
        {text("n", s.records, { inputMode: "numeric", note: <>Now {formatCount(s.records)} records.</> })}
        {text("in", s.inTokens)}
        {text("out", s.outTokens)}
        <TokenCounter commit={commit} />
      </section>

      <section aria-labelledby="sec-use">
        <h3 id="sec-use">Use and privacy</h3>
        {text("queries", s.queries, {
          inputMode: "numeric",
          note: <>Now {formatCount(s.queries)} queries.</>,
          after: (draft, setDraft) => (
            <LogSlider label="Queries to answer, log-scale slider" min={1} max={1e9} text={draft} onChange={setDraft}
              round={(x) => Math.max(1, Math.round(roundTwoSignificant(x)))} ticks={[1, 1e3, 1e6, 1e9]} formatTick={compact} />
          ),
        })}
        {text("eps", s.epsilon, {
          after: (draft, setDraft) => (
            <LogSlider label="ε (epsilon), log-scale slider" min={0.1} max={100} text={draft} onChange={setDraft}
              round={roundTwoSignificant} ticks={[0.1, 1, 10, 100]} ends={["smaller ε = stronger privacy", "weaker privacy"]} />
          ),
        })}
        {text("delta", deltaText(s.delta), {
          note: <>Scientific notation, e.g. 1e-6. 1/N = {formatDelta(oneOverN)}.</>,
          warning: deltaHigh ? <>δ = {formatDelta(s.delta)} is not below 1/N = {formatDelta(oneOverN)}: a mechanism that publishes one random record in full meets such a guarantee. The study uses δ = 1/N; below it (e.g. 1e-6) is the usual advice.</> : undefined,
        })}
        <SelectField field={f("accountant")} value={value("accountant", s.accountant)} linkError={linkErrorFor("accountant")} onChange={(v) => void commit("accountant", v)}
          note="Every ε on the page names the accountant that produced it." />
      </section>

      <section aria-labelledby="sec-methods">
        <h3 id="sec-methods">Methods and models</h3>
        <CheckboxGroup field={methods} selected={selectedMethods} linkError={linkErrorFor("methods")} commit={commit}
          groups={[{ legend: "Closed LLM (through a provider's API)", ids: methodIds("closed") }, { legend: "Open LLM (on your own GPU)", ids: methodIds("open") }]} />
        <CheckboxGroup field={closed} selected={selectedClosed} linkError={linkErrorFor("closed")} commit={commit}
          groups={[
            { legend: "Used in the study", ids: (closed.options ?? []).filter((o) => o.group === "study").map((o) => o.id) },
            { legend: "Current models (priced by the current price set)", ids: (closed.options ?? []).filter((o) => o.group === "current").map((o) => o.id) },
          ]} />
        <CheckboxGroup field={open} selected={selectedOpen} linkError={linkErrorFor("open")} commit={commit}
          groups={[{ legend: "Local models", ids: (open.options ?? []).map((o) => o.id) }]} />
      </section>

      <section aria-labelledby="sec-cost">
        <h3 id="sec-cost">Prices and hardware</h3>
        <SelectField field={f("prices")} value={value("prices", s.priceSet)} linkError={linkErrorFor("prices")} onChange={(v) => void commit("prices", v)} />
        <SelectField field={f("gpu")} value={value("gpu", s.gpu)} linkError={linkErrorFor("gpu")} onChange={(v) => void commit("gpu", v)}
          note="Changing the GPU resets its price to that GPU's default." />
        {text("gpuPrice", s.gpuUsdPerHour)}
      </section>

      <LazyDetails className="advanced" summary="Advanced: method settings and price overrides" defaultOpen={advancedHasLinkError}>
        {model.knobs.filter((g) => selectedMethods.includes(g.method)).map((g) => (
          <fieldset key={g.method} className="knobs">
            <legend>{g.label}</legend>
            {g.note ? <p className="help">Defaults: {g.note}</p> : null}
            {g.fields.map((k) => {
              const knob = k.key.slice(g.method.length + 1);
              const current = (s.knobs[g.method as MethodId] as Record<string, number | string>)[knob] ?? null;
              // An enum knob (`<method>.impl`) is a choice, the others are numbers.
              if (k.options) return <SelectField key={k.key} field={k} value={value(k.key, current)} linkError={linkErrorFor(k.key)} onChange={(v) => void commit(k.key, v)} />;
              return <TextField key={k.key} field={k} value={value(k.key, current)} linkError={linkErrorFor(k.key)} commit={commit} inputMode="numeric" />;
            })}
          </fieldset>
        ))}
        <fieldset className="knobs">
          <legend>Price overrides</legend>
          <p className="help">Replaces a model’s API price: two numbers, input and output $ per 1M tokens (e.g. 2,8). A model with no price in the chosen set shows “no price” until you set one here.</p>
          {model.priceOverrides.filter((p) => {
            const id = p.key.slice("price.".length);
            return selectedClosed.includes(id) || selectedOpen.includes(id);
          }).map((p) => (
            <TextField key={p.key} field={p} value={raw[p.key] ?? ""} linkError={linkErrorFor(p.key)} commit={commit} inputMode="text" placeholder="input,output ($/1M tokens)" compact />
          ))}
        </fieldset>
      </LazyDetails>
    </form>
  );
}
