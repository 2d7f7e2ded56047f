/**
 * Sources one step away for keyboard and touch (issue #6): each row of the comparison table and
 * of the privacy table has a disclosure button in its row header that opens a detail row with
 * every column's source, one line per line of the source.
 *
 * Oracles: the sources are lib/present's own (comparisonTable(), privacyView(), costSource() of
 * the same estimate: the page must show exactly their text, split at its newlines), and the study's
 * printed figure the DP-ICL total cites (Hanke et al. 2024, Table 4: $665.91 per 10,000 SAMSum
 * queries on GPT-3 Davinci). Keyboard activation of a native <button> is the browser's (jsdom does
 * not synthesize a click from Enter or Space); test/e2e/sources.spec.ts presses the real keys.
 */
import "./jsdom-polyfills";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { comparisonTable, estimate, parseScenario, privacyView, type ComparisonTable as Table } from "@/lib";
import { costSource } from "@/lib/present";
import { ComparisonTable } from "@/components/results/comparison-table";
import { PrivacyTable } from "@/components/results/privacy-table";

const KNOWN = "preset=samsum&methods=dp-icl,private-lora&closed=gpt-3-davinci&open=bart-large&accountant=rdp";

function knownEstimate(search = KNOWN) {
  const parsed = parseScenario(search);
  if (!parsed.ok) throw new Error(`scenario must parse: ${search}`);
  return estimate(parsed.scenario);
}

const lines = (s: string) => s.split("\n").filter((l) => l.trim() !== "");

function renderTable(table: Table) {
  const utils = render(<ComparisonTable table={table} />);
  const grid = screen.getByRole("table", { name: "Comparison of methods" });
  return { ...utils, grid };
}

/** The data rows and detail rows of a table body, in DOM order, as "row:<header>" / "detail:<id>". */
function bodyOrder(grid: HTMLElement): string[] {
  return [...grid.querySelectorAll("tbody > tr")].map((tr) =>
    tr.classList.contains("sources-row") ? `detail:${tr.id}` : `row:${within(tr as HTMLElement).getByRole("button", { name: /^Sources for / }).getAttribute("aria-label")}`);
}

