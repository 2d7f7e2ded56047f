/**
 * The calculator page's components, rendered as the page renders them.
 *
 * Oracles: the study's printed costs (Hanke et al. 2024, Table 4: DP-ICL on GPT-3 Davinci for
 * SAMSum, $0 training and $665.91 per 10,000 queries), literal figures for the same scenario
 * derived in comments (the engines are tested elsewhere; here the page must show them),
 * the field rules of lib/scenario/schema.ts for error messages, and a hand tokenization (cl100k_base) for the tokenizer test.
 */
import "./jsdom-polyfills";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import Papa from "papaparse";
import { createInlineEngine } from "@/components/calculator/inline-engine";
import type { Engine } from "@/components/calculator/protocol";
import { renderCalculator, URL_WRITE_WAIT_MS } from "./render-calculator";

const KNOWN = "preset=samsum&methods=dp-icl,private-lora&closed=gpt-3-davinci&open=bart-large&accountant=rdp";

// Generous: the first test pays for loading the engines and recharts on a busy 2-core machine.
jest.setTimeout(90000);

const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

describe("results for a known scenario", () => {
  test("the table has one row per method × model, with the study's DP-ICL cost and the engine's totals", async () => {
    await renderCalculator(KNOWN);
    const table = screen.getByRole("table", { name: "Comparison of methods" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["DP-ICL", "PrivateLoRA"]);
    // Hanke et al. 2024, Table 4: $665.91 per 10,000 SAMSum queries on GPT-3 Davinci, no training cost.
    expect(screen.getByTestId("total-dp-icl-gpt-3-davinci")).toHaveTextContent("$665.91");
    // PrivateLoRA on BART-Large is the study's own SAMSum setup, so its cost is the study's measurement
    // (issue #15, measured first): Table 4 prints $2.90 training + $0.69 for 10,000 queries = $3.59.
    expect(screen.getByTestId("total-private-lora-bart-large")).toHaveTextContent("$3.59");
    expect(screen.getByTestId("total-private-lora-bart-large").getAttribute("title")).toMatch(/Total = training \+ queries/);
  });

  test("headers carry units and every ε names its accountant", async () => {
    await renderCalculator(KNOWN);
    const table = screen.getByRole("table", { name: "Comparison of methods" });
    expect(within(table).getByRole("columnheader", { name: /Total cost \(USD\)/ })).toBeInTheDocument();
    // The compact view (issue #19) shows the study's figure with its unit; "More columns" shows the counts, whose header names the unit once.
    expect(within(table).getByRole("columnheader", { name: /ROUGE-L in the study \(points\)/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("checkbox", { name: "More columns" }));
    expect(within(table).getByRole("columnheader", { name: /^Private records sent to provider/ })).toBeInTheDocument();
    expect(screen.getByTestId("epsilon-dp-icl")).toHaveTextContent(/^\d/);
    const privacy = screen.getByRole("table", { name: "Privacy per method" });
    expect(within(privacy).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[1]!.textContent)).toEqual(["RDP", "RDP"]);
  });

  test("the summary names the cheapest, the most accurate by the study's figures and the leak-free options", async () => {
    await renderCalculator(KNOWN);
    expect(screen.getByText("Cheapest option").nextElementSibling).toHaveTextContent(/^PrivateLoRA on BART-Large \(XSum\)/);
    // Table 4: PrivateLoRA on BART-Large reaches ROUGE-L 39.1, DP-ICL on Davinci 31.8, both measured at ε = 8.
    // The card's label no longer says "measured": its text says what kind of figure it compares.
    expect(screen.getByText("Most accurate by the study's figures").nextElementSibling).toHaveTextContent("PrivateLoRA on BART-Large (XSum): ROUGE-L 39.1 (measured at ε = 8; Hanke et al. 2024, Table 4)");
    expect(screen.getByText("Leak nothing to the provider").nextElementSibling).toHaveTextContent(/^PrivateLoRA/);
  });

  test("sorting by total cost puts the cheaper option first and sets aria-sort", async () => {
    await renderCalculator(KNOWN);
    const table = screen.getByRole("table", { name: "Comparison of methods" });
    fireEvent.click(within(table).getByRole("button", { name: /Total cost/ }));
    expect(within(table).getByRole("columnheader", { name: /Total cost/ })).toHaveAttribute("aria-sort", "ascending");
    expect(within(table).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["PrivateLoRA", "DP-ICL"]);
    fireEvent.click(within(table).getByRole("button", { name: /Total cost/ }));
    expect(within(table).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["DP-ICL", "PrivateLoRA"]);
  });

  test("Copy as CSV writes exactly the table's rows, unformatted, with units in the header", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await renderCalculator(KNOWN);
    const table = screen.getByRole("table", { name: "Comparison of methods" });
    fireEvent.click(within(table).getByRole("button", { name: /Total cost/ }));
    fireEvent.click(screen.getByRole("button", { name: "Copy as CSV" }));
    await waitFor(() => expect(writeText).toHaveBeenCalled());
    const parsed = Papa.parse<string[]>(writeText.mock.calls[0][0] as string).data;
    const [header, ...body] = parsed;
    // The CSV has every column: the headers "More columns" shows (less the links column "This option").
    fireEvent.click(screen.getByRole("checkbox", { name: "More columns" }));
    const domHeaders = within(table).getAllByRole("columnheader").map((h) => h.textContent!.replace(/[▲▼]/g, "").trim()).filter((h) => h !== "This option");
    expect(header).toEqual(domHeaders);
    expect(header).toEqual([
      "Method", "LLM", "Model", "Training cost (USD)", "Query cost, 10,000 queries (USD)", "Total cost (USD)", "ε achieved", "ε accountant",
      "ROUGE-L in the study (points)", "Kind of figure", "Private records sent to provider", "Copies of each query sent to provider", "Provider receives",
    ]);
    const domRows = within(table).getAllByRole("row").slice(1);
    expect(body).toHaveLength(domRows.length);
    // Sorted by total, ascending: PrivateLoRA ($3.59, see above) before DP-ICL ($665.91, Table 4). The CSV keeps
    // the unrounded dollars; the page shows them to the cent.
    expect(body.map((row) => row[0])).toEqual(["PrivateLoRA", "DP-ICL"]);
    const totals = body.map((row) => Number(row[header!.indexOf("Total cost (USD)")]));
    expect(Math.abs(totals[0]! - 3.59)).toBeLessThan(0.005);
    expect(Math.abs(totals[1]! - 665.91)).toBeLessThan(0.005);
    expect(within(domRows[0]!).getByTestId("total-private-lora-bart-large")).toHaveTextContent("$3.59");
    expect(within(domRows[1]!).getByTestId("total-dp-icl-gpt-3-davinci")).toHaveTextContent("$665.91");
  });

  test("charts render one series per compared method once recharts has loaded", async () => {
    const { container } = await renderCalculator(KNOWN);
    const costVsQueries = container.querySelector('[data-chart="costVsQueries"]') as HTMLElement;
    expect(within(costVsQueries).getByRole("heading", { level: 3 })).toHaveTextContent(/^Open PrivateLoRA is \d+× cheaper than DP-ICL at 10,000 queries/);
    await waitFor(() => expect(costVsQueries.querySelectorAll(".recharts-line")).toHaveLength(2), { timeout: 10000 });
    const split = container.querySelector('[data-chart="costSplit"]') as HTMLElement;
    await waitFor(() => expect(split.querySelectorAll(".recharts-bar-rectangle").length).toBeGreaterThanOrEqual(3));
    const utility = container.querySelector('[data-chart="utility"]') as HTMLElement;
    await waitFor(() => expect(utility.querySelectorAll(".recharts-scatter")).toHaveLength(2));
    // The accessible fallback lists the same series. It is rendered when its <details> opens
    // (components/lazy-details.tsx), not before.
    expect(within(costVsQueries).queryByRole("table")).toBeNull();
    fireEvent.click(within(costVsQueries).getByText("Data table"));
    const fallback = await within(costVsQueries).findByRole("table");
    expect(within(fallback).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(
      expect.arrayContaining(["DP-ICL · GPT-3 Davinci", "PrivateLoRA · BART-Large (XSum)"]),
    );
  });
});

describe("the form and the URL", () => {
  test("typing ε writes it to the URL (replace, no history entry)", async () => {
    const { lastUrl, onUrlUpdate } = await renderCalculator(KNOWN);
    fireEvent.change(screen.getByLabelText("ε (epsilon)"), { target: { value: "2" } });
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(lastUrl()?.get("eps")).toBe("2"));
    expect(onUrlUpdate.mock.calls.every(([e]) => e.options.history !== "push")).toBe(true);
    await waitFor(() => expect(screen.getByText(/ε = 2,/)).toBeInTheDocument());
  });

  test("the figures follow at once, the URL once typing pauses, and the header's links follow the figures", async () => {
    const { lastUrl } = await renderCalculator(KNOWN);
    const statement = () => screen.getByRole("link", { name: "Printable statement" }).getAttribute("href") ?? "";
    const json = () => screen.getByRole("link", { name: "API: this scenario as JSON" }).getAttribute("href") ?? "";
    expect(statement()).not.toMatch(/eps=/); // the default ε = 8 is not written
    fireEvent.change(screen.getByLabelText("ε (epsilon)"), { target: { value: "2" } });
    await waitFor(() => expect(screen.getByText(/ε = 2,/)).toBeInTheDocument(), { interval: 20 });
    // Debounced (URL_UPDATE_MS = 200): not yet in the URL, already in the links to the other doors.
    expect(lastUrl()?.get("eps") ?? null).toBeNull();
    expect(statement()).toMatch(/^\/statement\?(.+&)?eps=2(&|$)/);
    expect(json()).toMatch(/^\/api\/v1\/estimate\?(.+&)?eps=2(&|$)/);
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(lastUrl()?.get("eps")).toBe("2"));
  });

  test("a value the codec refuses stays in the box with what is allowed, and never reaches the URL", async () => {
    const { lastUrl } = await renderCalculator(KNOWN);
    const input = screen.getByLabelText("ε (epsilon)");
    fireEvent.change(input, { target: { value: "200" } });
    // lib/scenario/schema.ts: eps is a number in [MIN_EPSILON = 0.001, 100], both ends included.
    await waitFor(() => expect(screen.getByText(/Not accepted: is out of range\. Allowed: a number from 0\.001 to 100\./)).toBeInTheDocument());
    expect(input).toHaveValue("200");
    expect(input).toHaveAttribute("aria-invalid", "true");
    fireEvent.blur(input);
    expect(input).toHaveValue("200");
    await wait(URL_WRITE_WAIT_MS);
    expect(lastUrl()?.get("eps") ?? null).toBeNull();
  });

  test("queries, N and the slider write their keys", async () => {
    const { lastUrl } = await renderCalculator(KNOWN);
    fireEvent.change(screen.getByLabelText("Queries to answer"), { target: { value: "250000" } });
    fireEvent.change(screen.getByLabelText("Private records N"), { target: { value: "5000" } });
    await wait(URL_WRITE_WAIT_MS);
    // Each key's write is debounced on its own (nuqs), so the two may land in two writes.
    await waitFor(() => {
      expect(lastUrl()?.get("queries")).toBe("250000");
      expect(lastUrl()?.get("n")).toBe("5000");
    });
    fireEvent.change(screen.getByLabelText("ε (epsilon), log-scale slider"), { target: { value: "0" } });
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(lastUrl()?.get("eps")).toBe("1"));
  });

  test("unticking the last method is refused with the codec's reason", async () => {
    const { lastUrl } = await renderCalculator("preset=samsum&methods=dp-icl&closed=gpt-3-davinci&open=bart-large&accountant=rdp");
    const box = screen.getByRole("checkbox", { name: "DP-ICL" });
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByText(/Not accepted: needs at least 1 item/)).toBeInTheDocument());
    expect(box).toBeChecked();
    await wait(URL_WRITE_WAIT_MS);
    expect(lastUrl()).toBeNull();
  });

  test("picking a preset pushes one history entry with the dataset's defaults and keeps ε", async () => {
    const { lastUrl, onUrlUpdate } = await renderCalculator("eps=3&n=5000&methods=dp-icl,private-lora&accountant=rdp");
    fireEvent.change(screen.getByLabelText("Preset"), { target: { value: "trec" } });
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(lastUrl()?.get("preset")).toBe("trec"));
    expect(lastUrl()?.get("eps")).toBe("3");
    expect(lastUrl()?.get("n")).toBeNull();
    expect(onUrlUpdate.mock.calls.at(-1)![0].options.history).toBe("push");
    // Exactly one write (one history entry) for the whole new scenario, even after a pause.
    await wait(URL_WRITE_WAIT_MS);
    expect(onUrlUpdate.mock.calls.filter(([e]) => e.options.history === "push")).toHaveLength(1);
  });

  test("the tokenizer counts a pasted record and fills the input-token field", async () => {
    const { lastUrl } = await renderCalculator(KNOWN);
    const sample = "The committee meets on Thursday to review the quarterly privacy audit.";
    fireEvent.click(screen.getByText("Paste a sample record to count its tokens"));
    fireEvent.change(screen.getByLabelText("Sample record or query"), { target: { value: sample } });
    fireEvent.change(screen.getByLabelText("Tokenizer"), { target: { value: "cl100k_base" } });
    fireEvent.click(screen.getByRole("button", { name: "Count tokens and fill" }));
    // cl100k_base gives each of these common words one token with its leading space, plus the full stop:
    // "The" " committee" " meets" " on" " Thursday" " to" " review" " the" " quarterly" " privacy" " audit" "." = 12.
    const expected = "12";
    await waitFor(() => expect(screen.getByLabelText("Input tokens per record")).toHaveValue(expected), { timeout: 10000 });
    await wait(URL_WRITE_WAIT_MS);
    expect(lastUrl()?.get("in")).toBe(expected);
    expect(screen.getByText(new RegExp(`Counted with cl100k_base: input ${expected} tokens`))).toBeInTheDocument();
  });

  // δ = 1/N is the study's setting and the default: labelled, not warned about (issue #19 item 4;
  // test/components/delta-default.test.tsx). Above 1/N it is warned about. δ prints by the one δ
  // rule (3 significant digits, scientific below 1e-3): 1/N = 0.001, was "1.00e-3".
  test("δ above 1/N carries a warning", async () => {
    await renderCalculator("delta=0.002&n=1000&methods=dp-icl,private-lora&accountant=rdp");
    expect(screen.getByText(/is above 1\/N = 0\.001\b/)).toBeInTheDocument();
  });
});

