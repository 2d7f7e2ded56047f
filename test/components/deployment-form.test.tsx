/**
 * The deployment controls of the form (findings 2 and 8): where each open model runs, closed-LLM
 * methods on open models, and DP-FewShotGen's generator, each written to the share link.
 * Oracle: the share-link keys documented in README.md ("hosted", "closedOnOpen", "dp-fewshotgen.generator").
 */
import "./jsdom-polyfills";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { renderCalculator, URL_WRITE_WAIT_MS } from "./render-calculator";

jest.setTimeout(90000);
const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

describe("deployment in the form", () => {
  test("'Vicuna 7B runs on: a host' writes hosted=vicuna-7b; the ledger then names the host", async () => {
    const { lastUrl } = await renderCalculator("preset=samsum&methods=private-lora&closed=&open=vicuna-7b&accountant=rdp");
    const select = screen.getByLabelText("Vicuna 7B runs on");
    expect(select).toHaveValue("gpu");
    fireEvent.change(select, { target: { value: "host" } });
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(lastUrl()?.get("hosted")).toBe("vicuna-7b"));
    await waitFor(() => expect(screen.getAllByText(/the host of Vicuna 7B/).length).toBeGreaterThan(0));
  });

  test("a price override shows the model as hosted; back to 'my GPU' drops the price too", async () => {
    const { lastUrl } = await renderCalculator("preset=samsum&methods=private-lora&closed=&open=vicuna-7b&accountant=rdp&price.vicuna-7b=0.2,0.2");
    const select = screen.getByLabelText("Vicuna 7B runs on");
    expect(select).toHaveValue("host");
    fireEvent.change(select, { target: { value: "gpu" } });
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(lastUrl()).not.toBeNull());
    expect(lastUrl()?.get("price.vicuna-7b") ?? null).toBeNull();
    expect(lastUrl()?.get("hosted") ?? null).toBeNull();
  });

  test("DP-FewShotGen's generator: picking Vicuna 7B writes dp-fewshotgen.generator=vicuna-7b", async () => {
    const { lastUrl, container } = await renderCalculator("preset=samsum&methods=dp-fewshotgen&closed=gpt-3-davinci&open=&accountant=rdp");
    const details = container.querySelector("details.advanced") as HTMLDetailsElement;
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event("toggle"));
    });
    const select = await screen.findByLabelText("DP-FewShotGen generator");
    expect(select).toHaveValue("api");
    fireEvent.change(select, { target: { value: "vicuna-7b" } });
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(lastUrl()?.get("dp-fewshotgen.generator")).toBe("vicuna-7b"));
  });

  test("DP-ICL can be ticked to run on the open models (closedOnOpen=dp-icl)", async () => {
    const { lastUrl } = await renderCalculator("preset=docvqa&methods=dp-icl&closed=gpt-3-davinci&open=openllama-13b&accountant=rdp");
    fireEvent.click(screen.getByRole("checkbox", { name: "DP-ICL on the open models" }));
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(lastUrl()?.get("closedOnOpen")).toBe("dp-icl"));
    await waitFor(() => expect(screen.getByTestId("total-dp-icl-openllama-13b")).toBeInTheDocument());
  });
});
