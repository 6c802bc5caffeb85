/**
 * What every phase of the benchmark shares: tables on the DynamoDB Local the bench started, the real
 * Lambda handler over them (as the integration tests build it), tokens, and the seed catalogs.
 */
import type { TokenIdentity } from '../src/app/auth/claims.js';
import type { AppConfig } from '../src/app/config.js';
import type { LoketHandler } from '../src/app/handler.js';
import { readCatalogs } from '../src/catalog-data/data-files.js';
import type { MallCatalog } from '../src/domain/catalog/catalog.js';
import type { ManualClock } from '../src/domain/time/clock.js';
import { localLambdaContext } from '../src/local/local-event.js';
import { type GraphQLResponse, httpEvent } from '../tests/support/graphql.js';
import { createHarness } from '../tests/support/harness.js';
import type { TestTable } from '../tests/support/local-table.js';

/** Tuesday 2026-12-01 09:00 WIB: the seed mall (Lampung Tengah) is open, the opening rush is on. */
export const OPENING = new Date('2026-12-01T09:00:00+07:00');
export const OPENING_RFC3339 = '2026-12-01T09:00:00+07:00';
export const SEED_MALL = 'lampung-tengah';

let seed: Promise<MallCatalog[]> | undefined;

/** The catalogs of the data files (`data/`), read once. */
export function seedCatalogs(): Promise<MallCatalog[]> {
  seed ??= readCatalogs('data');
  return seed;
}

export async function seedMall(): Promise<MallCatalog> {
  const mall = (await seedCatalogs()).find((c) => c.mall.id === SEED_MALL);
  if (!mall) throw new Error(`The data files have no mall ${SEED_MALL}`);
  return mall;
}

/** One GraphQL call's answer with its size in bytes and the time it took. */
export interface Answer<T> extends GraphQLResponse<T> {
  bytes: number;
  ms: number;
}

/** A handler over one table, with its request counter, clock and token issuer. */
export interface Api {
  table: TestTable;
  clock: ManualClock;
  handler: LoketHandler;
  /** One request through the handler; throws when the answer has errors. */
  call<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<Answer<T>>;
  /** A token of this API's local issuer. */
  token(identity: TokenIdentity): Promise<string>;
  /** A fresh handler on the same table and config: a new Lambda instance, with an empty catalog cache. */
  newInstance(overrides?: Partial<AppConfig>): LoketHandler;
  close(): Promise<void>;
}

/** Answers with GraphQL errors are failures of the benchmark, never figures. */
export class GraphQLCallError extends Error {
  override readonly name = 'GraphQLCallError';
}

/**
 * A table on `endpoint` holding `catalogs`, and the real handler over it (PUBLIC callers unless a token is
 * given, per-caller rate limits high enough for load, manual clock at `start`).
 */
export async function createApi(
  endpoint: string,
  catalogs: MallCatalog[],
  options: { start?: Date; overrides?: Partial<AppConfig> } = {},
): Promise<Api> {
  const h = await createHarness(endpoint, catalogs, options.start ?? OPENING, options.overrides);
  return {
    table: h.table,
    clock: h.clock,
    handler: h.handler,
    newInstance: h.newInstance,
    call: <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
      callHandler<T>(h.handler, query, variables, token),
    token: (identity) => h.token(identity),
    close: () => h.close(),
  };
}

const LAMBDA_CONTEXT = localLambdaContext('bench');

/**
 * One request through `handler`, timed from the event handed over to the result returned (the client's
 * JSON parsing of the answer is not counted); throws GraphQLCallError when the answer has errors.
 */
export async function callHandler<T = Record<string, unknown>>(
  handler: LoketHandler,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<Answer<T>> {
  const event = httpEvent({
    body: JSON.stringify({ query, variables }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const start = performance.now();
  const result = await handler(event, LAMBDA_CONTEXT);
  const ms = performance.now() - start;
  const body = result.body ?? '{}';
  const parsed = JSON.parse(body) as GraphQLResponse<T>;
  if (parsed.errors?.length) {
    throw new GraphQLCallError(`GraphQL errors: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  }
  return { ...parsed, status: result.statusCode ?? 200, bytes: Buffer.byteLength(body), ms };
}

/** The data of an answer, which `call` guarantees. */
export function dataOf<T>(answer: Answer<T>): T {
  if (!answer.data) throw new GraphQLCallError('No data in the answer');
  return answer.data;
}
