/**
 * Everything the stack needs to know about a stage, in one typed value: the settings shared
 * with the local server (`src/stages.ts`) plus values only the deployment has (physical
 * names, localhost origins, sync sizing, the feeds to read).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { STAGES, type Stage } from '../src/config.js';
import { parseOrigins, REQUEST_DEADLINE_MS, type StageSettings, stageSettings } from '../src/stages.js';

/** Prefix of every physical name, so the project's resources sort together in the console. */
export const PROJECT = 'geo-gateway';

/** Longest a function behind the HTTP API may run: API Gateway cuts the request at 30 s. */
const HTTP_API_INTEGRATION_LIMIT_SECONDS = 30;

/**
 * Browser origins added to CORS in dev. The local server allows any localhost port, but
 * API Gateway matches origins literally (a wildcard port is not accepted), so the ports of
 * the usual dev servers are listed: Apollo's local gateway (4000), Vite (5173), Next and
 * Create React App (3000), under both names a browser may use for this machine.
 */
export const LOCALHOST_DEV_ORIGINS: readonly string[] = [3000, 4000, 5173].flatMap((port) => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
]);

/** Object key of the default feed inside the stage's feed bucket. */
export const DEFAULT_FEED_KEY = 'feeds/geo-feed.jsonl';

export interface InfraConfig {
  stage: Stage;
  /** Settings shared with the local server, the origins given at deploy time included. */
  settings: StageSettings;
  stackName: string;
  /** Physical names, each carrying the stage so dev and prod coexist in one account. */
  names: {
    table: string;
    graphqlFunction: string;
    syncFunction: string;
    api: string;
    syncSchedule: string;
    syncDeadLetterQueue: string;
    /** Bucket names are global: the stack appends account and region to these prefixes. */
    feedBucketPrefix: string;
    accessLogBucketPrefix: string;
    apiAccessLogGroup: string;
    /** Prefix of every alarm name. */
    alarmPrefix: string;
  };
  /** Every origin the HTTP API answers CORS for: the stage's list, plus localhost in dev. */
  corsOrigins: string[];
  logRetention: RetentionDays;
  /** What happens to data and logs when the stack is deleted. */
  removalPolicy: RemovalPolicy;
  sync: {
    memoryMb: number;
    timeout: Duration;
    /** EventBridge Scheduler expression, `rate(<n> minutes)`. */
    scheduleExpression: string;
    /**
     * Sources the sync reads (`FEEDS`); absent means the default object in the feed bucket,
     * whose name is only known once the stack resolves it.
     */
    feeds?: string[];
  };
}

/** Values given at deploy time (`-c feeds=...`, `-c origins=...` or `CORS_ORIGINS`). */
export interface InfraOverrides {
  /** Comma-separated `s3://` or `https://` sources replacing the default feed. */
  feeds?: unknown;
  /** Comma-separated browser origins added to the stage's own; prod needs at least one. */
  origins?: unknown;
}

/** An S3 feed's bucket and object key, for the sync's read permission. */
export interface S3Object {
  bucket: string;
  key: string;
}

/**
 * Checks the stage given on the command line.
 * @throws Error naming the accepted stages when the value is anything else.
 */
export function parseStage(value: unknown): Stage {
  if (typeof value === 'string' && (STAGES as readonly string[]).includes(value)) return value as Stage;
  const shown = value === undefined ? 'nothing' : JSON.stringify(value);
  throw new Error(`Unknown stage: got ${shown}. Choose one with -c stage=${STAGES.join(' or -c stage=')}.`);
}

/**
 * Turns a stage into the deployment's settings, checking the limits the services impose.
 * @throws Error when a setting cannot be deployed (timeout over the HTTP API limit, a log
 *   retention CloudWatch does not offer, a feed that is not s3:// or https://), or prod is
 *   given no origins for its frontends.
 */
