/**
 * @jest-environment node
 *
 * /statement on a method beyond the study (issue #17): an accuracy its own authors report is never
 * put under "Utility from the study". Oracle: DPZero's repository figure assets/roberta.png
 * (RoBERTa-large SST-2, 92.2 at ε = 6), and the kind lib/utility gives it ("reported").
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StatementView } from "@/app/statement/statement-view";
import { buildStatement } from "@/lib/api";

test("DPZero on RoBERTa-large at ε = 6: the utility section says it is the authors' figure, not the study's", () => {
  const st = buildStatement("v=1&eps=6&methods=dpzero&open=roberta-large&utilitySource=reported");
  expect(st.chosen?.method).toBe("dpzero");
  expect(st.chosen?.utilityFrom).toBe("authors");
  expect(st.chosen?.utility[0]?.value).toBe("92.2 (reported by the method's authors, not measured by the study, at ε = 6)");
  const html = renderToStaticMarkup(createElement(StatementView, { statement: st, origin: null }));
  expect(html).toContain("Utility reported by the method&#x27;s authors (not the study)");
  expect(html).not.toContain("Utility from the study<");
});

test("a study method keeps 'Utility from the study'", () => {
  const st = buildStatement("v=1&methods=private-lora&open=roberta-large");
  expect(st.chosen?.utilityFrom).toBe("study");
  const html = renderToStaticMarkup(createElement(StatementView, { statement: st, origin: null }));
  expect(html).toContain("Utility from the study<");
});
