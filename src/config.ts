/**
 * Configuration, read once from the environment and checked; everything else receives it
 * as an argument. A missing or malformed variable stops start-up with a message naming it.
 */

import { publicAddress } from './domain/addresses.js';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

export interface Config {
  /** The DynamoDB table holding the knowledge base. */
  tableName: string;
  stage: Stage;
  /** Another DynamoDB endpoint (dynalite, DynamoDB Local); absent on AWS. */
  dynamodbEndpoint?: string;
  /** AWS region for the SDK clients. */
  region: string;
  /** Whether introspection is on; defaults to on in dev and off in prod. */
  introspection: boolean;
  /** Whether callers without a key may read. */
  anonymousReads: boolean;
  /** The function role's credentials from the environment, when Lambda has set them. */
  awsCredentials?: AwsCredentials;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Static AWS credentials, as Lambda puts them in a function's environment. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/**
 * The credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and, on
 * Lambda, AWS_SESSION_TOKEN), or undefined when there are none. Lambda sets them for the
 * function's role for the life of the sandbox, so passing them to the client is what the
 * chain's first provider would find, without loading and walking the chain at the first
 * call (bench/README.md, "What changed for performance").
 */
export function credentialsFromEnv(env: Env): AwsCredentials | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) return undefined;
  const expiration = env.AWS_CREDENTIAL_EXPIRATION ? new Date(env.AWS_CREDENTIAL_EXPIRATION) : undefined;
  return {
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    ...(expiration && !Number.isNaN(expiration.getTime()) ? { expiration } : {}),
  };
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/**
 * Reads and checks the configuration.
 * @throws ConfigError naming the first variable that is missing or malformed.
 */
export function loadConfig(env: Env = process.env): Config {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new ConfigError('TABLE_NAME is not set: it names the DynamoDB table to serve');
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(tableName)) throw new ConfigError(`TABLE_NAME "${tableName}" is not a valid table name`);
  const stage = (env.STAGE ?? 'dev') as Stage;
  if (!STAGES.includes(stage)) throw new ConfigError(`STAGE must be one of ${STAGES.join(', ')}, got "${env.STAGE}"`);
  const endpoint = env.DYNAMODB_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/[^\s]+$/.test(endpoint)) {
    throw new ConfigError(`DYNAMODB_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  }
  const credentials = credentialsFromEnv(env);
  return {
    tableName,
    stage,
    ...(endpoint ? { dynamodbEndpoint: endpoint } : {}),
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    introspection: flag(env, 'INTROSPECTION', stage !== 'prod'),
    anonymousReads: flag(env, 'ANONYMOUS_READS', true),
    ...(credentials ? { awsCredentials: credentials } : {}),
  };
}

/** The sync function's configuration: the table's, plus the feeds to read in order. */
export interface SyncConfig extends Config {
  /** Sources to apply in order: s3://bucket/key or https:// addresses. */
  feeds: string[];
}

/** Whether `feed` is an address the sync function may read: s3://bucket/key or https://…, never a local path. */
export function isFeedAddress(feed: unknown): feed is string {
  return typeof feed === 'string' && /^(s3:\/\/[^/\s]+\/\S+|https:\/\/\S+)$/.test(feed);
}

/**
 * Reads the sync function's configuration (FEEDS: comma-separated s3:// or https:// sources).
 * @throws ConfigError naming the first variable that is missing or malformed.
 */
export function loadSyncConfig(env: Env = process.env): SyncConfig {
  const feeds = (env.FEEDS ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const bad = feeds.find((f) => !isFeedAddress(f));
  if (bad !== undefined) throw new ConfigError(`FEEDS must list s3://bucket/key or https:// sources, got "${publicAddress(bad)}"`);
  return { ...loadConfig(env), feeds };
}
