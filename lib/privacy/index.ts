/**
 * The privacy engine's public surface: DP events, the RDP and PRV accountants, and calibration.
 * Pure TypeScript; every result names the accountant that produced it.
 */
export {
  noOp, nonPrivate, gaussian, gnmax, exponential, epsilonDelta, poissonSampled, selfComposed, composed, withFailure,
  describeEvent, UnsupportedEventError, requireCount, requireInterval, requirePositive,
  type DpEvent, type DpEventKind, type NoOpEvent, type NonPrivateEvent, type GaussianEvent, type GnmaxEvent,
  type ExponentialEvent, type EpsilonDeltaEvent, type PoissonSampledEvent, type SelfComposedEvent, type ComposedEvent,
  type WithFailureEvent,
} from "./events";
export {
  DEFAULT_ORDERS, OPACUS_ORDERS, AUTODP_ORDERS, PATE_ORDERS, ORDER_GRIDS,
  rdpGaussian, rdpSubsampledGaussian, rdpExponential, rdpPoissonGeneral, rdpCurve, rdpEpsilon, epsilonFromRdp,
  pureEpsilonOf, failureProbabilityOf, clearRdpCache,
  type OrderGridId, type OrderHint, type RdpConversion, type RdpCurve, type RdpEpsilon, type RdpOptions,
} from "./rdp";
export { prvEpsilon, prvEpsilonOfComponents, prvComponents, clearPrvCache, PrvGridTooLargeError, PrvDeltaOutOfRangeError, PrvRoundOffError, PRV_MIN_DELTA, requirePrvDelta, type PrvComponent, type PrvEpsilon, type PrvOptions } from "./prv";
export { computeEpsilon, type AccountantKind, type AccountantLabel, type AccountantSpec, type EpsilonResult } from "./accountant";
export {
  searchParameter, largestInteger, largestIntegerAtMost, calibrateNoise, calibrateNoiseMultiplier, opacusNoiseMultiplier, dpSgdEvent,
  maxCompositions, NOISE_MULTIPLIER_RANGE,
  type ParameterSearch, type ParameterSearchResult, type NoiseCalibration, type SgmCalibrationInput, type CompositionBudget,
} from "./calibrate";
export { erfc, logErfc, normalCdf, normalSurvival, logNormalSurvival, upperNormalQuantile, logAddExp, log1mExp } from "./special-functions";
export { gdpDelta, gdpLogDelta, gdpEpsilon, gdpMu, gdpMuFor, gdpNoiseMultiplier } from "./gdp";
