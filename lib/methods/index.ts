/**
 * Per-method privacy: what a scenario's (ε, δ) buys each adaptation method, with the sound value
 * by default and the original code's value beside it where the two differ.
 */
export { METHOD_DESCRIPTORS, methodDescriptor, methodPrivacy, methodDataRequirements, privacyForScenario, clearMethodPrivacyMemo } from "./registry";
export { METHOD_LIST } from "./list";
export type { MethodDescriptor, MethodPrivacy, MechanismSetting, BudgetUse, BudgetUnit, AsOriginalCode, DataRequirement, MethodLeakage, ExposureContext, ProviderExposure, LedgerTools, DpBound, MethodStyle, PaperNames, AuthorsFigure } from "./types";
export { usefulVoteNoise, prvEpsError, USEFUL_ANSWER_PROBABILITY, PRV_MAX_COMPOSITIONS } from "./common";
export { dpSgdPlan, type DpSgdPlan, type StepRule } from "./dp-sgd";
export { usefulTokenNoise } from "./dp-fewshotgen";
export { usefulTokenEpsilon, dpOptTokenEvent, dpOptEpsilon, dpOptTokenBudget, calibrateTokenEpsilon } from "./dp-opt";
export { dpIclQueryEvent, maxDpIclQueries } from "./dp-icl";
export { calibrateGnmaxNoise, maxGnmaxQueries } from "./prompt-pate";
export { usefulKeywordEpsilon, usefulPtrNoise, ksaEpsilonAsCoded, KSA_PRESETS, ksaPtrQueryEvent, calibrateKeywordEpsilon } from "./prompt-pate-gen";
export { dataDependentGnmaxEpsilon } from "./pate-data-dependent";
export { dpZero, dpZeroPlan, dpZeroEvent, dpZeroPrivacy, dpZeroWork, dpZeroCodeNoiseMultiplier, DPZERO_PAPER, DPZERO_CODE, DPZERO_FORWARD_PASSES_PER_STEP, type DpZeroPlan } from "./dpzero";
export { post, postPlan, postPrivacy, postWork, POST_PAPER, POST_CODE, POST_SMALL_MODEL_STAND_IN } from "./post";
export { augPeReportedFigures, augPePrivacy, augPeWork, augPeApiCalls, augPeCodeDelta, augPeDownstreamModel, AUG_PE_EMBEDDING_PROXY, AUG_PE_DOWNSTREAM_EPOCHS } from "./aug-pe";
