/**
 * Switching the form to Custom: the scenario is written as a v=2 link, and the token lengths, still
 * the previous dataset's, say so next to the fields (oracle: Hanke et al. 2024, Table 14 for
 * SAMSum's 140.857 / 25.62 tokens; docs/derivations.md §S11 for the 287 instruction tokens).
 */
import "./jsdom-polyfills";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { renderCalculator, URL_WRITE_WAIT_MS } from "./render-calculator";

jest.setTimeout(90000);
const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

test("Custom keeps SAMSum's token lengths but marks them as carried over, offers the counter, and defaults instr to 287 in v=2", async () => {
  const { lastUrl } = await renderCalculator("preset=samsum&methods=dp-icl,private-lora&closed=gpt-3-davinci&open=bart-large&accountant=rdp");
  expect(screen.getByLabelText("Instruction tokens per call")).toHaveValue("0");
  expect(screen.queryByText(/Carried over from SAMSum/)).toBeNull();

  fireEvent.change(screen.getByLabelText("Preset"), { target: { value: "custom" } });
  await wait(URL_WRITE_WAIT_MS);
  await waitFor(() => expect(lastUrl()?.get("preset")).toBe("custom"));
  expect(lastUrl()?.get("v")).toBe("2");
  expect(lastUrl()?.get("in")).toBe("140.857");
  await waitFor(() => expect(screen.getByText(/^Carried over from SAMSum \(.*Table 14 average\), not measured on your data/)).toBeInTheDocument());
  expect(screen.getByText("Paste a sample record to count its tokens").closest("details")).toHaveAttribute("open");
  expect(screen.getByLabelText("Instruction tokens per call")).toHaveValue("287");

  // The user's own length: no longer the dataset's, so the mark goes.
  fireEvent.change(screen.getByLabelText("Input tokens per record"), { target: { value: "200" } });
  await waitFor(() => expect(screen.queryByText(/Carried over from SAMSum/)).toBeNull());
});
