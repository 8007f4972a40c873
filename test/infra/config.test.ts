import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { infraConfig, LOCALHOST_DEV_ORIGINS, parseStage } from '../../infra/config.js';
import { parseOrigins, STAGE_SETTINGS, stageSettings } from '../../src/stages.js';
import { REPO_ROOT } from './synth.js';

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
  const origins = 'https://app.example.com';

  it('adds localhost origins in dev only, since API Gateway cannot match any port', () => {
    expect(infraConfig('dev').corsOrigins).toEqual([...STAGE_SETTINGS.dev.corsOrigins, ...LOCALHOST_DEV_ORIGINS]);
    expect(infraConfig('prod', { origins }).corsOrigins).toEqual(['https://studio.apollographql.com', 'https://app.example.com']);
  });

  it('keeps prod data and lets dev data go', () => {
    expect(infraConfig('prod', { origins }).removalPolicy).toBe(RemovalPolicy.RETAIN);
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
    expect(() => infraConfig('dev', { feeds: 'http://example.org/a' })).toThrow(
      /is not an s3:\/\/bucket\/key \(no \* or \?\) or https:\/\/ source/,
    );
    expect(() => infraConfig('dev', { feeds: true })).toThrow(/comma-separated/);
  });
});

describe('Origins are settings of the deployment', () => {
  it('has no frontend origin of its own in prod: only Apollo Studio, which is real', () => {
    expect(STAGE_SETTINGS.prod.corsOrigins).toEqual(['https://studio.apollographql.com']);
    expect(STAGE_SETTINGS.prod.originsRequired).toBe(true);
    expect(STAGE_SETTINGS.dev.originsRequired).toBe(false);
  });

  it.each([undefined, '', ' , '])('refuses to configure prod without origins (given %j)', (given) => {
    expect(() => infraConfig('prod', { origins: given })).toThrow(/-c origins=https:\/\/app\.example\.com\[,…\] or CORS_ORIGINS/);
  });

  it('adds the given origins, once each, to the stage list in either stage', () => {
    const given = ' https://app.example.com,https://admin.example.com:8443 ,https://studio.apollographql.com';
    expect(infraConfig('prod', { origins: given }).corsOrigins).toEqual([
      'https://studio.apollographql.com',
      'https://app.example.com',
      'https://admin.example.com:8443',
    ]);
    expect(infraConfig('dev', { origins: 'https://preview.example.com' }).corsOrigins).toEqual([
      'https://studio.apollographql.com',
      'https://preview.example.com',
      ...LOCALHOST_DEV_ORIGINS,
    ]);
  });

  it.each([
    '*',
    'https://*.example.com',
    'http://app.example.com',
    'https://app.example.com/',
    'app.example.com',
    'https://app.example.com/path',
  ])('refuses %s, which is not one browser origin over TLS', (origin) => {
    expect(() => parseOrigins(origin)).toThrow(/is not a browser origin/);
    expect(() => infraConfig('prod', { origins: origin })).toThrow(/is not a browser origin/);
  });

  it('stops `cdk synth -c stage=prod` with the fix when no origins are given', async () => {
    // The CDK app as the CLI runs it (the CLI passes the context in CDK_CONTEXT_JSON).
    const outdir = await mkdtemp(path.join(tmpdir(), 'cdk-out-'));
    try {
      const env = { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ stage: 'prod' }), CDK_OUTDIR: outdir, CORS_ORIGINS: '' };
      const run = promisify(execFile)(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['infra/app.ts'], { cwd: REPO_ROOT, env });
      await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^prod: give the origins of the frontends/) });
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });

  it('gives the local server the same list (CORS_ORIGINS), and lets prod start locally without it', () => {
    expect(stageSettings('prod', parseOrigins('https://app.example.com')).corsOrigins).toEqual(
      infraConfig('prod', { origins: 'https://app.example.com' }).settings.corsOrigins,
    );
    expect(stageSettings('prod').corsOrigins).toEqual(['https://studio.apollographql.com']);
  });
});

describe('Limits: what a flood can cost', () => {
  it.each(['dev', 'prod'] as const)('bounds the %s GraphQL concurrency and table throughput with whole numbers', (stage) => {
    const { limits } = infraConfig(stage, { origins: 'https://app.example.com' }).settings;
    expect(limits).toEqual(STAGE_SETTINGS[stage].limits);
    for (const value of Object.values(limits)) expect(Number.isInteger(value) && value > 0).toBe(true);
  });
});
