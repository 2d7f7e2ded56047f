/**
 * The page does not warn against its own default (issue #19 item 4). The default δ is 1/N, the
 * study's setting (Hanke et al. 2024, Section 4 and Table 1: ε = 8, δ = 1/N), and v=1 links keep
 * it; so δ = 1/N is labelled as the study's choice, with the literature's advice of δ well below
 * 1/N beside it, and only a δ above 1/N gets the warning.
 *
 * Oracles by hand: SST2 has N = 66,674 (Table 7), 1/N = 1.49983e-5; Trec N = 5,452, 1/N = 1.83419e-4.
 */
import "./jsdom-polyfills";
import { screen } from "@testing-library/react";
import { renderForm } from "./form-harness";

jest.setTimeout(60000);

/** The δ field's box: its warning line and its help line. */
function deltaField() {
  const box = (screen.getByLabelText("δ (delta)") as HTMLInputElement).closest(".field") as HTMLElement;
  return { box, warning: box.querySelector(".field-warning"), help: box.querySelector(".help")?.textContent ?? "" };
}

test("the default load (δ = 1/N) shows no δ warning and says the value is the study's choice", async () => {
  await renderForm("accountant=rdp");
  expect(screen.getByLabelText("δ (delta)")).toHaveValue("1.5e-5");
  const { box, warning, help } = deltaField();
  expect(warning).toBeNull();
  expect(box.textContent).not.toMatch(/publishes one random record/);
  expect(help).toMatch(/δ = 1\/N = 1\.5e-5, the study’s choice for every experiment \(Hanke et al\. 2024, Section 4 and Table 1\)/);
  expect(help).toMatch(/well below 1\/N \(Dwork & Roth 2014, §2\.3\)/);
});

test("another preset's default δ = 1/N: no warning either", async () => {
  await renderForm("preset=trec&accountant=rdp");
  const { warning, help } = deltaField();
  expect(warning).toBeNull();
  expect(help).toMatch(/δ = 1\/N = 1\.83e-4, the study’s choice/);
});

test("δ above 1/N is still warned about, with the reason", async () => {
  await renderForm("delta=1e-3&accountant=rdp");
  const { warning, help } = deltaField();
  expect(warning?.textContent).toMatch(/^δ = 0\.001 is above 1\/N = 1\.5e-5: a mechanism that publishes one random record in full meets such a guarantee/);
  expect(help).not.toMatch(/the study’s choice/);
});

test("δ below 1/N: no warning, and not called the study's choice", async () => {
  await renderForm("delta=1e-6&accountant=rdp");
  const { warning, help } = deltaField();
  expect(warning).toBeNull();
  expect(help).not.toMatch(/the study’s choice/);
  expect(help).toMatch(/1\/N = 1\.5e-5; the study uses δ = 1\/N/);
});
