import { describe, expect, it } from 'vitest';
import { credentialsFromEnv } from '../../src/config.js';

describe('credentialsFromEnv', () => {
  it('takes the key, secret and session token Lambda sets', () => {
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'ASIAX', AWS_SECRET_ACCESS_KEY: 's3cret', AWS_SESSION_TOKEN: 'tok' })).toEqual({
      accessKeyId: 'ASIAX',
      secretAccessKey: 's3cret',
      sessionToken: 'tok',
    });
  });

  it('gives none without both key and secret, so the SDK falls back to its provider chain', () => {
    expect(credentialsFromEnv({})).toBeUndefined();
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'AKIAX' })).toBeUndefined();
    expect(credentialsFromEnv({ AWS_SECRET_ACCESS_KEY: 's3cret' })).toBeUndefined();
  });

  it('keeps an expiry when one is given, and ignores one that is not a date', () => {
    expect(
      credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'B', AWS_CREDENTIAL_EXPIRATION: '2026-11-29T18:00:00Z' }),
    ).toEqual({
      accessKeyId: 'A',
      secretAccessKey: 'B',
      expiration: new Date('2026-11-29T18:00:00Z'),
    });
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'B', AWS_CREDENTIAL_EXPIRATION: 'soon' })).toEqual({
      accessKeyId: 'A',
      secretAccessKey: 'B',
    });
  });
});
