/**
 * The functions' own CloudWatch metrics (embedded metric format), named once: the handlers
 * emit them and the stack's alarms watch them, so an alarm cannot watch a name nobody emits.
 */

/** CloudWatch namespace of every custom metric. */
export const METRIC_NAMESPACE = 'GeoGateway';

/** The `service` dimension Powertools adds to each function's metrics. */
export const METRIC_SERVICE = { graphql: 'graphql', sync: 'sync' } as const;

/** The dimensions every metric carries besides its own: the service, then the stage. */
export const DEFAULT_DIMENSIONS = ['service', 'stage'] as const;

/** Metric names the alarms watch. */
export const METRIC = {
  /** GraphQL requests that failed on the server's side (1 per such request). */
  graphqlServerErrors: 'ServerErrors',
  /** Feeds a sync run could not read to the end (1 per failed feed). */
  syncFailed: 'SyncFailed',
} as const;

/** Error codes that say the service, not the caller, failed the request. */
export const SERVER_ERROR_CODES: ReadonlySet<string> = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'TIMEOUT']);

/**
 * Operation names that get a metric of their own: the operations frontends are given in
 * `examples/` (a test keeps the two the same). Every other name is counted as `other`, so a
 * caller cannot create billed custom metrics by inventing operation names.
 */
export const KNOWN_OPERATIONS: ReadonlySet<string> = new Set([
  'DealsBySupplierAndRecipient',
  'EventsWithActors',
  'LeaderMeetings',
  'LeadersActiveOn',
  'NodeLookup',
  'RelationsTimeline',
  'Search',
]);

/** The `operation` dimension of a request: its name when known, `anonymous`, or `other`. */
export function operationDimension(operationName: string | undefined): string {
  if (operationName === undefined || operationName === 'anonymous') return 'anonymous';
  return KNOWN_OPERATIONS.has(operationName) ? operationName : 'other';
}
