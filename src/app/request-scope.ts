/**
 * What the app layer knows about the request being served, wherever it is in the call stack: the ids
 * that tie its log lines, its masked errors and API Gateway's access log together, and the counts the
 * metrics report for it. Kept in an AsyncLocalStorage, so that requests served concurrently (the local
 * server; Lambda serves one at a time per instance) never see each other's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** One request being served. */
export interface RequestScope {
  /** API Gateway's request id (`requestContext.requestId`): the access log's, and the correlation id. */
  readonly requestId: string;
  /** Lambda's request id of the invocation (`context.awsRequestId`). */
  readonly lambdaRequestId: string;
  /** Whether this is the first request of the instance. */
  readonly coldStart: boolean;
  /** Catalog lookups of the request (see `ObservedCatalogReader`). */
  catalogLookups: number;
  /** Of those, the ones that read DynamoDB because the instance's copy was missing or too old. */
  catalogLoads: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The request being served, or undefined outside one (INIT, tests that call the server directly). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs `fn` as the request `ids` describes; everything it awaits sees the same scope. */
export function inRequestScope<T>(
  ids: Pick<RequestScope, 'requestId' | 'lambdaRequestId' | 'coldStart'>,
  fn: (scope: RequestScope) => Promise<T>,
): Promise<T> {
  const scope: RequestScope = { ...ids, catalogLookups: 0, catalogLoads: 0 };
  return storage.run(scope, () => fn(scope));
}
