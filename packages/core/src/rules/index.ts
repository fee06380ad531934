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
export { clusterMessageSearch } from './clusterSearch.js';
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
export {
  type AnalysisChart,
  columnsOf,
  DEFAULT_ANALYSIS,
  DEFAULT_COLUMNS,
  DEFAULT_FACETS,
  defaultExplorerState,
  type EventStatus,
  type ExplorerAnalysis,
  type ExplorerDetail,
  type ExplorerMode,
  type ExplorerState,
  eventStatus,
  explorerStateFromParams,
  explorerStateToParams,
  ID_FIELD,
} from './explorer.js';
export { formatBytes, formatDuration, formatFieldValue, isDurationField } from './formatValue.js';
export { type FuzzyMatch, type FuzzyResult, fuzzyFilter, fuzzyMatch } from './fuzzy.js';
export {
  CONTEXT_TAGS,
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
  decodeBase64Utf8,
  type ErrorCause,
  parseStack,
  parseStackLine,
  readErrorCauses,
  type StackFrame,
  type StackLine,
} from './stack.js';
export {
  bucketIndex,
  bucketInterval,
  bucketStarts,
  OTHER_STACK,
  stackOrder,
} from './timeBuckets.js';
export {
  DEFAULT_RANGE,
  isValidRange,
  parseRange,
  parseSpan,
  printRange,
  RANGE_PRESETS,
  resolveRange,
  sameRange,
  type TimeRange,
} from './timeRange.js';
export { pathGroup, statusGroup } from './urlGroup.js';
export {
  summariseUsage,
  USAGE_BUCKET_MS,
  type UsageCount,
  type UsageCounts,
  type UsageRange,
  type UsageSummary,
  usageWindow,
} from './usage.js';
export { rateVital, VITALS, type Vital, type VitalRating } from './vitals.js';
export {
  lastItems,
  type ResourcePhaseName,
  resourcePhases,
  WATERFALL_KINDS,
  type WaterfallItem,
  type WaterfallKind,
  type WaterfallPhase,
  type WaterfallRecord,
  type WaterfallSource,
  waterfallCategory,
  waterfallExtent,
  waterfallItems,
} from './waterfall.js';
export { fromWallTime, toWallTime, zonedMidnight } from './zone.js';
