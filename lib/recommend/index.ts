/**
 * Recommendation under constraints (issue #5). Public surface of lib/recommend.
 */
export {
  RANKING_RULE, RANKING_RULES, exposureScore, recommend,
  type ExcludedOption, type RankedOption, type RecommendConstraints, type Recommendation, type RecommendOption,
} from "./recommend";
