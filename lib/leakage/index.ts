/**
 * Leakage ledger: who sees what, how much (issue #5). Public surface of lib/leakage.
 */
export { expectedDistinctRecords, type RecordExposure } from "./exposure";
export {
  MEMBERSHIP_TEST_CITATION, MEMBERSHIP_TEST_FPRS, membershipTestBound, membershipTprBound,
  type MembershipTestBound, type MembershipTestPoint,
} from "./membership-test";
export {
  describeProviderPolicy, hostName, hostPolicy, providerPolicies, providerPolicyFor,
  type ProviderDataPolicy, type TrainsOnApiData,
} from "./provider-policy";
export {
  leakageDefinedFor, leakageFor,
  type LeakageChannel, type LeakageChannelId, type LeakageChannelStatus, type LeakageChannels,
  type LeakageDeployment, type LeakagePlan, type LeakageRow,
} from "./leakage-for";
