import type { Stage } from './config.js';

/**
 * Per-stage settings shared by the CDK stack and the local server, so the local adapter
 * answers CORS and size limits exactly as the deployed HTTP API does.
 */
export interface StageSettings {
  /** Origins allowed by CORS. Never "*": credentials (API keys) are sent. */
  corsOrigins: string[];
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
   * Instances of the GraphQL function that may run at once (reserved concurrency): with each
   * request's budget of reads, what a flood of requests can cost per second is bounded.
   */
  graphqlReservedConcurrency: number;
  /** The table's on-demand maximum throughput, request units per second: what every caller together may read and write. */
  tableMaxRequestUnits: { read: number; write: number };
  /** Log retention, days. */
  logRetentionDays: number;
  /** Whether the table survives the stack's deletion and refuses deletes. */
  retainData: boolean;
  /** CloudWatch alarm thresholds for the deployed GraphQL function. */
  alarms: {
    /** Function errors within 5 minutes that raise the alarm. */
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
    corsAllowLocalhost: true,
    corsAllowHeaders: COMMON_HEADERS,
    corsMaxAgeSeconds: 600,
    throttle: { rateLimit: 50, burstLimit: 100 },
    syncEveryMinutes: 60,
    graphqlMemoryMb: 1024,
    graphqlTimeoutSeconds: 10,
    graphqlReservedConcurrency: 10,
    tableMaxRequestUnits: { read: 1_000, write: 500 },
    logRetentionDays: 14,
    retainData: false,
    alarms: { graphqlErrorsPer5Minutes: 10, graphqlP99DurationMs: 6_000 },
  },
  prod: {
    corsOrigins: ['https://studio.apollographql.com', 'https://app.example.org'],
    corsAllowLocalhost: false,
    corsAllowHeaders: COMMON_HEADERS,
    corsMaxAgeSeconds: 3600,
    throttle: { rateLimit: 500, burstLimit: 1000 },
    syncEveryMinutes: 360,
    graphqlMemoryMb: 1024,
    graphqlTimeoutSeconds: 10,
    graphqlReservedConcurrency: 100,
    tableMaxRequestUnits: { read: 10_000, write: 2_000 },
    logRetentionDays: 90,
    retainData: true,
    alarms: { graphqlErrorsPer5Minutes: 5, graphqlP99DurationMs: 3_000 },
  },
};