describe("comparison table: sources disclosure", () => {
  test("one button per row in the row header, named for the option, collapsed; no detail rows rendered", () => {
    const table = comparisonTable(knownEstimate());
    const { grid } = renderTable(table);
    const rows = within(grid).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(table.rows.length);
    const names = rows.map((r) => {
      const header = within(r).getByRole("rowheader");
      const button = within(header).getByRole("button", { name: /^Sources for / });
      expect(button).toHaveAttribute("aria-expanded", "false");
      expect(button).toHaveAttribute("aria-controls");
      expect(document.getElementById(button.getAttribute("aria-controls")!)).toBeNull();
      // A native button: Enter and Space activate it and it is in the tab order.
      expect(button.tagName).toBe("BUTTON");
      expect(button).toHaveAttribute("type", "button");
      expect(button.tabIndex).toBe(0);
      // No text of its own (an SVG chevron), so the row header's text stays the method's name.
      expect(button.textContent).toBe("");
      return button.getAttribute("aria-label");
    });
    expect(names).toEqual(["Sources for DP-ICL on GPT-3 Davinci", "Sources for PrivateLoRA on BART-Large (XSum)"]);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["DP-ICL", "PrivateLoRA"]);
    expect(grid.querySelectorAll("tr.sources-row")).toHaveLength(0);
    // The hover tooltips stay.
    expect(screen.getByTestId("total-dp-icl-gpt-3-davinci").getAttribute("title")).toMatch(/Total = training \+ queries/);
  });

  test("opening a row shows every column's header (with unit) and source, one line per source line; closing removes it", () => {
    const est = knownEstimate();
    const table = comparisonTable(est);
    const { grid } = renderTable(table);
    const button = within(grid).getByRole("button", { name: "Sources for DP-ICL on GPT-3 Davinci" });
    fireEvent.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    const detail = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(detail).not.toBeNull();
    expect(detail.tagName).toBe("TR");
    const cells = detail.querySelectorAll("td");
    expect(cells).toHaveLength(1);
    // It spans the whole table as shown: the compact view's columns (issue #19) plus the option's links.
    expect(cells[0]).toHaveAttribute("colspan", String(grid.querySelectorAll("thead th").length));
    // Right below its row.
    expect(detail.previousElementSibling).toBe(button.closest("tr"));
    expect(detail).toHaveTextContent("Sources for DP-ICL on GPT-3 Davinci");

    // Headers carry their units, as the column headers do.
    const terms = [...detail.querySelectorAll("dt")].map((dt) => dt.textContent);
    expect(terms).toContain("Total cost (USD): $665.91");
    expect(terms).toContain("Private records sent to provider: 14,732 (100%)");
    // ε and its accountant cite one source: one entry for both.
    expect(terms).toContain("ε achieved: 8.00; ε accountant: RDP");

    // The query cost's source is lib/present's costSource() for the same row, split at its newlines.
    const row = est.rows.find((r) => r.method === "dp-icl" && r.model === "gpt-3-davinci")!;
    const query = [...detail.querySelectorAll("dt")].find((dt) => dt.textContent!.startsWith("Query cost, 10,000 queries (USD)"))!;
    const queryLines = [...query.nextElementSibling!.querySelectorAll(".sources-line")].map((l) => l.textContent);
    expect(queryLines).toEqual(lines(costSource(row, "query")));
    expect(queryLines.length).toBeGreaterThan(1);

    // The total cites the study's printed figure (Hanke et al. 2024, Table 4).
    const total = [...detail.querySelectorAll("dt")].find((dt) => dt.textContent!.startsWith("Total cost (USD)"))!;
    const totalLines = [...total.nextElementSibling!.querySelectorAll(".sources-line")].map((l) => l.textContent);
    expect(totalLines[0]).toBe("Total = training + queries = $0 + $665.91 (10,000 queries)");
    expect(totalLines[1]).toMatch(/^Study \(Hanke et al\. 2024, Table 4\): training \$0, queries \$665\.91 per 10,000/);
    expect(totalLines).toEqual(lines(table.rows.find((r) => r.key === "dp-icl|gpt-3-davinci")!.cells.total.source!));

    // Every column's source is there, each of its lines as its own line.
    const shown = [...detail.querySelectorAll(".sources-line")].map((l) => l.textContent);
    const dpIcl = table.rows.find((r) => r.key === "dp-icl|gpt-3-davinci")!;
    for (const c of table.columns) for (const l of lines(dpIcl.cells[c.id].source ?? "")) expect(shown).toContain(l);

    fireEvent.click(button);
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(grid.querySelectorAll("tr.sources-row")).toHaveLength(0);
  });

  test("rows open independently", () => {
    const { grid } = renderTable(comparisonTable(knownEstimate()));
    fireEvent.click(within(grid).getByRole("button", { name: "Sources for DP-ICL on GPT-3 Davinci" }));
    fireEvent.click(within(grid).getByRole("button", { name: "Sources for PrivateLoRA on BART-Large (XSum)" }));
    expect(grid.querySelectorAll("tr.sources-row")).toHaveLength(2);
    fireEvent.click(within(grid).getByRole("button", { name: "Sources for DP-ICL on GPT-3 Davinci" }));
    const open = grid.querySelectorAll("tr.sources-row");
    expect(open).toHaveLength(1);
    expect(open[0]).toHaveTextContent("Sources for PrivateLoRA on BART-Large (XSum)");
  });

  test("sorting keeps an open detail row right below its own row", () => {
    const { grid } = renderTable(comparisonTable(knownEstimate()));
    const dpIcl = within(grid).getByRole("button", { name: "Sources for DP-ICL on GPT-3 Davinci" });
    fireEvent.click(dpIcl);
    const detailId = dpIcl.getAttribute("aria-controls")!;
    expect(bodyOrder(grid)).toEqual(["row:Sources for DP-ICL on GPT-3 Davinci", `detail:${detailId}`, "row:Sources for PrivateLoRA on BART-Large (XSum)"]);
    // Total cost ascending: PrivateLoRA ($3.59, Table 4 measured) before DP-ICL ($665.91).
    fireEvent.click(within(grid).getByRole("button", { name: /Total cost/ }));
    expect(bodyOrder(grid)).toEqual(["row:Sources for PrivateLoRA on BART-Large (XSum)", "row:Sources for DP-ICL on GPT-3 Davinci", `detail:${detailId}`]);
    expect(document.getElementById(detailId)).toHaveTextContent("Sources for DP-ICL on GPT-3 Davinci");
    expect(within(grid).getByRole("button", { name: "Sources for DP-ICL on GPT-3 Davinci" })).toHaveAttribute("aria-expanded", "true");
    fireEvent.click(within(grid).getByRole("button", { name: /Total cost/ }));
    expect(bodyOrder(grid)).toEqual(["row:Sources for DP-ICL on GPT-3 Davinci", `detail:${detailId}`, "row:Sources for PrivateLoRA on BART-Large (XSum)"]);
  });

  test("the default scenario: a button per row, and the server HTML carries no source lists", () => {
    const table = comparisonTable(knownEstimate("accountant=rdp"));
    expect(table.rows.length).toBeGreaterThan(10);
    const html = renderToString(<ComparisonTable table={table} />);
    expect(html).not.toContain("sources-row");
    expect(html.match(/aria-expanded="false"/g)).toHaveLength(table.rows.length);
    const { grid } = renderTable(table);
    const buttons = within(grid).getAllByRole("button", { name: /^Sources for / });
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual(table.rows.map((r) => `Sources for ${r.cells.method.text} on ${r.cells.model.text}`));
    expect(new Set(buttons.map((b) => b.getAttribute("aria-controls"))).size).toBe(table.rows.length);
  });
});

