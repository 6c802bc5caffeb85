/**
 * An API over a fresh table on DynamoDB Local, through the real Lambda
 * handler, with a manual clock and counted DynamoDB requests.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenIdentity } from '../../src/app/auth/claims.js';
import { createServices } from '../../src/app/composition.js';
import type { AppConfig } from '../../src/app/config.js';
import { createLambdaHandler, type LoketHandler } from '../../src/app/handler.js';
import { DEFAULT_QUERY_LIMITS } from '../../src/app/limits.js';
import { uniformRateLimits } from '../../src/app/rate-limit.js';
import type { MallCatalog } from '../../src/domain/catalog/catalog.js';
import { type Clock, ManualClock } from '../../src/domain/time/clock.js';
import { DynamoCatalogStore } from '../../src/dynamo/catalog/catalog-store.js';
import { LocalIssuer, type SignOptions } from '../../src/local/local-issuer.js';
import { execute, type GraphQLResponse } from './graphql.js';
import { createTestTable, type TestTable } from './local-table.js';

/** The secret key of every test API (made-up, test-only). */
export const TEST_SECRET_KEY = new Uint8Array(32).fill(7);

export interface Harness {
  table: TestTable;
  clock: ManualClock;
  handler: LoketHandler;
  /** Runs an operation, with `token` as Bearer when given; throws when the answer has errors. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<T>;
  raw<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  /** A token of the harness's local issuer for an identity, e.g. `{ role: 'ADMIN', mallId }`. */
  token(identity: TokenIdentity, options?: SignOptions): Promise<string>;
  /** The harness's local issuer, for tokens the server must refuse. */
  issuer: LocalIssuer;
  /** A fresh handler on the same table and config: a new Lambda instance, with an empty catalog cache. */
  newInstance(overrides?: Partial<AppConfig>): LoketHandler;
  /** Requests the last `fn` sent to DynamoDB. */
  countRequests(fn: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

/** A handler configuration for tests: local table, manual clock, limits high enough for load tests. */
export function testConfig(table: TestTable, clock: Clock, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    tableName: table.tableName,
    dynamoEndpoint: table.endpoint,
    production: false,
    clock,
    catalogMaxAgeMs: 30_000,
    auth: { kind: 'none' },
    rateLimits: uniformRateLimits(100_000),
    limits: DEFAULT_QUERY_LIMITS,
    secretKey: { kind: 'inline', key: TEST_SECRET_KEY },
    ...overrides,
  };
}

export async function createHarness(
  endpoint: string,
  catalogs: MallCatalog[],
  start: Date,
  overrides: Partial<AppConfig> = {},
): Promise<Harness> {
  const table = await createTestTable(endpoint);
  const store = new DynamoCatalogStore(table.client, table.tableName);
  // Loaded as at the start, so the loader's audit entries come before anything the test does.
  for (const catalog of catalogs) await store.writeCatalog(catalog, start);
  const clock = new ManualClock(start);
  const keys = await mkdtemp(join(tmpdir(), 'loket-keys-'));
  const issuer = await LocalIssuer.open(keys);
  const config = testConfig(table, clock, { auth: issuer.authenticatorOptions(), ...overrides });
  const newInstance = (more: Partial<AppConfig> = {}) => {
    const instanceConfig = { ...config, ...more };
    return createLambdaHandler(createServices(instanceConfig, table.counter), instanceConfig);
  };
  const handler = newInstance();
  const raw = <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
    execute<T>(handler, query, variables, token ? { authorization: `Bearer ${token}` } : {});
  const tokens = new Map<string, Promise<string>>();
  return {
    table,
    clock,
    handler,
    raw,
    issuer,
    newInstance,
    token: (identity, options) => {
      if (options) return issuer.sign(identity, options);
      const key = JSON.stringify(identity);
      let token = tokens.get(key);
      if (!token) {
        token = issuer.sign(identity);
        tokens.set(key, token);
      }
      return token;
    },
    gql: async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
      const result = await raw<T>(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    countRequests: async (fn) => {
      table.counter.reset();
      await fn();
      return table.counter.total;
    },
    close: async () => {
      await table.drop();
      await rm(keys, { recursive: true, force: true });
    },
  };
}
