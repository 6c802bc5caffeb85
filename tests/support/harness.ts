/**
 * An API over a fresh table on DynamoDB Local, through the real Lambda
 * handler, with a manual clock and counted DynamoDB requests.
 */
import { createServices } from '../../src/app/composition.js';
import type { AppConfig } from '../../src/app/config.js';
import { createLambdaHandler, type LoketHandler } from '../../src/app/handler.js';
import { DEFAULT_QUERY_LIMITS } from '../../src/app/limits.js';
import type { MallCatalog } from '../../src/domain/catalog.js';
import { type Clock, ManualClock } from '../../src/domain/clock.js';
import { DynamoCatalogStore } from '../../src/dynamo/catalog-store.js';
import { execute, type GraphQLResponse } from './graphql.js';
import { createTestTable, type TestTable } from './local-table.js';

export interface Harness {
  table: TestTable;
  clock: ManualClock;
  handler: LoketHandler;
  /** Runs an operation; throws when the answer has errors unless `allowErrors`. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  raw<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
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
    rateLimits: { takeTicket: 100_000, submitComplaint: 100_000 },
    limits: DEFAULT_QUERY_LIMITS,
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
  for (const catalog of catalogs) await store.writeCatalog(catalog);
  const clock = new ManualClock(start);
  const config = testConfig(table, clock, overrides);
  const handler = createLambdaHandler(createServices(config, table.counter), config);
  const raw = <T>(query: string, variables?: Record<string, unknown>) =>
    execute<T>(handler, query, variables);
  return {
    table,
    clock,
    handler,
    raw,
    gql: async <T>(query: string, variables?: Record<string, unknown>) => {
      const result = await raw<T>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    countRequests: async (fn) => {
      table.counter.reset();
      await fn();
      return table.counter.total;
    },
    close: () => table.drop(),
  };
}