describe("privacy table: sources disclosure", () => {
  test("a button per method opens ε's accounting, δ, the noise, the budget and the method's citations", () => {
    const est = knownEstimate();
    const privacy = est.privacy.map(privacyView);
    render(<PrivacyTable privacy={privacy} prvPending={false} />);
    const grid = screen.getByRole("table", { name: "Privacy per method" });
    const buttons = within(grid).getAllByRole("button", { name: /^Sources for / });
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual(["Sources for DP-ICL", "Sources for PrivateLoRA"]);
    expect(within(grid).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["DP-ICL", "PrivateLoRA"]);
    expect(grid.querySelectorAll("tr.sources-row")).toHaveLength(0);

    fireEvent.click(buttons[0]!);
    expect(buttons[0]).toHaveAttribute("aria-expanded", "true");
    const detail = document.getElementById(buttons[0]!.getAttribute("aria-controls")!)!;
    expect(detail.previousElementSibling).toBe(buttons[0]!.closest("tr"));
    expect(detail.querySelector("td")).toHaveAttribute("colspan", "6");
    const p = privacy[0]!;
    const terms = [...detail.querySelectorAll("dt")].map((dt) => dt.textContent);
    expect(terms).toEqual([
      "Method: DP-ICL",
      `ε achieved: ${p.epsilon.text.replace(/ \((PRV|RDP).*\)$/, "")}; Accountant: RDP`,
      `δ: ${p.delta.text}`,
      `Calibrated noise: ${p.mechanism.text}`,
      `Budget use: ${p.budget.text}`,
    ]);
    const linesOf = (i: number) => [...detail.querySelectorAll("dd")[i]!.querySelectorAll(".sources-line")].map((l) => l.textContent);
    expect(linesOf(0)).toEqual(p.sources);
    expect(linesOf(1)).toEqual(lines(p.epsilon.source!));
    expect(linesOf(1)[0]).toBe("Target ε = 8, δ = 6.79e-5; ε computed by the RDP accountant.");
    expect(linesOf(3)).toEqual(lines(p.mechanism.source!));
    expect(linesOf(4)).toEqual(lines(p.budget.source!));
    // The tooltips stay.
    expect(screen.getByTestId("epsilon-dp-icl").getAttribute("title")).toBe(p.epsilon.source);
  });
});
