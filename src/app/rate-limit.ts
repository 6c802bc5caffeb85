/**
 * Per-caller limits on the operations that create things (takeTicket,
 * submitComplaint): per IP for PUBLIC callers, per token subject otherwise.
 *
 * Counted in memory, per Lambda instance, in fixed one-minute windows: it
 * costs no DynamoDB request (takeTicket must stay within 3), and API
 * Gateway's stage throttling (CDK) caps the total across instances. A kiosk
 * issuing tickets for a queue of citizens does a few per minute, far under
 * the default.
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

/** Operations limited, and how many calls per caller per minute each allows. */
export type RateLimits = Record<'takeTicket' | 'submitComplaint', number>;

export const DEFAULT_RATE_LIMITS: RateLimits = { takeTicket: 60, submitComplaint: 10 };

/** Reads `LOKET_RATE_LIMIT_TAKE_TICKET` and `LOKET_RATE_LIMIT_SUBMIT_COMPLAINT` (per minute). */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return env[name] && Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    takeTicket: read('LOKET_RATE_LIMIT_TAKE_TICKET', DEFAULT_RATE_LIMITS.takeTicket),
    submitComplaint: read('LOKET_RATE_LIMIT_SUBMIT_COMPLAINT', DEFAULT_RATE_LIMITS.submitComplaint),
  };
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
          for (const name of ['takeTicket', 'submitComplaint'] as const) {
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
