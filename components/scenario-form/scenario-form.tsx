"use client";

import { useState } from "react";
import type { FormField, FormModel, MethodId } from "@/lib";
import { carriedOverTokens, formatCount, formatCountWithUnit, formatDelta, setupValues } from "@/lib/light";
import { useCalculator } from "../calculator/calculator-provider";
import { CheckboxGroup, LogSlider, SelectField, TextField, errorText } from "./fields";
import { LazyDetails } from "../lazy-details";
import { TokenCounter } from "./token-counter";
import { CommitSelect } from "./commit-select";
import { CustomChecklist, stillCarried, type CustomFrom } from "./custom-checklist";

/** Keys a preset change keeps: the user's decision, not the dataset's facts. */
const KEPT_ON_PRESET = ["v", "eps", "queries", "accountant", "methods", "prices", "batch", "cache", "gpu", "gpuPrice", "closedOnOpen", "dp-fewshotgen.generator", "maxCost", "minUtility", "protect", "maxEps", "utilitySource", "rank"];

const compact = (x: number) => (x >= 1e9 ? `${x / 1e9}B` : x >= 1e6 ? `${x / 1e6}M` : x >= 1e3 ? `${x / 1e3}k` : String(x));

export function ScenarioForm({ model }: { model: FormModel }) {
  const { raw, evaluation, commit, reset, linkErrorFor } = useCalculator();
  const s = evaluation.parse.scenario;
  const f = (key: string) => model.fields[key] as FormField;
  const value = (key: string, fallback: string | number | null) => raw[key] ?? (fallback === null ? "" : String(fallback));
  const text = (key: string, fallback: string | number | null, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField field={f(key)} value={value(key, fallback)} linkError={linkErrorFor(key)} commit={commit} {...extra} />
  );

  // The dataset a custom scenario came from: its N, classes and task stay on screen until the
  // user sets them, and the form marks them (custom-checklist.tsx).
  const [customFrom, setCustomFrom] = useState<CustomFrom | null>(null);
  const onPreset = (preset: string) => {
    if (preset === "custom") {
      const dataset = model.datasetTokenLengths.find((d) => d.dataset === s.preset);
      if (dataset) setCustomFrom({ label: dataset.label, source: dataset.source, task: s.task, classes: s.classes, records: s.records });
      // Custom starts from what is on screen, so the numbers do not jump; the token lengths are
      // then marked as the dataset's (carriedOverTokens). A new custom scenario is written as v=2,
      // so it prices the instruction every real call carries unless the user sets instr.
      reset({
        ...raw, v: raw.v === "3" ? "3" : "2", preset: "custom", task: s.task, n: String(s.records), in: String(s.inTokens), out: String(s.outTokens),
        classes: s.classes === null ? null : String(s.classes), closed: s.closedModels.join(","), open: s.openModels.join(","),
      });
      return;
    }
    reset({ ...Object.fromEntries(KEPT_ON_PRESET.map((k) => [k, raw[k] ?? null])), preset: preset === "sst2" ? null : preset });
  };

  // "Today's setup" is link version 3; "the study's setup (2024)" is v=1 (v=2 for custom, which
  // differs only in custom's instruction tokens). Switching restores that version's defaults for
  // the current dataset, as a preset change does, so the study's setup is exactly a v=1 link.
  const today = s.v === 3;
  const onSetup = (setup: string) => reset(setupValues(setup === "today" ? "today" : "study-2024", s.preset, s.task));

  const methods = f("methods");
  const selectedMethods = raw.methods !== null && raw.methods !== undefined ? raw.methods.split(",").filter(Boolean) : s.methods;
  const methodIds = (llm: "closed" | "open") => (methods.options ?? []).filter((o) => o.group === llm).map((o) => o.id);
  const closed = f("closed");
  const selectedClosed = raw.closed !== null && raw.closed !== undefined ? raw.closed.split(",").filter(Boolean) : s.closedModels;
  const open = f("open");
  const selectedOpen = raw.open !== null && raw.open !== undefined ? raw.open.split(",").filter(Boolean) : s.openModels;
  const hostedField = f("hosted");
  const hostedOrder = (hostedField.options ?? []).map((o) => o.id);
  const selectedHosted = raw.hosted !== null && raw.hosted !== undefined ? raw.hosted.split(",").filter(Boolean) : s.hostedModels;
  // A price override on an open model means it is hosted (the share link's rule, README).
  const priced = (id: string) => (raw[`price.${id}`] ?? "") !== "";
  const runsAtHost = (id: string) => selectedHosted.includes(id) || priced(id);
  const setRunsOn = (id: string, atHost: boolean) => {
    const set = new Set(selectedHosted);
    if (atHost) set.add(id);
    else set.delete(id);
    const list = hostedOrder.filter((o) => set.has(o)).join(",");
    // Back to the GPU also drops the model's per-token price, which would otherwise keep it hosted.
    if (!atHost && priced(id)) reset({ ...raw, hosted: list === "" ? null : list, [`price.${id}`]: null });
    else void commit("hosted", list === "" ? null : list);
  };
  const hostedError = linkErrorFor("hosted");
  const closedOnOpen = f("closedOnOpen");
  const selectedClosedOnOpen = raw.closedOnOpen !== null && raw.closedOnOpen !== undefined ? raw.closedOnOpen.split(",").filter(Boolean) : s.closedOnOpen;
  // A link that got a method setting or a price override wrong opens the section, so its banner
  // and the field's own message are both in view.
  const advancedHasLinkError = [...model.knobs.flatMap((g) => g.fields.map((k) => k.key)), ...model.priceOverrides.map((p) => p.key), ...model.knobs.flatMap((g) => g.settings.map((k) => k.key))]
    .some((k) => linkErrorFor(k) !== null);
  const carried = carriedOverTokens(model.datasetTokenLengths, s.preset, s.inTokens, s.outTokens);
  const carriedNote = carried
    ? <>Carried over from {carried.label} ({carried.source} average), not measured on your data: count one of your own records with “Paste a sample record” just below.</>
    : undefined;
  const instrNote = s.preset !== "custom"
    ? <>The study’s presets count no instruction (its Appendix D accounting), so its cost tables reproduce.</>
    : raw.instr === null || raw.instr === undefined
      ? <>Default for a custom scenario: {model.instructionTokensCustomDefault}, the study’s 0-shot SST2 cost ($6.00 per 10k on Davinci, Table 3) less the query (docs/derivations.md §S11).{s.instructionTokens === 0 ? " This link is v=1, whose custom default is 0." : ""}</>
      : undefined;
  const isCustom = s.preset === "custom";
  const still = stillCarried({ from: isCustom ? customFrom : null, task: s.task, classes: s.classes, records: s.records });
  const mustSet = (on: boolean, field: ReturnType<typeof text>) => (on ? <div className="must-set">{field}</div> : field);
  const oneOverN = 1 / s.records;
  // δ = 1/N is the study's setting, and the default: labelled as such, not warned about (issue #19
  // item 4; v=1 links keep it). Only a δ above 1/N gets the warning. 1e-9 relative: a δ typed as
  // 1/N to the box's three digits (1.5e-5 for N = 66,674) is above 1/N, so it is warned about.
  const deltaIsOneOverN = Math.abs(s.delta - oneOverN) <= oneOverN * 1e-9;
  const deltaHigh = s.delta > oneOverN * (1 + 1e-9);

  return (
    <form className="scenario-form" aria-label="Scenario" onSubmit={(e) => e.preventDefault()}>
      <h2>Scenario</h2>
      <section aria-labelledby="sec-data">
        <h3 id="sec-data">Data</h3>
        <div className="field">
          <label htmlFor="setup-select">Setup</label>
          <select id="setup-select" name="v" value={today ? "today" : "study-2024"} aria-describedby="setup-help" onChange={(e) => onSetup(e.target.value)}>
            <option value="today">Today&apos;s models at current prices (link v=3)</option>
            <option value="study-2024">The study&apos;s setup (2024): its models, prices and A40 (link v=1)</option>
          </select>
          <p id="setup-help" className="help">Restores that setup&apos;s defaults for this dataset. The study&apos;s GPT-3 models are retired; they stay selectable, marked with the date.</p>
        </div>
        <CommitSelect field={f("preset")} value={value("preset", s.preset)} linkError={linkErrorFor("preset")} onCommit={onPreset}
          note="Loads the dataset's N, token lengths, models and method settings; keeps ε, queries, methods, prices and GPU." />
        {isCustom ? (
          <CustomChecklist from={customFrom} task={s.task} taskLabel={(f("task").options ?? []).find((o) => o.id === s.task)?.label ?? s.task}
            classes={s.classes} records={s.records} tokensFrom={carried} />
        ) : null}
        <SelectField field={f("task")} value={value("task", s.task)} linkError={linkErrorFor("task")} onChange={(v) => void commit("task", v)} />
        {s.task === "classification"
          ? mustSet(still.classes, text("classes", s.classes, { inputMode: "numeric", ...(still.classes && customFrom ? { warning: <>To set: still {customFrom.label}’s {s.classes} classes ({customFrom.source}).</> } : {}) }))
          : null}
        {mustSet(still.records, text("n", s.records, {
          inputMode: "numeric", note: <>Now {formatCount(s.records)} records.</>,
          ...(still.records && customFrom ? { warning: <>To set: still {customFrom.label}’s N ({customFrom.source}), not the number of your records.</> } : {}),
        }))}
        {mustSet(carried !== null, text("in", s.inTokens, carriedNote ? { warning: carriedNote } : {}))}
        {mustSet(carried !== null, text("out", s.outTokens, carried ? { warning: <>Carried over from {carried.label} too ({carried.source} average).</> } : {}))}
        <TokenCounter commit={commit} open={carried !== null} />
        {text("instr", s.instructionTokens, instrNote ? { note: instrNote } : {})}
      </section>

      <section aria-labelledby="sec-use">
        <h3 id="sec-use">Use and privacy</h3>
        {text("queries", s.queries, {
          inputMode: "numeric",
          note: <>Now {formatCount(s.queries)} queries.</>,
          after: (draft, setDraft) => (
            <LogSlider label="Queries to answer, log-scale slider" min={1} max={1e9} integer text={draft} onChange={setDraft}
              ticks={[1, 1e3, 1e6, 1e9]} formatTick={compact} valueText={(x) => formatCountWithUnit(x, "query", "queries")} />
          ),
        })}
        {text("eps", s.epsilon, {
          after: (draft, setDraft) => (
            <LogSlider label="ε (epsilon), log-scale slider" min={0.1} max={100} text={draft} onChange={setDraft}
              ticks={[0.1, 1, 10, 100]} ends={["smaller ε = stronger privacy", "weaker privacy"]} valueText={(x) => `ε = ${x}`} />
          ),
        })}
        {text("delta", formatDelta(s.delta), {
          note: deltaIsOneOverN
            ? <>Scientific notation, e.g. 1e-6. Now δ = 1/N = {formatDelta(oneOverN)}, the study’s choice for every experiment (Hanke et al. 2024, Section 4 and Table 1). The DP literature advises δ well below 1/N (Dwork &amp; Roth 2014, §2.3), e.g. 1e-6, for a stricter guarantee.</>
            : <>Scientific notation, e.g. 1e-6. 1/N = {formatDelta(oneOverN)}; the study uses δ = 1/N.</>,
          warning: deltaHigh ? <>δ = {formatDelta(s.delta)} is above 1/N = {formatDelta(oneOverN)}: a mechanism that publishes one random record in full meets such a guarantee (Dwork &amp; Roth 2014, §2.3). The study uses δ = 1/N; below it (e.g. 1e-6) is the usual advice.</> : undefined,
        })}
        <SelectField field={f("accountant")} value={value("accountant", s.accountant)} linkError={linkErrorFor("accountant")} onChange={(v) => void commit("accountant", v)}
          note="Every ε on the page names the accountant that produced it." />
      </section>

      <section aria-labelledby="sec-methods">
        <h3 id="sec-methods">Methods and models</h3>
        <CheckboxGroup field={methods} selected={selectedMethods} linkError={linkErrorFor("methods")} commit={commit}
          groups={[{ legend: "Closed LLM (through a provider's API)", ids: methodIds("closed") }, { legend: "Open LLM (on your own GPU or a host)", ids: methodIds("open") }]} />
        <CheckboxGroup field={closed} selected={selectedClosed} linkError={linkErrorFor("closed")} commit={commit}
          groups={[
            { legend: "Used in the study", ids: (closed.options ?? []).filter((o) => o.group === "study").map((o) => o.id) },
            { legend: "Current models (priced by the current price set)", ids: (closed.options ?? []).filter((o) => o.group === "current").map((o) => o.id) },
          ]} />
        <CheckboxGroup field={open} selected={selectedOpen} linkError={linkErrorFor("open")} commit={commit}
          groups={[{ legend: "Open models", ids: (open.options ?? []).map((o) => o.id) }]} />
        {selectedOpen.length > 0 ? (
          <fieldset className="field runs-on">
            <legend>{hostedField.label}: where each open model runs</legend>
            {selectedOpen.map((id) => {
              const label = (open.options ?? []).find((o) => o.id === id)?.label ?? id;
              return (
                <div key={id} className="input-row">
                  <span aria-hidden="true">{label} runs on </span>
                  <select name={`runs-on-${id}`} aria-label={`${label} runs on`} value={runsAtHost(id) ? "host" : "gpu"} onChange={(e) => setRunsOn(id, e.target.value === "host")}>
                    <option value="gpu">my GPU</option>
                    <option value="host">a host</option>
                  </select>
                  {runsAtHost(id) && !priced(id) ? <span className="help"> Set its price under Advanced (price overrides); until then its cost shows as unknown.</span> : null}
                </div>
              );
            })}
            <p className="help">{hostedField.description}</p>
            <p className="field-error" aria-live="polite">{hostedError ? errorText(hostedError) : null}</p>
          </fieldset>
        ) : null}
        {selectedOpen.length > 0 ? (
          <CheckboxGroup field={closedOnOpen} selected={selectedClosedOnOpen} linkError={linkErrorFor("closedOnOpen")} commit={commit}
            groups={[{ legend: "Closed-LLM methods also run on the open models above", ids: (closedOnOpen.options ?? []).map((o) => o.id) }]} />
        ) : null}
      </section>

      <section aria-labelledby="sec-cost">
        <h3 id="sec-cost">Prices and hardware</h3>
        <SelectField field={f("prices")} value={value("prices", s.priceSet)} linkError={linkErrorFor("prices")} onChange={(v) => void commit("prices", v)} />
        <SelectField field={f("batch")} value={value("batch", s.batch ?? "off")} linkError={linkErrorFor("batch")} onChange={(v) => void commit("batch", v === "off" ? null : v)}
          note="Each row's cost breakdown says which stages were batched and why the others were not." />
        <SelectField field={f("cache")} value={value("cache", s.cache ?? "off")} linkError={linkErrorFor("cache")} onChange={(v) => void commit("cache", v === "off" ? null : v)}
          note="Applies only above the provider's minimum prefix (1,024 tokens or more) and with a cached price in the current price set; each row says why it did or did not." />
        <SelectField field={f("gpu")} value={value("gpu", s.gpu)} linkError={linkErrorFor("gpu")} onChange={(v) => void commit("gpu", v)}
          note="Changing the GPU resets its price to that GPU's default." />
        {text("gpuPrice", s.gpuUsdPerHour)}
      </section>

      <section aria-labelledby="sec-must">
        <h3 id="sec-must">What must hold</h3>
        {text("maxCost", s.maxCostUsd, { placeholder: "no limit" })}
        {text("minUtility", s.minUtility, { placeholder: "none" })}
        <CheckboxGroup field={f("protect")} selected={raw.protect !== null && raw.protect !== undefined ? raw.protect.split(",").filter(Boolean) : s.protect} linkError={linkErrorFor("protect")} commit={commit}
          groups={[{ legend: "Channels that must not leak", ids: (f("protect").options ?? []).map((o) => o.id) }]} />
        {text("maxEps", s.maxEpsilon, { placeholder: "ε as set above" })}
        <SelectField field={f("utilitySource")} value={value("utilitySource", s.utilitySource)} linkError={linkErrorFor("utilitySource")} onChange={(v) => void commit("utilitySource", v === "study" ? null : v)} />
        <SelectField field={f("rank")} value={value("rank", s.rank)} linkError={linkErrorFor("rank")} onChange={(v) => void commit("rank", v === "privacy" ? null : v)} />
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
            {/* The method's non-numeric settings (DP-FewShotGen's generator); its default leaves the link. */}
            {g.settings.map((st) => (
              <SelectField key={st.key} field={st} value={value(st.key, String((s as unknown as Record<string, unknown>)[st.path]))} linkError={linkErrorFor(st.key)}
                onChange={(v) => void commit(st.key, v === st.defaultValue ? null : v)} />
            ))}
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
