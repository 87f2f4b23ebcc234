// The ad marketplace, run day by day: policies, day-by-day serving with ads blindness and common
// random numbers, impression logs, and the models trained for and from them.
export type { Policy, PolicyRule, PolicyDay, ImpressionLog, SimOptions, SimResult } from './types.ts';
export { hashUniform, seedKey } from './hash.ts';
export { policyDay, sumDays, windowMetrics } from './day.ts';
export type { AdIndex, DayStream } from './stream.ts';
export {
  CANDIDATES_OWN,
  CANDIDATES_AFFINE,
  CANDIDATES_RANDOM,
  CANDIDATES_PER_QUERY,
  QUERIES_PER_USER_PER_DAY,
  cohortSize,
  dayStream,
  indexAds,
} from './stream.ts';
export { LogBuilder } from './log.ts';
export { selectAds, baselinePolicy, impressionsPolicy, ctrPolicy, explorationPolicy } from './policies.ts';
export type { DayArms, ExplorationLog, ServingState, SimPlan } from './simulate.ts';
export { DEFAULT_SIM_OPTIONS, explorationLog, isExplored, planSimulation, startServing, serveDay, warmUp, simulatePolicy, comparePolicies, simulatePolicyAsync } from './simulate.ts';
export type { ScoringModel, FitOptions, RelevanceOptions } from './models.ts';
export { POSITION_SLOTS, MODEL_FEATURES, modelInputs, trainRelevanceModel, trainClickModel, predictModel, modelScorer } from './models.ts';
