/**
 * Idempotent creation: a client-chosen key makes retries and double taps
 * return the first result instead of creating another. Shared by takeTicket
 * and submitComplaint.
 */
import type { Sleeper } from '../time/clock.js';
import { BadInputError, ConflictError } from './errors.js';

/** Operations that accept an idempotency key; keys of different scopes never collide. */
export type IdempotencyScope = 'takeTicket' | 'submitComplaint' | 'bookAppointment';

/** A claim of an idempotency key: either ours, or someone else's earlier one. */
export type IdempotencyClaim =
  | { claimed: true }
  | { claimed: false; resultId: string | null; fingerprint: string; claimedAt: string };

/** Where keys are claimed (the DynamoDB adapter implements it, with a 24 h TTL). */
export interface IdempotencyRepository {
  /**
   * Claims `key`; a claim older than `staleAfterMs` that never got its result
   * (its request crashed) may be taken over.
   */
  claim(
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
    now: Date,
    staleAfterMs: number,
  ): Promise<IdempotencyClaim>;
  /** Frees a claim whose result could not be made, so a retry can try again. */
  release(scope: IdempotencyScope, key: string): Promise<void>;
}

const KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;
/**
 * A claim whose result never came may be taken over after this long: three times the Lambda function's
 * 10 s timeout, so a claim is taken over only when the request that made it can no longer be running
 * (the infra tests hold the function's timeout to at most half of it).
 */
export const STALE_CLAIM_MS = 30_000;
/** How long a retry waits for the concurrent request that holds the key. */
const CLAIM_WAIT_MS = 5_000;

/**
 * Checks a key's shape.
 * @throws BadInputError unless it is 8 to 128 visible ASCII characters.
 */
export function assertIdempotencyKey(key: string, field: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new BadInputError('The idempotency key must be 8 to 128 visible ASCII characters.', field);
  }
}

/**
 * Claims `key` for a new result (returns null: go ahead and make it), or
 * returns the result an earlier request with the same key made, waiting
 * briefly for one still in flight.
 *
 * @param sleeper paces the retries; the wait ends after about `CLAIM_WAIT_MS` of pauses.
 * @param fingerprint a keyed hash of who used the key and of the whole input; the same key with
 *   another fingerprint is refused.
 * @param _field the argument that carried the key; no longer named, since a refusal says nothing of it.
 * @throws ConflictError when the key was used by another caller or for another input, or when the
 *   earlier request is still running after a few seconds.
 */
export async function claimOrAwait<T>(
  sleeper: Sleeper,
  repo: IdempotencyRepository,
  scope: IdempotencyScope,
  key: string,
  fingerprint: string,
  now: Date,
  load: (resultId: string) => Promise<T | null>,
  _field: string,
): Promise<T | null> {
  let waitedMs = 0;
  for (let attempt = 0; ; attempt++) {
    const claim = await repo.claim(scope, key, fingerprint, now, STALE_CLAIM_MS);
    if (claim.claimed) return null;
    if (claim.fingerprint !== fingerprint) {
      // Another caller, or other content: refused without a word about the first request, so a key
      // someone overheard or guessed returns nothing of theirs.
      throw new ConflictError('This idempotency key was already used for another request.');
    }
    if (claim.resultId) {
      const result = await load(claim.resultId);
      if (result) return result;
    }
    if (waitedMs > CLAIM_WAIT_MS)
      throw new ConflictError('The same request is still being processed. Try again.');
    const pause = Math.min(25 * 2 ** attempt, 200);
    await sleeper.sleep(pause);
    waitedMs += pause;
  }
}
