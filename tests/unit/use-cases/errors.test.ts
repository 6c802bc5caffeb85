/**
 * formatError and createFormatError, the GraphQL boundary of errors: domain
 * errors keep their code and message (and field or until), Apollo's request
 * codes are mapped onto the closed list, and anything else is masked with a
 * correlation id the log carries too.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createFormatError, formatError } from '../../../src/app/errors.js';
import { TOO_COMPLEX_MESSAGE } from '../../../src/app/limits.js';
import {
  AgencyClosedError,
  BadInputError,
  BookingBlockedError,
  BookingLimitError,
  ConflictError,
  type DomainError,
  ERROR_CODES,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  QuotaExhaustedError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { captureLog } from '../../support/capture-log.js';

const PATH = ['takeTicket'];
const LOCATIONS = [{ line: 1, column: 12 }];

/** What Apollo hands formatError for an error thrown in a resolver: its formatted form, and the GraphQLError. */
function thrownInResolver(error: unknown): [GraphQLFormattedError, GraphQLError] {
  const message = error instanceof Error ? error.message : String(error);
  const wrapped = new GraphQLError(message, {
    path: PATH,
    originalError: error instanceof Error ? error : undefined,
  });
  return [
    { message, path: PATH, locations: LOCATIONS, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    wrapped,
  ];
}

/** What Apollo hands formatError for a request it refused itself. */
function apolloRefusal(code: string, message: string, original?: unknown): [GraphQLFormattedError, unknown] {
  return [{ message, locations: LOCATIONS, extensions: { code } }, original ?? new GraphQLError(message)];
}

describe('formatError', () => {
  it('keeps every domain error’s code and message, with the path and locations', () => {
    const errors: [DomainError, string][] = [
      [new BadInputError('Bad.'), 'BAD_USER_INPUT'],
      [new NotFoundError('No such ticket.'), 'NOT_FOUND'],
      [new UnauthenticatedError('Sign in.'), 'UNAUTHENTICATED'],
      [new ForbiddenError('Not yours.'), 'FORBIDDEN'],
      [new InvalidTransitionError('Ticket A-001 is DONE.'), 'INVALID_TRANSITION'],
      [new ConflictError('Try again.'), 'CONFLICT'],
      [new AgencyClosedError('Closed now.'), 'AGENCY_CLOSED'],
      [new QuotaExhaustedError('Used up.'), 'QUOTA_EXHAUSTED'],
      [new BookingLimitError('One a day.'), 'BOOKING_LIMIT'],
      [new RateLimitedError('Slow down.'), 'RATE_LIMITED'],
    ];
    for (const [error, code] of errors) {
      expect(formatError(...thrownInResolver(error)), code).toEqual({
        message: error.message,
        locations: LOCATIONS,
        path: PATH,
        extensions: { code },
      });
    }
  });

  it('names the field of bad input, and the end of a booking block', () => {
    expect(
      formatError(...thrownInResolver(new BadInputError('The NIK must be 16 digits.', 'input.reporter.nik'))),
    ).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.reporter.nik' } });
    expect(formatError(...thrownInResolver(new BadInputError('Bad.'))).extensions).toEqual({
      code: 'BAD_USER_INPUT',
    });
    expect(
      formatError(...thrownInResolver(new BookingBlockedError('Blocked after no-shows.', '2026-12-31')))
        .extensions,
    ).toEqual({ code: 'BOOKING_BLOCKED', until: '2026-12-31' });
  });

  it('finds a domain error behind causes, a few levels deep', () => {
    const deep = new Error('outer', {
      cause: new Error('middle', { cause: new ConflictError('Try again.') }),
    });
    expect(formatError(...thrownInResolver(deep))).toMatchObject({
      message: 'Try again.',
      extensions: { code: 'CONFLICT' },
    });
    const formatted: GraphQLFormattedError = { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(formatError(formatted, new NotFoundError('No such mall.'))).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('masks anything else as INTERNAL_SERVER_ERROR with a correlation id, logging the original', async () => {
    let result: GraphQLFormattedError | undefined;
    const log = await captureLog(async () => {
      result = formatError(...thrownInResolver(new Error('connect ECONNREFUSED 10.0.0.7:8000 secret-table')));
    });
    expect(result).toEqual({
      message: 'Something went wrong on our side. Please try again.',
      locations: LOCATIONS,
      path: PATH,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(JSON.stringify(result)).not.toContain('secret-table');
    const correlationId = String(result?.extensions?.correlationId);
    expect(log).toContain(correlationId);
    expect(log).toContain('secret-table');
    const other = await captureLogged(() => formatError(...thrownInResolver('a thrown string')));
    expect(other.extensions?.correlationId).not.toBe(correlationId);
    // Too deep a chain is not searched: masked as well.
    let chain: Error = new NotFoundError('No such ticket.');
    for (let i = 0; i < 6; i++) chain = new Error(`wrap ${i}`, { cause: chain });
    expect((await captureLogged(() => formatError(...thrownInResolver(chain)))).extensions?.code).toBe(
      'INTERNAL_SERVER_ERROR',
    );
  });

  it('maps Apollo’s request codes onto the closed list, keeping their messages', async () => {
    const cases: [string, string][] = [
      ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_PARSE_FAILED'],
      ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED'],
      ['BAD_REQUEST', 'BAD_REQUEST'],
      ['BAD_USER_INPUT', 'BAD_USER_INPUT'],
      ['OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST'],
      ['PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST'],
      ['PERSISTED_QUERY_NOT_SUPPORTED', 'BAD_REQUEST'],
    ];
    for (const [apollo, code] of cases) {
      expect(formatError(...apolloRefusal(apollo, `Refused: ${apollo}`)), apollo).toEqual({
        message: `Refused: ${apollo}`,
        locations: LOCATIONS,
        extensions: { code },
      });
    }
    // Anything else Apollo or graphql-js says with a code of its own is masked.
    const unknown = await captureLogged(() =>
      formatError(...apolloRefusal('SOMETHING_NEW', 'Internal detail')),
    );
    expect([unknown.message, unknown.extensions?.code]).toEqual([
      'Something went wrong on our side. Please try again.',
      'INTERNAL_SERVER_ERROR',
    ]);
  });

  it('calls a malformed scalar literal bad user input, whichever way it came', () => {
    const scalar = new GraphQLError('Date cannot represent "2026-13-01"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const validation = new GraphQLError('Expected value of type "Date!", found "2026-13-01".', {
      originalError: scalar,
    });
    const [formatted] = apolloRefusal('GRAPHQL_VALIDATION_FAILED', validation.message);
    expect(formatError(formatted, validation).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('says QUERY_TOO_COMPLEX for a limit’s refusal, and BAD_REQUEST for a subscription', () => {
    for (const message of [
      TOO_COMPLEX_MESSAGE,
      'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
    ]) {
      expect(formatError(...apolloRefusal('GRAPHQL_VALIDATION_FAILED', message)), message).toEqual({
        message: TOO_COMPLEX_MESSAGE,
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      });
    }
    const subscription: GraphQLFormattedError = {
      message: 'Schema is not configured to execute subscription operation.',
    };
    expect(formatError(subscription, new GraphQLError(subscription.message))).toEqual({
      message: 'Subscriptions are not offered; use queries and mutations.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('sends only codes of the closed list', async () => {
    const inputs: [GraphQLFormattedError, unknown][] = [
      thrownInResolver(new QuotaExhaustedError('x')),
      thrownInResolver(new TypeError('x is undefined')),
      apolloRefusal('PERSISTED_QUERY_NOT_FOUND', 'x'),
      apolloRefusal('GRAPHQL_VALIDATION_FAILED', TOO_COMPLEX_MESSAGE),
      apolloRefusal('UNKNOWN_APOLLO_CODE', 'x'),
    ];
    for (const [formatted, error] of inputs) {
      const result = await captureLogged(() => formatError(formatted, error));
      expect(ERROR_CODES).toContain(result.extensions?.code);
    }
  });
});

describe('createFormatError', () => {
  const validation = (): [GraphQLFormattedError, unknown] =>
    apolloRefusal(
      'GRAPHQL_VALIDATION_FAILED',
      'Cannot query field "numbr" on type "Ticket". Did you mean "number"?',
    );

  it('drops schema suggestions in production, keeps them in development', () => {
    expect(createFormatError({ production: true })(...validation()).message).toBe(
      'Cannot query field "numbr" on type "Ticket".',
    );
    expect(createFormatError({ production: false })(...validation()).message).toBe(validation()[0].message);
    expect(
      createFormatError({ production: true })(...thrownInResolver(new NotFoundError('No such ticket.'))),
    ).toMatchObject({ message: 'No such ticket.', extensions: { code: 'NOT_FOUND' } });
  });
});

/** formatError's result with the masked error's log line swallowed. */
async function captureLogged(format: () => GraphQLFormattedError): Promise<GraphQLFormattedError> {
  let result: GraphQLFormattedError | undefined;
  await captureLog(async () => {
    result = format();
  });
  if (!result) throw new Error('nothing formatted');
  return result;
}
