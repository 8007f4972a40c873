import type { Stage } from './config.js';

/**
 * Per-stage settings shared by the CDK stack and the local server, so the local adapter
 * answers CORS and size limits exactly as the deployed HTTP API does.
 */
export interface StageSettings {
  /**
   * Origins allowed by CORS: the stage's own plus those given where it is deployed or started
   * (`CORS_ORIGINS`, or `-c origins=` to the CDK). Never "*": credentials (API keys) are sent.
   */
  corsOrigins: string[];
  /**
   * Whether a deployment of this stage must be given its frontends' origins: prod serves real
   * apps, whose addresses belong to the deployment, not to this repository.
   */
  originsRequired: boolean;
  /** Whether any http://localhost:<port> / http://127.0.0.1:<port> origin is allowed too. */
  corsAllowLocalhost: boolean;
  /** Request headers a browser may send. */
  corsAllowHeaders: string[];
  /** Seconds a browser may cache a preflight answer. */
  corsMaxAgeSeconds: number;
  /** API Gateway default route throttling. */
  throttle: { rateLimit: number; burstLimit: number };
  /** How often the scheduled sync runs, in minutes. */
  syncEveryMinutes: number;
  /** GraphQL function memory, MB. */
  graphqlMemoryMb: number;
  /** GraphQL function timeout, seconds: under the HTTP API's 30 s integration limit. */
  graphqlTimeoutSeconds: number;
  /**
   * Whether the GraphQL function records every DynamoDB call as an X-Ray subsegment
   * (Powertools Tracer). Off, the tracer is never loaded: it costs about 20–35 ms of every
   * cold start (bench/README.md). The invocation itself is traced either way.
   */
  graphqlTraceDynamodb: boolean;
  /**
   * Whether the GraphQL function starts with `--enable-source-maps`, so logged stack traces
   * name the TypeScript sources. Off, Node does not read the 1.8 MB of maps at start (about
   * 15 ms of every cold start, bench/README.md); traces then name `index.mjs` lines and
   * columns, which the `.map` files deployed beside the bundle still resolve.
   */
  graphqlSourceMaps: boolean;
  /**
   * Seconds a GraphQL function instance keeps the counters an `armsTransferStats` answer read
   * (0: none), within the 60 s its `Cache-Control` already lets any cache keep the answer.
   * Every such answer reads its filter's statistics partition (13 read units for the top
   * suppliers of a decade on the full SIPRI export), so uncached one partition serves about
   * 230 a second (docs/capacity.md); cached, an instance reads it once per this many seconds.
   */
  statsCacheSeconds: number;
  /**
   * Seconds a GraphQL function instance keeps the items it read by key (entities and list
   * counters) for callers without an editor's key (0: none), far within the 60–3,600 s their
   * `Cache-Control` allows. A popular entity is read by most operations: uncached, 10,000
   * requests a second put three quarters of a partition's 3,000 read units on it
   * (docs/capacity.md); cached, an instance reads it once per this many seconds. Editors read
   * the table, so the version they edit against is the stored one.
   */
  itemCacheSeconds: number;
  /** Log retention, days. */
  logRetentionDays: number;
  /** Whether the table survives the stack's deletion and refuses deletes. */
  retainData: boolean;
  /**
   * The most a flood can spend: GraphQL function instances that may run at once (Lambda
   * reserved concurrency, taken from the account's pool) and the table's on-demand ceiling in
   * request units per second. Beyond them callers are throttled (429 / SERVICE_UNAVAILABLE)
   * rather than billed.
   */
  limits: { graphqlConcurrency: number; tableMaxReadUnits: number; tableMaxWriteUnits: number };
  /** CloudWatch alarm thresholds for the deployed GraphQL function. */
  alarms: {
    /** 5xx answers, or requests failed on the server's side, within 5 minutes that raise an alarm. */
    graphqlErrorsPer5Minutes: number;
    /** p99 duration, ms, that raises the alarm: below the timeout, so it fires before timeouts do. */
    graphqlP99DurationMs: number;
  };
}

/** Largest request body accepted, bytes: well under Lambda's 6 MB payload limit. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Time a GraphQL request may take before it is cut short, ms: below the function timeout. */
export const REQUEST_DEADLINE_MS = 8_000;

const COMMON_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
];

export const STAGE_SETTINGS: Record<Stage, StageSettings> = {
  dev: {
    corsOrigins: ['https://studio.apollographql.com'],
    originsRequired: false,
    corsAllowLocalhost: true,
    corsAllowHeaders: COMMON_HEADERS,
    corsMaxAgeSeconds: 600,
    throttle: { rateLimit: 50, burstLimit: 100 },
    syncEveryMinutes: 60,
    graphqlMemoryMb: 1024,
    graphqlTimeoutSeconds: 10,
    graphqlTraceDynamodb: true,
    graphqlSourceMaps: true,
    statsCacheSeconds: 0,
    itemCacheSeconds: 0,
    logRetentionDays: 14,
    retainData: false,
    limits: { graphqlConcurrency: 20, tableMaxReadUnits: 1_000, tableMaxWriteUnits: 500 },
    alarms: { graphqlErrorsPer5Minutes: 10, graphqlP99DurationMs: 6_000 },
  },
  prod: {
    corsOrigins: ['https://studio.apollographql.com'],
    originsRequired: true,
    corsAllowLocalhost: false,
    corsAllowHeaders: COMMON_HEADERS,
    corsMaxAgeSeconds: 3600,
    throttle: { rateLimit: 500, burstLimit: 1000 },
    syncEveryMinutes: 360,
    graphqlMemoryMb: 1024,
    graphqlTimeoutSeconds: 10,
    graphqlTraceDynamodb: false,
    graphqlSourceMaps: false,
    statsCacheSeconds: 60,
    itemCacheSeconds: 10,
    logRetentionDays: 90,
    retainData: true,
    limits: { graphqlConcurrency: 100, tableMaxReadUnits: 10_000, tableMaxWriteUnits: 2_000 },
    alarms: { graphqlErrorsPer5Minutes: 5, graphqlP99DurationMs: 3_000 },
  },
};

/** Thrown for origins that cannot be used: not an https:// (or localhost http://) origin, or "*". */
export class OriginsError extends Error {
  override readonly name = 'OriginsError';
}

const ORIGIN = /^(https:\/\/[a-z0-9.-]+(:\d{1,5})?|http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?)$/;

/**
 * Reads a comma-separated list of browser origins (`CORS_ORIGINS`, `-c origins=`).
 * @returns the origins, or an empty list when nothing was given.
 * @throws OriginsError naming the first entry that is not an origin (a path, "*", plain http).
 */
export function parseOrigins(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string') throw new OriginsError('origins must be a comma-separated list of https:// origins');
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  const wrong = origins.find((origin) => !ORIGIN.test(origin));
  if (wrong !== undefined) {
    throw new OriginsError(`"${wrong}" is not a browser origin: give https://host[:port], without a path, never "*"`);
  }
  return origins;
}

/**
 * A stage's settings with the origins given where it runs added to its own, so the local
 * adapter and the deployed HTTP API answer CORS from the same list.
 */
export function stageSettings(stage: Stage, origins: readonly string[] = []): StageSettings {
  const settings = STAGE_SETTINGS[stage];
  return { ...settings, corsOrigins: [...new Set([...settings.corsOrigins, ...origins])] };
}
