/**
 * The Preset select applies on commit (issue #19 item 3): arrowing through it with the keyboard
 * applied every preset it passed (Custom was 8 presses away, each a new scenario, a URL write and
 * a recompute). Chromium fires `change` on a closed select inside the arrow key's keydown default
 * action; the test does the same (keyDown, then change, in one task). Enter or leaving the field
 * applies the choice; Escape keeps the loaded preset; a pointer choice applies at once.
 *
 * Oracle for the loaded figures: the study's training-set sizes (Hanke et al. 2024, Table 7):
 * SST2 66,674, Trec 5,452, Mpqa 8,603 records.
 */
import "./jsdom-polyfills";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { renderForm, sleep } from "./form-harness";

jest.setTimeout(60000);

/** One arrow key on a closed select, as Chromium handles it: keydown, change in its default action, keyup. */
function arrowTo(select: HTMLSelectElement, key: "ArrowDown" | "ArrowUp", value: string) {
  const notPrevented = fireEvent.keyDown(select, { key });
  if (notPrevented) fireEvent.change(select, { target: { value } });
  fireEvent.keyUp(select, { key });
}

const records = () => screen.getByLabelText("Private records N") as HTMLInputElement;

test("arrowing through the presets loads none of them; Enter loads the one shown", async () => {
  // RDP: no PRV evaluation follows the first one (it would land while the keys are pressed).
  const { lastUrl, evaluated } = await renderForm("accountant=rdp");
  await sleep(450);
  const preset = screen.getByLabelText("Preset") as HTMLSelectElement;
  const order = Array.from(preset.options).map((o) => o.value);
  expect(order.slice(0, 3)).toEqual(["sst2", "trec", "mpqa"]);
  expect(records()).toHaveValue("66674");
  const before = evaluated.length;

  arrowTo(preset, "ArrowDown", "trec");
  await sleep(20);
  arrowTo(preset, "ArrowDown", "mpqa");
  await sleep(500); // past the URL debounce and the engine's answer
  expect(preset).toHaveValue("mpqa");
  expect(screen.getByText(/^Mpqa — .* is not loaded yet: press Enter/)).toBeInTheDocument();
  expect(lastUrl()).toBeNull();
  expect(evaluated.length).toBe(before);
  expect(records()).toHaveValue("66674");

  fireEvent.keyDown(preset, { key: "Enter" });
  await waitFor(() => expect(lastUrl()?.get("preset")).toBe("mpqa"));
  await waitFor(() => expect(records()).toHaveValue("8603"));
  expect(evaluated.length).toBe(before + 1);
  expect(screen.queryByText(/is not loaded yet/)).toBeNull();
});

test("leaving the field loads the preset shown; Escape keeps the loaded one", async () => {
  const { lastUrl } = await renderForm("");
  const preset = screen.getByLabelText("Preset") as HTMLSelectElement;

  arrowTo(preset, "ArrowDown", "trec");
  await sleep(20);
  fireEvent.keyDown(preset, { key: "Escape" });
  await sleep(450);
  expect(preset).toHaveValue("sst2");
  expect(lastUrl()).toBeNull();

  arrowTo(preset, "ArrowDown", "trec");
  await sleep(20);
  fireEvent.blur(preset);
  await waitFor(() => expect(lastUrl()?.get("preset")).toBe("trec"));
  await waitFor(() => expect(records()).toHaveValue("5452"));
});

test("a choice made without a key (a pointer in the open list) loads at once", async () => {
  const { lastUrl } = await renderForm("");
  const preset = screen.getByLabelText("Preset") as HTMLSelectElement;
  fireEvent.change(preset, { target: { value: "trec" } });
  await waitFor(() => expect(lastUrl()?.get("preset")).toBe("trec"));
  await waitFor(() => expect(records()).toHaveValue("5452"));
});
