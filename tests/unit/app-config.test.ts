/**
 * What the Lambda's INIT does, from its environment (src/app/config.ts): the DynamoDB warm-up only
 * where Lambda prepares the instance ahead of traffic.
 */
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/app/config.js';

const base = { LOKET_TABLE: 'loket-test', LOKET_SECRET_KEY_FILE: '/nowhere/secret.key' };

describe('configFromEnv: the INIT warm-up', () => {
  it('warms up an instance of provisioned concurrency', () => {
    const config = configFromEnv({ ...base, AWS_LAMBDA_INITIALIZATION_TYPE: 'provisioned-concurrency' });
    expect(config.warmUpAtInit).toBe(true);
  });

  it('does not warm up an on-demand cold start, whose request waits for INIT', () => {
    expect(configFromEnv({ ...base, AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' }).warmUpAtInit).toBe(false);
  });

  it('does not warm up outside Lambda (local server, tests)', () => {
    expect(configFromEnv(base).warmUpAtInit).toBe(false);
  });
});