describe("a bad link", () => {
  test("shows an alert naming each ignored field and why; the rest of the link still applies", async () => {
    await renderCalculator("eps=abc&n=-5&queries=5000&foo=1&methods=dp-icl,private-lora&accountant=rdp");
    const alert = screen.getByRole("alert");
    // Each field by its label, with what the link held (issue #19: it printed "eps: eps is not a number").
    expect(alert).toHaveTextContent("ε (epsilon) is not a number (eps=abc in the link).");
    expect(alert).toHaveTextContent("Private records N is out of range (n=-5 in the link).");
    // lib/scenario/schema.ts: n is an integer in [2, 1e9]; eps a number in [0.001, 100].
    expect(alert).toHaveTextContent("Allowed: a whole number from 2 to 1,000,000,000.");
    expect(alert).toHaveTextContent("Allowed: a number from 0.001 to 100.");
    expect(alert).toHaveTextContent(/Unknown key "foo" ignored/);
    // queries=5000 still applies; ε falls back to the default 8.
    expect(screen.getByText(/5,000 queries · ε = 8,/)).toBeInTheDocument();
    expect(screen.getByLabelText("ε (epsilon)")).toHaveValue("abc");
    expect(screen.getByLabelText("ε (epsilon)")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("table", { name: "Comparison of methods" })).toBeInTheDocument();
  });

  test("fixing the field removes it from the banner", async () => {
    await renderCalculator("eps=abc&methods=dp-icl,private-lora&accountant=rdp");
    fireEvent.change(screen.getByLabelText("ε (epsilon)"), { target: { value: "4" } });
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });
});

describe("RDP first, then PRV", () => {
  test("the server's RDP figures are labelled until PRV arrives from the engine", async () => {
    // The engine's PRV answer is held back until the RDP state has been checked: the provider asks
    // for PRV 350 ms after the first figures, and the render (with its charts) can take longer.
    let releasePrv!: () => void;
    const prvReleased = new Promise<void>((r) => (releasePrv = r));
    const inline = createInlineEngine();
    const engine: Engine = { ...inline, evaluate: async (query, accountant) => {
      if (accountant === "prv") await prvReleased;
      return inline.evaluate(query, accountant);
    } };
    await renderCalculator("preset=samsum&methods=private-lora&open=bart-large&closed=", { engine });
    expect(screen.getByText("ε figures: RDP (upper bound; PRV computing…)")).toBeInTheDocument();
    const privacy = screen.getByRole("table", { name: "Privacy per method" });
    expect(within(privacy).getByText("RDP (upper bound; PRV computing…)")).toBeInTheDocument();
    releasePrv();
    await waitFor(() => expect(screen.getByText(/ε figures: PRV/)).toBeInTheDocument(), { timeout: 20000 });
    expect(within(privacy).getByText("PRV")).toBeInTheDocument();
  }, 30000);
});
