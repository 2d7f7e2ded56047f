/**
 * What each closed-model provider says it does with API inputs: how long it keeps them and
 * whether it trains on them. Channels A and B end in these logs, so the ledger shows the policy
 * beside the counts.
 *
 * Policies change and are per account tier; every row says which page it restates, as of when,
 * and that privadapt has not re-checked the live page. Where we could not state a specific with
 * confidence the field is "unknown" rather than a guess.
 */
import { MODELS, type ClosedModelId, type ModelId } from "../scenario";

export type TrainsOnApiData = "no-by-default" | "depends-on-tier" | "unknown";

export interface ProviderDataPolicy {
  provider: string;
  /** Whether the provider trains models on API inputs and outputs. */
  trainsOnApiData: TrainsOnApiData;
  /** The training statement in words. */
  training: string;
  /** Retention of API inputs and outputs, in words, or "unknown". */
  retention: string;
  /** The page the statement restates. */
  source: string;
  /** Month the statement is known to have been on that page (YYYY-MM), or null if unknown. */
  asOf: string | null;
  /** Whether privadapt checked the live page on `asOf` (false: restated from general knowledge). */
  checkedLive: boolean;
  note: string;
}

const OPENAI: ProviderDataPolicy = {
  provider: "OpenAI",
  trainsOnApiData: "no-by-default",
  training: "API inputs and outputs are not used to train OpenAI models unless the customer opts in (in effect since 2023-03-01)",
  retention: "up to 30 days for abuse monitoring, then deleted unless the law requires keeping them; zero data retention for eligible customers on request",
  source: "OpenAI, \"Enterprise privacy\" (openai.com/enterprise-privacy) and API docs \"Your data\" (platform.openai.com/docs/guides/your-data)",
  asOf: "2024-06",
  checkedLive: false,
  note: "Stated for the API as a whole, not per model; legal holds can extend retention. Re-check the page before relying on it.",
};

const ANTHROPIC: ProviderDataPolicy = {
  provider: "Anthropic",
  trainsOnApiData: "no-by-default",
  training: "inputs and outputs of the commercial API are not used to train models by default",
  retention: "unknown",
  source: "Anthropic Commercial Terms of Service and Privacy Center (privacy.anthropic.com)",
  asOf: "2024-06",
  checkedLive: false,
  note: "Retention period not restated here because we could not state it with confidence. Re-check the page before relying on it.",
};

const GOOGLE: ProviderDataPolicy = {
  provider: "Google",
  trainsOnApiData: "depends-on-tier",
  training: "on paid (billing-enabled) Gemini API use, prompts and responses are not used to improve Google products; on the free tier they may be, and human reviewers may read them",
  retention: "unknown",
  source: "Gemini API Additional Terms of Service (ai.google.dev/gemini-api/terms)",
  asOf: "2024-06",
  checkedLive: false,
  note: "Free and paid tiers differ; retention for abuse monitoring not restated here. Re-check the page before relying on it.",
};

const UNKNOWN = (provider: string): ProviderDataPolicy => ({
  provider,
  trainsOnApiData: "unknown",
  training: "unknown",
  retention: "unknown",
  source: "none recorded",
  asOf: null,
  checkedLive: false,
  note: "No policy recorded for this provider.",
});

/**
 * The provider name of an open model served by a host: privadapt does not know which host.
 * @example hostName("Vicuna 7B") // "the host of Vicuna 7B"
 */
export function hostName(modelLabel: string): string {
  return `the host of ${modelLabel}`;
}

/**
 * The data policy of whoever hosts an open model: unknown, because the share link does not say
 * who the host is and we never state a policy we have not read.
 */
export function hostPolicy(provider: string): ProviderDataPolicy {
  return {
    provider,
    trainsOnApiData: "unknown",
    training: "unknown: privadapt does not know which host serves this model or what its terms say",
    retention: "unknown",
    source: "your host's terms of service (not recorded by privadapt)",
    asOf: null,
    checkedLive: false,
    note: "Unknown unless you check it: read the host's terms on training on and retaining API inputs before relying on them.",
  };
}

const BY_PROVIDER: Record<string, ProviderDataPolicy> = { OpenAI: OPENAI, Anthropic: ANTHROPIC, Google: GOOGLE };

/**
 * The data policy of the provider that hosts a closed model, or null for a local open model
 * (nothing is sent anywhere).
 * @example providerPolicyFor("gpt-4-turbo")?.trainsOnApiData // "no-by-default"
 */
export function providerPolicyFor(model: ModelId): ProviderDataPolicy | null {
  const info = MODELS[model];
  if (info.llm === "open") return null;
  return BY_PROVIDER[info.provider] ?? UNKNOWN(info.provider);
}

/** One policy row per closed model of the catalogue, for a table in the UI. */
export function providerPolicies(models: readonly ClosedModelId[]): Array<{ model: ClosedModelId; policy: ProviderDataPolicy }> {
  return models.map((model) => ({ model, policy: providerPolicyFor(model) as ProviderDataPolicy }));
}

/**
 * The policy as one clause: "as stated by provider policy page, as of <date>", or "unknown".
 * @example describeProviderPolicy(providerPolicyFor("claude-2.1")!) // "Anthropic: inputs and outputs ... retention unknown (as stated by ... as of 2024-06, not re-checked)"
 */
export function describeProviderPolicy(policy: ProviderDataPolicy): string {
  if (policy.asOf === null) return `${policy.provider}: data policy unknown`;
  const retention = policy.retention === "unknown" ? "retention unknown" : `retention ${policy.retention}`;
  return `${policy.provider}: ${policy.training}; ${retention} (as stated by ${policy.source}, as of ${policy.asOf}${policy.checkedLive ? "" : ", not re-checked by privadapt"})`;
}
