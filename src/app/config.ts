/**
 * The environment, read and checked in one place.
 */

import { type Clock, clockStartingAt, systemClock } from '../domain/time/clock.js';
import { type AuthenticatorOptions, authenticatorOptionsFromEnv } from './auth/authenticator.js';
import { ConfigError, requireEnv } from './env.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits.js';
import { type RateLimits, rateLimitsFromEnv } from './rate-limit.js';
import { type SecretKeySource, secretKeySourceFromEnv } from './secrets.js';
import { type TrustedDocumentsOptions, trustedDocumentsFromEnv } from './trusted-documents.js';

export { ConfigError, requireEnv } from './env.js';

/** What the Lambda handler needs from its environment. */
export interface AppConfig {
  tableName: string;
  /** DynamoDB Local's endpoint; unset on AWS. */
  dynamoEndpoint: string | undefined;
  production: boolean;
  clock: Clock;
  /** Oldest catalog copy served from the per-instance cache, in ms. */
  catalogMaxAgeMs: number;
  /** How tokens are verified: Cognito on AWS, the local issuer's keys locally. */
  auth: AuthenticatorOptions;
  /** Per-caller limits of takeTicket and submitComplaint, per minute. */
  rateLimits: RateLimits;
  limits: QueryLimits;
  /** Where the key of keyed hashes and sealed personal data comes from. */
  secretKey: SecretKeySource;
  /** `LOKET_TRUSTED_DOCUMENTS`, `LOKET_AD_HOC_ROLES`: only the front ends' operations (on in production). */
  trustedDocuments?: TrustedDocumentsOptions;
  /** The secret CloudFront adds to each request (`LOKET_ORIGIN_SECRET`); unset, no edge is required. */
  originSecret?: string | undefined;
  /**
   * `LOKET_KMS_KEY_ID`: the KMS key that wraps the data key of personal data (envelope encryption, on
   * AWS). Unset (locally): personal data is sealed under the key derived from the secret key.
   */
  personalDataKmsKeyId?: string | undefined;
  /**
   * Whether INIT opens the DynamoDB connection before any request: only for an instance Lambda prepares
   * ahead of traffic (`AWS_LAMBDA_INITIALIZATION_TYPE` = `provisioned-concurrency`). An on-demand cold
   * start runs INIT while its first request waits, so a warm-up there would add one round trip to that
   * request instead of saving one (docs/performance.md, "INIT and the DynamoDB connection").
   */
  warmUpAtInit?: boolean;
}

/**
 * The configuration of the handler from env: `LOKET_TABLE` (required),
 * `DYNAMODB_ENDPOINT`, `NODE_ENV`, `LOKET_CLOCK` (refused in production), the
 * auth variables of `auth/authenticator.ts`, the rate limits of `rate-limit.ts`, the
 * secret key of `secrets.ts`, `LOKET_ORIGIN_SECRET` (see `HandlerOptions.originSecret`) and
 * `LOKET_KMS_KEY_ID` (see `personal-data-key.ts`), and Lambda's own `AWS_LAMBDA_INITIALIZATION_TYPE`.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  let clock: Clock = systemClock;
  if (env.LOKET_CLOCK) {
    if (production) throw new ConfigError('LOKET_CLOCK is for demos and tests; it is refused in production');
    const start = new Date(env.LOKET_CLOCK);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(env.LOKET_CLOCK) || Number.isNaN(start.getTime())) {
      throw new ConfigError('LOKET_CLOCK must be an RFC 3339 instant, e.g. 2026-12-01T08:00:00+07:00');
    }
    clock = clockStartingAt(start);
  }
  return {
    tableName: requireEnv('LOKET_TABLE', env),
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    production,
    clock,
    catalogMaxAgeMs: 30_000,
    auth: authenticatorOptionsFromEnv(env),
    rateLimits: rateLimitsFromEnv(env),
    limits: DEFAULT_QUERY_LIMITS,
    secretKey: secretKeySourceFromEnv(env),
    trustedDocuments: trustedDocumentsFromEnv(env, production),
    originSecret: env.LOKET_ORIGIN_SECRET || undefined,
    personalDataKmsKeyId: env.LOKET_KMS_KEY_ID || undefined,
    warmUpAtInit: env.AWS_LAMBDA_INITIALIZATION_TYPE === 'provisioned-concurrency',
  };
}
