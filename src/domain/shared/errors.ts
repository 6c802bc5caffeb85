/**
 * The closed list of error codes (docs/domain-rules.md, 'Errors') and the domain errors that
 * carry them. The GraphQL boundary (`src/app/errors.ts`) turns a DomainError
 * into `extensions.code`; anything else is masked as INTERNAL_SERVER_ERROR.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_TRANSITION',
  'CONFLICT',
  'AGENCY_CLOSED',
  'QUOTA_EXHAUSTED',
  'BOOKING_LIMIT',
  'BOOKING_BLOCKED',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'INTERNAL_SERVER_ERROR',
  // A malformed request, as Apollo Server names it; never thrown by the domain.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes a domain error may carry: the list less the malformed-request codes Apollo owns. */
export type DomainErrorCode = Exclude<
  ErrorCode,
  'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_REQUEST'
>;

/** Base of every error the domain means to show; `message` is a short sentence a front end can show. */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An argument breaks a rule (length, format, range). */
export class BadInputError extends DomainError {
  override readonly name = 'BadInputError';
  readonly code = 'BAD_USER_INPUT';
  /** @param field the argument at fault, e.g. `to` or `input.phone`. */
  constructor(
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** No such mall, agency, service, counter, ticket or complaint. */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
}

/** A token is required, or the one given is not valid. */
export class UnauthenticatedError extends DomainError {
  override readonly name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
}

/** The token does not reach that mall, agency or operation. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}

/** The ticket or complaint is not in a state that allows the move. */
export class InvalidTransitionError extends DomainError {
  override readonly name = 'InvalidTransitionError';
  readonly code = 'INVALID_TRANSITION';
}

/** Someone else changed it first; safe to retry. */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
}

/** No tickets outside opening hours or after the cut-off. */
export class AgencyClosedError extends DomainError {
  override readonly name = 'AgencyClosedError';
  readonly code = 'AGENCY_CLOSED';
}

/** The service's daily quota, or a booking slot, is used up. */
export class QuotaExhaustedError extends DomainError {
  override readonly name = 'QuotaExhaustedError';
  readonly code = 'QUOTA_EXHAUSTED';
}

/** The NIK already holds a booking for that service and day, or as many future bookings as allowed. */
export class BookingLimitError extends DomainError {
  override readonly name = 'BookingLimitError';
  readonly code = 'BOOKING_LIMIT';
}

/** The NIK may not book until `until` (a mall-local date) after repeated no-shows. */
export class BookingBlockedError extends DomainError {
  override readonly name = 'BookingBlockedError';
  readonly code = 'BOOKING_BLOCKED';
  constructor(
    message: string,
    readonly until: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Too many requests from this caller. */
export class RateLimitedError extends DomainError {
  override readonly name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
}

/** Thrown by an exhaustive switch on a value that the types say cannot exist. */
export class UnreachableCaseError extends Error {
  override readonly name = 'UnreachableCaseError';
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
