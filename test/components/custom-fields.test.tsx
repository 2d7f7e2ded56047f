/**
 * Custom starts from the previous dataset's numbers, and the form says which (issue #19 item 5):
 * after switching to Custom, a checklist names the fields a custom scenario must set — task,
 * classes, N, token lengths — saying in words whether each is still the dataset's, the fields
 * themselves are marked ("To set: still SAMSum's N"), and the token counter is open beside the
 * token fields. Setting a field clears its mark.
 *
 * Oracles: the study's datasets (Hanke et al. 2024): SAMSum N = 14,732, 140.857 / 25.62 tokens
 * (Table 14); SST2 N = 66,674, 2 classes (Table 7).
 */
import "./jsdom-polyfills";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { renderForm } from "./form-harness";

jest.setTimeout(60000);

const checklist = () => screen.getByRole("note", { name: /A custom scenario: set these for your data/ });
const item = (re: RegExp) => within(checklist()).getByText((_, el) => el?.tagName === "LI" && re.test(el.textContent ?? ""));
const fieldBox = (label: string) => (screen.getByLabelText(label) as HTMLElement).closest(".field") as HTMLElement;

test("switching SAMSum to Custom marks N and the token lengths as still SAMSum's, and the counter is open", async () => {
  await renderForm("preset=samsum&accountant=rdp");
  expect(screen.queryByRole("note", { name: /A custom scenario/ })).toBeNull();

  fireEvent.change(screen.getByLabelText("Preset"), { target: { value: "custom" } });
  await waitFor(() => expect(checklist()).toBeInTheDocument());
  expect(item(/^To set: Private records N, now 14,732, still SAMSum’s \(.*Table 14\)\.$/)).toBeInTheDocument();
  expect(item(/^To set: Input and output tokens per record, still SAMSum’s averages \(.*Table 14\): count one of your own records/)).toBeInTheDocument();
  expect(item(/^To check: Task, now .*, as in SAMSum\.$/)).toBeInTheDocument();
  // SAMSum is not a classification task: no classes to set.
  expect(within(checklist()).queryByText(/Classes/)).toBeNull();

  // The fields themselves say it, in words, inside a marked box.
  const n = fieldBox("Private records N");
  expect(n.parentElement).toHaveClass("must-set");
  expect(within(n).getByText(/^To set: still SAMSum’s N \(.*Table 14\), not the number of your records\.$/)).toBeInTheDocument();
  expect(fieldBox("Input tokens per record").parentElement).toHaveClass("must-set");
  expect(screen.getByText("Paste a sample record to count its tokens").closest("details")).toHaveAttribute("open");

  // Set by the user: the marks go, the checklist says "Set".
  fireEvent.change(screen.getByLabelText("Private records N"), { target: { value: "5000" } });
  await waitFor(() => expect(item(/^Set: Private records N, now 5,000\.$/)).toBeInTheDocument());
  expect(fieldBox("Private records N").parentElement).not.toHaveClass("must-set");
  fireEvent.change(screen.getByLabelText("Input tokens per record"), { target: { value: "150" } });
  await waitFor(() => expect(item(/^Set: Input and output tokens per record: count/)).toBeInTheDocument());
  expect(fieldBox("Input tokens per record").parentElement).not.toHaveClass("must-set");
});

test("from SST2, the classes are marked too", async () => {
  await renderForm("accountant=rdp");
  fireEvent.change(screen.getByLabelText("Preset"), { target: { value: "custom" } });
  await waitFor(() => expect(checklist()).toBeInTheDocument());
  expect(item(/^To set: Classes, now 2, still SST2’s \(.*Table 7\)\.$/)).toBeInTheDocument();
  expect(item(/^To set: Private records N, now 66,674, still SST2’s/)).toBeInTheDocument();
  expect(within(fieldBox("Classes")).getByText(/^To set: still SST2’s 2 classes/)).toBeInTheDocument();
});
