/**
 * The GraphQL boundary of errors: a DomainError keeps its code and message;
 * Apollo's own request errors keep theirs; everything else is masked as
 * INTERNAL_SERVER_ERROR with a correlation id that the log carries too: API
 * Gateway's request id, which every log line of the request and the access
 * log carry as well.
 */
import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { BadInputError, BookingBlockedError, DomainError, type ErrorCode } from '../domain/shared/errors.js';
import { isTooComplex, TOO_COMPLEX_MESSAGE } from './limits.js';
import { logger } from './logger.js';
import { currentRequest } from './request-scope.js';

/**
 * Codes Apollo Server emits for a malformed request, whose messages are safe
 * to show, and the code of the closed list each leaves the API with.
 */
const APOLLO_REQUEST_CODES: Readonly<Record<string, ErrorCode>> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_REQUEST',
};

/** graphql-js says this, without a code, for a subscription: the client asked for what Loket does not offer. */
const NO_SUBSCRIPTIONS = /not configured to execute subscription/i;

/** Field and enum suggestions name parts of the schema; production does not show them. */
const SUGGESTION = /\s*Did you mean[^?]*\?/g;

interface Coded {
  extensions?: { code?: unknown };
  originalError?: unknown;
  cause?: unknown;
}

/** An error and the ones behind it (`originalError`, `cause`), outermost first, at most 5 deep. */
function* causesOf(error: unknown): Generator<Coded> {
  for (let e = error as Coded | undefined, depth = 0; e && depth < 5; depth++) {
    yield e;
    e = (e.originalError ?? e.cause) as Coded | undefined;
  }
}

/** The DomainError behind an error, however deep Apollo or graphql-js wrapped it. */
function domainErrorIn(error: unknown): DomainError | null {
  for (const e of causesOf(error)) if (e instanceof DomainError) return e;
  return null;
}

/** Whether anything in the chain says bad user input (a scalar's refusal inside a validation error). */
function isBadInput(error: unknown): boolean {
  for (const e of causesOf(error)) if (e.extensions?.code === 'BAD_USER_INPUT') return true;
  return false;
}

/** The shape every error leaves the API in. */
function formatted(base: GraphQLFormattedError, code: ErrorCode, message: string, extra = {}) {
  return {
    message,
    ...(base.locations ? { locations: base.locations } : {}),
    ...(base.path ? { path: base.path } : {}),
    extensions: { code, ...extra },
  };
}

/** Apollo's `formatError` for the mode. */
export function createFormatError(options: {
  production: boolean;
}): (formattedError: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formattedError, error) => {
    const result = formatError(formattedError, error);
    return options.production ? { ...result, message: result.message.replace(SUGGESTION, '') } : result;
  };
}

/** Formats an error for a client. This function should not throw. */
export function formatError(formattedError: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const domain = domainErrorIn(original);
  if (domain) {
    // The argument at fault, so a form can point at it (e.g. `input.reporter.nik`).
    const field = domain instanceof BadInputError && domain.field ? { field: domain.field } : {};
    // The date a booking block ends, so the citizen app can say when to try again.
    const until = domain instanceof BookingBlockedError ? { until: domain.until } : {};
    return formatted(formattedError, domain.code, domain.message, { ...field, ...until });
  }
  if (isTooComplex(formattedError.message)) {
    return { message: TOO_COMPLEX_MESSAGE, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }

  const code = formattedError.extensions?.code;
  const known = typeof code === 'string' ? APOLLO_REQUEST_CODES[code] : undefined;
  if (known) {
    // A malformed Date, LocalTime or DateTime literal fails validation; the
    // contract calls that bad user input, whichever way it was sent.
    const finalCode = isBadInput(error) ? 'BAD_USER_INPUT' : known;
    return formatted(formattedError, finalCode, formattedError.message);
  }
  if (NO_SUBSCRIPTIONS.test(formattedError.message)) {
    return formatted(
      formattedError,
      'BAD_REQUEST',
      'Subscriptions are not offered; use queries and mutations.',
    );
  }

  // Outside a request (a test calling the server directly) a fresh id still ties answer and log line.
  const correlationId = currentRequest()?.requestId ?? randomUUID();
  logger.error('Unexpected error', {
    correlationId,
    error:
      original instanceof Error
        ? { name: original.name, message: original.message, stack: original.stack }
        : String(original),
    path: formattedError.path,
  });
  return formatted(
    formattedError,
    'INTERNAL_SERVER_ERROR',
    'Something went wrong on our side. Please try again.',
    {
      correlationId,
    },
  );
}
