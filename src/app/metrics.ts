/**
 * Loket's CloudWatch metrics, written as Embedded Metric Format log lines by Powertools Metrics: CloudWatch
 * turns them into metrics without a PutMetricData call or an IAM permission.
 *
 * The domain knows nothing of them: the app layer observes what each request's answer says (which root
 * fields of a mutation returned a value, which error codes it carries) in an Apollo plugin, and what the
 * catalog reader did in the request's scope. The names and dimensions are `LOKET_METRICS`; the alarms and
 * the dashboard in infra/ use them.
 *
 * Published only where `POWERTOOLS_METRICS_NAMESPACE` is set (CDK sets it on the function): the local
 * server and the tests write no metric lines. The buffer is the instance's, which holds one request at a
 * time on Lambda.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestScope } from './request-scope.js';

/** The metric names, and the dimension of the two counted by error code. */
export const LOKET_METRICS = {
  /** GraphQL requests answered. */
  requests: 'Requests',
  /** takeTicket fields that returned a ticket. */
  ticketsIssued: 'TicketsIssued',
  /** callNextTicket and callTicket fields that called a ticket to a counter. */
  ticketsCalled: 'TicketsCalled',
  /** Ticket moves refused, by `code` (INVALID_TRANSITION, CONFLICT, FORBIDDEN, ...). */
  movesRefused: 'MovesRefused',
  /** Answers whose write lost to a concurrent one after the use case's retries (code CONFLICT). */
  transactionConflicts: 'TransactionConflicts',
  /** Calls refused by Loket's per-caller limits (code RATE_LIMITED). */
  rateLimited: 'RateLimited',
  /** Errors sent, by `code`. */
  errors: 'Errors',
  /** Catalog lookups answered from the instance's copy. */
  catalogCacheHits: 'CatalogCacheHits',
  /** Catalog lookups that read DynamoDB. */
  catalogCacheMisses: 'CatalogCacheMisses',
  /** The dimension of `errors` and `movesRefused`. */
  codeDimension: 'code',
} as const;

/** The namespace CDK gives the function in `POWERTOOLS_METRICS_NAMESPACE`. */
export const METRICS_NAMESPACE = 'Loket';

/** The mutations that move an existing ticket. */
const TICKET_MOVES: ReadonlySet<string> = new Set([
  'cancelTicket',
  'callNextTicket',
  'callTicket',
  'recallTicket',
  'startServing',
  'finishTicket',
  'markNoShow',
  'reactivateTicket',
  'transferTicket',
]);

const enabled = process.env.POWERTOOLS_METRICS_NAMESPACE !== undefined;

// The namespace comes from POWERTOOLS_METRICS_NAMESPACE.
const metrics = new Metrics({ serviceName: 'loket' });

/** Whether the buffer holds a metric of the current request (Powertools warns when asked to publish none). */
let buffered = false;

function count(name: string, value = 1): void {
  if (value <= 0) return;
  metrics.addMetric(name, MetricUnit.Count, value);
  buffered = true;
}

/** Counts `value` of `name` with the dimension `code`, as a line of its own (its dimensions differ). */
function countByCode(name: string, code: string, value: number): void {
  if (!enabled || value <= 0) return;
  metrics
    .singleMetric()
    .addDimension(LOKET_METRICS.codeDimension, code)
    .addMetric(name, MetricUnit.Count, value);
}

/** How often each item of `items` occurs. */
function tally(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** The root fields of an operation, by response key (alias or name), inline fragments included. */
function rootFields(operation: OperationDefinitionNode): { name: string; key: string }[] {
  const fields: { name: string; key: string }[] = [];
  const walk = (selections: OperationDefinitionNode['selectionSet']['selections']): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        fields.push({ name: selection.name.value, key: selection.alias?.value ?? selection.name.value });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet.selections);
      }
    }
  };
  walk(operation.selectionSet.selections);
  return fields;
}

interface SentError {
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: unknown };
}

/** Records one answer: the request, its errors by code, and what its mutation fields did. */
export function recordAnswer(
  operation: OperationDefinitionNode | undefined,
  data: unknown,
  errors: readonly SentError[],
): void {
  if (!enabled) return;
  count(LOKET_METRICS.requests);
  const codes = errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  for (const [code, n] of tally(codes)) countByCode(LOKET_METRICS.errors, code, n);
  count(LOKET_METRICS.rateLimited, codes.filter((code) => code === 'RATE_LIMITED').length);
  count(LOKET_METRICS.transactionConflicts, codes.filter((code) => code === 'CONFLICT').length);
  if (operation?.operation !== 'mutation') return;

  const values = (data ?? {}) as Record<string, unknown>;
  const refused: string[] = [];
  for (const { name, key } of rootFields(operation)) {
    const answered = values[key] !== undefined && values[key] !== null;
    if (name === 'takeTicket' && answered) count(LOKET_METRICS.ticketsIssued);
    if ((name === 'callNextTicket' || name === 'callTicket') && answered) count(LOKET_METRICS.ticketsCalled);
    if (TICKET_MOVES.has(name)) {
      for (const error of errors) {
        if (error.path?.[0] === key) refused.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
      }
    }
  }
  for (const [code, n] of tally(refused)) countByCode(LOKET_METRICS.movesRefused, code, n);
}

/** Records an answer the handler gave before Apollo saw the request (a body too large, a refused origin). */
export function recordRefusal(code: string): void {
  recordAnswer(undefined, null, [{ extensions: { code } }]);
}

/** The Apollo plugin that records each answer as sent, after `formatError` gave every error its code. */
export function metricsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          recordAnswer(operation, data, errors ?? []);
        },
      };
    },
  };
}

/** Adds the request's catalog counts and writes the buffered metrics as one log line. This function should not throw. */
export function publishRequestMetrics(scope: RequestScope): void {
  if (!enabled) return;
  try {
    count(LOKET_METRICS.catalogCacheHits, scope.catalogLookups - scope.catalogLoads);
    count(LOKET_METRICS.catalogCacheMisses, scope.catalogLoads);
    if (buffered) metrics.publishStoredMetrics();
    buffered = false;
  } catch {
    // A metric is never worth an answer.
  }
}
