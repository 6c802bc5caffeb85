/**
 * Per-caller limits on the operations that create things or try secrets
 * (takeTicket, submitComplaint, the booking mutations, submitSurvey): per IP
 * for PUBLIC callers, per token subject for kiosks, staff and partners, so the
 * kiosks behind one mall's address each have their own budget.
 *
 * Counted in memory, per Lambda instance, in fixed one-minute windows: it
 * costs no DynamoDB request, and API Gateway's stage throttling (CDK) caps
 * the total across instances.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { RateLimitedError } from '../domain/shared/errors.js';

/** Calls per caller per minute of each limited operation, unless its environment variable says otherwise. */
export const DEFAULT_RATE_LIMITS = {
  takeTicket: 60,
  submitComplaint: 10,
  bookAppointment: 10,
  cancelAppointment: 10,
  checkInAppointment: 60,
  submitSurvey: 30,
} as const satisfies Record<string, number>;

/** The operations limited. */
export type RateLimitedOperation = keyof typeof DEFAULT_RATE_LIMITS;

/** Operations limited, and how many calls per caller per minute each allows. */
export type RateLimits = Record<RateLimitedOperation, number>;

const RATE_LIMITED_OPERATIONS = Object.keys(DEFAULT_RATE_LIMITS) as RateLimitedOperation[];

/** The variable that sets an operation's limit: `bookAppointment` → `LOKET_RATE_LIMIT_BOOK_APPOINTMENT`. */
export function rateLimitVariable(operation: RateLimitedOperation): string {
  return `LOKET_RATE_LIMIT_${operation.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** Reads each operation's limit (calls per minute, a positive whole number) from its variable. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return env[name] && Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return Object.fromEntries(
    RATE_LIMITED_OPERATIONS.map((op) => [op, read(rateLimitVariable(op), DEFAULT_RATE_LIMITS[op])]),
  ) as RateLimits;
}

/** The same limit for every operation; for tests and benchmarks that must not be limited. */
export function uniformRateLimits(perMinute: number): RateLimits {
  return Object.fromEntries(RATE_LIMITED_OPERATIONS.map((op) => [op, perMinute])) as RateLimits;
}

const WINDOW_MS = 60_000;

/** Fixed-window counters per caller and operation. */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limits: RateLimits) {}

  /**
   * Counts `calls` for the caller; false when that would pass the limit (nothing is counted then).
   */
  take(caller: string, operation: keyof RateLimits, calls: number, nowMs: number): boolean {
    if (this.windows.size > 50_000) this.prune(nowMs);
    const key = `${operation}\u0000${caller}`;
    let window = this.windows.get(key);
    if (!window || nowMs - window.start >= WINDOW_MS) {
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count + calls > this.limits[operation]) return false;
    window.count += calls;
    return true;
  }

  private prune(nowMs: number): void {
    for (const [key, window] of this.windows) if (nowMs - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/** How often the operation's root selects `name`, through inline fragments and fragment spreads too. */
function countFields(operation: OperationDefinitionNode, document: DocumentNode, name: string): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let count = 0;
  const walk = (set: SelectionSetNode, open: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) count++;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, open);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !open.has(fragment.name.value))
          walk(fragment.selectionSet, new Set([...open, fragment.name.value]));
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return count;
}

/** The Apollo plugin that applies the limiter before any resolver runs. */
export function rateLimitPlugin<T extends { callerKey: string; now: Date }>(
  limiter: RateLimiter,
): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          for (const name of RATE_LIMITED_OPERATIONS) {
            const calls = countFields(operation, document, name);
            if (calls > 0 && !limiter.take(contextValue.callerKey, name, calls, contextValue.now.getTime())) {
              const refusal = new RateLimitedError('Too many requests. Please wait a minute and try again.');
              throw new GraphQLError(refusal.message, {
                originalError: refusal,
                extensions: { http: { status: 429 } },
              });
            }
          }
        },
      };
    },
  };
}