export function infraConfig(stage: Stage, overrides: InfraOverrides = {}): InfraConfig {
  const origins = parseOrigins(overrides.origins);
  const settings = stageSettings(stage, origins);
  if (settings.originsRequired && origins.length === 0) {
    throw new Error(
      `${stage}: give the origins of the frontends that call this API: -c origins=https://app.example.com[,…] or CORS_ORIGINS=…`,
    );
  }
  checkSettings(stage, settings);
  const name = (suffix: string) => `${PROJECT}-${stage}-${suffix}`;
  const feeds = parseFeeds(overrides.feeds);
  return {
    stage,
    settings,
    stackName: `${PROJECT}-${stage}`,
    names: {
      table: name('knowledge'),
      graphqlFunction: name('graphql'),
      syncFunction: name('sync'),
      api: name('api'),
      syncSchedule: name('sync'),
      syncDeadLetterQueue: name('sync-dlq'),
      feedBucketPrefix: name('feeds'),
      accessLogBucketPrefix: name('access-logs'),
      apiAccessLogGroup: `/aws/apigateway/${name('api')}/access`,
      alarmPrefix: `${PROJECT}-${stage}-`,
    },
    corsOrigins: [...settings.corsOrigins, ...(settings.corsAllowLocalhost ? LOCALHOST_DEV_ORIGINS : [])],
    logRetention: settings.logRetentionDays as RetentionDays,
    removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    sync: {
      memoryMb: 1024,
      // Lambda's ceiling: a full re-read of the feeds is allowed to take its time.
      timeout: Duration.minutes(15),
      scheduleExpression: rateInMinutes(settings.syncEveryMinutes),
      ...(feeds ? { feeds } : {}),
    },
  };
}

function checkSettings(stage: Stage, settings: StageSettings): void {
  const timeoutMs = settings.graphqlTimeoutSeconds * 1000;
  if (settings.graphqlTimeoutSeconds >= HTTP_API_INTEGRATION_LIMIT_SECONDS) {
    throw new Error(`${stage}: graphqlTimeoutSeconds must be under ${HTTP_API_INTEGRATION_LIMIT_SECONDS} (the HTTP API integration limit)`);
  }
  if (REQUEST_DEADLINE_MS >= timeoutMs) throw new Error(`${stage}: REQUEST_DEADLINE_MS must be under the function timeout`);
  if (settings.alarms.graphqlP99DurationMs >= timeoutMs)
    throw new Error(`${stage}: the p99 duration alarm must be under the function timeout`);
  if (!(Object.values(RetentionDays) as unknown[]).includes(settings.logRetentionDays)) {
    throw new Error(`${stage}: CloudWatch Logs has no ${settings.logRetentionDays}-day retention`);
  }
  if (settings.corsOrigins.some((origin) => origin.includes('*'))) throw new Error(`${stage}: CORS origins must be explicit, never "*"`);
  if (!Number.isInteger(settings.syncEveryMinutes) || settings.syncEveryMinutes < 1) {
    throw new Error(`${stage}: syncEveryMinutes must be a whole number of minutes`);
  }
  const { graphqlConcurrency, tableMaxReadUnits, tableMaxWriteUnits } = settings.limits;
  for (const [name, value] of Object.entries({ graphqlConcurrency, tableMaxReadUnits, tableMaxWriteUnits })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${stage}: limits.${name} must be a whole number above 0`);
  }
}

/** The bucket and key of each `s3://` feed (https:// feeds need no permission). */
export function s3Objects(feeds: readonly string[]): S3Object[] {
  return feeds.flatMap((feed) => {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(feed);
    return match ? [{ bucket: match[1] as string, key: match[2] as string }] : [];
  });
}

function rateInMinutes(minutes: number): string {
  return `rate(${minutes} ${minutes === 1 ? 'minute' : 'minutes'})`;
}

function parseFeeds(value: unknown): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new Error('-c feeds must be a comma-separated list of s3:// or https:// sources');
  const feeds = value
    .split(',')
    .map((feed) => feed.trim())
    .filter((feed) => feed !== '');
  const wrong = feeds.find((feed) => !/^(s3:\/\/[a-z0-9.-]+\/[^*?\s]+|https:\/\/\S+)$/.test(feed));
  // An S3 feed is one object: a * or ? in its key would be a wildcard in the read permission.
  if (wrong !== undefined) throw new Error(`-c feeds: "${wrong}" is not an s3://bucket/key (no * or ?) or https:// source`);
  return feeds;
}
