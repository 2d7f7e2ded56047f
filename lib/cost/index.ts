/**
 * The cost engine's public surface: API-token and GPU-hour costs of every method, dated price
 * sets, break-even query volumes, and the study's cost tables reproduced.
 */
export * from "./types";
export {
  methodWork, answerTokens, ANSWER_TOKEN_RULES, dpIclQueryTokens, singleCallTokens, calibrationTokens, fewShotGenTokens, dpOptSearchTokens,
  CALIBRATION_CONTENT_FREE_INPUTS, CALIBRATION_CONTENT_FREE_TOKENS, DP_OPT_CANDIDATE_PROMPTS, DP_OPT_HOLDOUT_FRACTION,
  type ApiCostOptions, type AnswerTokenRule, type LlmCalls, type DpSgdTraining, type LocalForward, type WorkItem, type MethodWork, type PromptShots,
  answerTokensBy, type WorkScenario, type WorkContext, type MethodCost, type ProviderAnswerRule, type StudySetupGap, type WeightPrecision,
} from "./method-work";
export { trainsLocally } from "./method-cost";
export {
  PAPER_API_PRICES, PAPER_PRICES_AS_OF, PAPER_PRICES_SOURCE, GENAI_PRICES_VERSION, GENAI_PRICES_AS_OF,
  resolveApiPrice, currentApiPrice, apiUsd, missingPriceMessage, type PriceLookup,
  PAPER_GPU_PRICES, CURRENT_GPU_PRICES, gpuPriceRange, type GpuPriceRange,
} from "./prices";
export {
  TRAINING_FLOPS_PER_PARAM_TOKEN, INFERENCE_FLOPS_PER_PARAM_TOKEN, ACTIVE_PARAMS_BILLIONS, TRAINING_CONSTANTS, SERVING_CONSTANTS,
  WEIGHT_BYTES, TRAINED_PARAM_STATE_BYTES, PER_SAMPLE_GRADIENT_BYTES, MEMORY_MARGIN, CUDA_CONTEXT_GB, LORA_FRACTION_PER_RANK, PROMPT_TRAINABLE_FRACTION,
  STUDY_MAX_SEQ_LENGTH, STUDY_MAX_NEW_TOKENS, DP_SGD_IMPL_TIME_FACTOR, GPU_MODEL_LOO_RATIO, STUDY_SETUP_GAPS, BATCHED_SERVING_BATCH,
  activeParams, trainingUtilisation, trainedParams, processedTokensPerRecord, kvBytesPerToken, runOnShare, gpuSetup,
  dpSgdGpuHours, batchedForwardGpuHours, servingGpuHours, checkTrainingMemory, checkInferenceMemory, gpusWithMemory,
  type TrainingConstants, type ServingConstants, type ServingMode, type GpuHours, type DpSgdJob, type ServingWork, type GpuSetup,
} from "./gpu-model";
export {
  estimateCosts, estimateCostRow, costWork, costAtQueries, costCurve, costCurves, logSpacedQueries, findBreakEven, incompatibility,
  type CostOptions, type CostSeries,
} from "./estimate";
export { STUDY_COST_CELLS, STUDY_COST_SOURCE, paperFigureFor, type StudyCostCell, type StudyBaselineId, type GapLabel, type GapNote } from "./study-costs";
export {
  reproduceStudyCosts, estimateStudyCell, studyScenario, baselineWork, CENT_TOLERANCE_USD, GPU_RESIDUAL_NOTE, API_UNEXPLAINED_NOTE,
  type StudyCostComparison, type CostCellLabel, type CostCellPart,
} from "./reproduce";
export {
  STUDY_GPU_USD_PER_HOUR, SHIPPED_GPU_CONSTANTS, studyGpuMeasurements, predictGpuHours, fitGpuConstants, fitAllGpuConstants, rmsLogError, minimiseNelderMead,
  type GpuJob, type GpuMeasurement, type GpuFitGroup, type GpuConstants,
} from "./calibration";
export { GPU_CELL_CHECKS, type GpuCellCheck } from "./gpu-validation.generated";
export { validateGpuModel, gpuModelReport, summarise, quantile, LOO_TARGETS, KNOWN_CAUSES, type GpuCellValidation, type GpuModelReport, type ErrorSummary } from "./gpu-fit";
