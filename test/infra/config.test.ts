import { RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { infraConfig, LOCALHOST_DEV_ORIGINS, parseStage } from '../../infra/config.js';
import { STAGE_SETTINGS } from '../../src/stages.js';

describe('parseStage', () => {
  it('accepts dev and prod', () => {
    expect(parseStage('dev')).toBe('dev');
    expect(parseStage('prod')).toBe('prod');
  });

  it.each([undefined, '', 'staging', 'Prod', 'production', 1])('refuses %j, naming the accepted stages', (value) => {
    expect(() => parseStage(value)).toThrow(/-c stage=dev or -c stage=prod/);
  });
});

describe('infraConfig', () => {
  it('adds localhost origins in dev only, since API Gateway cannot match any port', () => {
    expect(infraConfig('dev').corsOrigins).toEqual([...STAGE_SETTINGS.dev.corsOrigins, ...LOCALHOST_DEV_ORIGINS]);
    expect(infraConfig('prod').corsOrigins).toEqual(STAGE_SETTINGS.prod.corsOrigins);
  });

  it('keeps prod data and lets dev data go', () => {
    expect(infraConfig('prod').removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(infraConfig('dev').removalPolicy).toBe(RemovalPolicy.DESTROY);
  });

  it('schedules the sync in minutes', () => {
    expect(infraConfig('dev').sync.scheduleExpression).toBe(`rate(${STAGE_SETTINGS.dev.syncEveryMinutes} minutes)`);
  });

  it('reads FEEDS from a comma-separated list of s3:// and https:// sources', () => {
    expect(infraConfig('dev', { feeds: ' s3://b/a.jsonl, https://example.org/b.csv ,' }).sync.feeds).toEqual([
      's3://b/a.jsonl',
      'https://example.org/b.csv',
    ]);
    expect(infraConfig('dev', { feeds: '' }).sync.feeds).toBeUndefined();
    expect(() => infraConfig('dev', { feeds: 'http://example.org/a' })).toThrow(/not an s3:\/\/ or https:\/\/ source/);
    expect(() => infraConfig('dev', { feeds: true })).toThrow(/comma-separated/);
  });
});
