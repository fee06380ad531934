// @rumkit/core/rules: pure business rules, shared by the server, the SDK and the components.
export {
  APP_ID_MAX_LENGTH,
  type AppIdCheck,
  type AppIdProblem,
  checkAppId,
  generateAppId,
  isValidAppId,
} from './appId.js';
export { APP_TYPES, type AppType, isAppType } from './appTypes.js';
export {
  billedUnits,
  type DailyCounts,
  DEFAULT_PRICES,
  dailyCost,
  type PriceTable,
  projectMonth,
  type RetentionTier,
} from './billing.js';
export {
  CLUSTER_SAMPLE_FIELDS,
  type ClusteredError,
  clusterBunches,
  clusterErrors,
  ERROR_CLUSTER_SAMPLE,
  type ErrorBunch,
  type ErrorCluster,
} from './errorClusters.js';
export { errorPattern } from './errorPattern.js';
export { type FuzzyMatch, type FuzzyResult, fuzzyFilter, fuzzyMatch } from './fuzzy.js';
export {
  foldSessions,
  SESSION_TAGS,
  type SessionEvent,
  type SessionState,
  type SessionValue,
  sessionKey,
} from './sessions.js';
export {
  type SdkGuide,
  type SdkSnippet,
  type SnippetContext,
  type SnippetId,
  type SnippetLanguage,
  type SnippetPlatform,
  sdkGuide,
  snippetPlatformOf,
  WEB_SDK,
} from './snippets.js';
export {
  bucketIndex,
  bucketInterval,
  bucketStarts,
  OTHER_STACK,
  stackOrder,
} from './timeBuckets.js';
export { pathGroup, statusGroup } from './urlGroup.js';
export {
  summariseUsage,
  USAGE_BUCKET_MS,
  type UsageCount,
  type UsageCounts,
  type UsageRange,
  type UsageSummary,
  usageWindow,
  zonedMidnight,
} from './usage.js';
