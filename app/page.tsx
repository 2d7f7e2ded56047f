import { LinkProblems } from "@/components/link-problems";
import { METHODS, MODELS, parseScenario, serializeScenario, TOP_FIELDS } from "@/lib";
import { toUrlSearchParams, type PageSearchParams } from "./search-params";

export default async function Home({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const parsed = parseScenario(toUrlSearchParams(await searchParams));
  const scenario = parsed.ok ? parsed.scenario : parsed.fallback;
  const errors = parsed.ok ? [] : parsed.errors;
  return (
    <main>
      <h1>privadapt</h1>
      <p className="muted">How should you adapt an LLM to private data? Scenario read from the link:</p>
      <LinkProblems errors={errors} warnings={parsed.warnings} />
      <table>
        <tbody>
          {TOP_FIELDS.filter((f) => f.key !== "v").map((f) => {
            const value = scenario[f.path];
            const shown = Array.isArray(value)
              ? value.map((id) => (id in METHODS ? METHODS[id as keyof typeof METHODS].label : MODELS[id as keyof typeof MODELS]?.label ?? id)).join(", ")
              : String(value ?? "—");
            return (
              <tr key={f.key}>
                <th scope="row">{f.label}</th>
                <td>{shown} {f.unit}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        Canonical link: <code>?{serializeScenario(scenario)}</code>
      </p>
    </main>
  );
}
