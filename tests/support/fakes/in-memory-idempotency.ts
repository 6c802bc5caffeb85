import type {
  IdempotencyClaim,
  IdempotencyRepository,
  IdempotencyScope,
} from '../../../src/domain/shared/idempotency.js';
import { FakeConditionFailed, roundTrip } from './conditions.js';

/** How long a key is remembered, as the DynamoDB store's TTL. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/** One stored key, as the DynamoDB item holds it. */
export interface StoredKey {
  fingerprint: string;
  claimedAt: string;
  /** Epoch seconds after which the key counts as gone (TTL). */
  expiresAt: number;
  resultId?: string;
}

/**
 * Idempotency keys in memory, with the DynamoDB store's conditions
 * (src/dynamo/shared/idempotency-store.ts): a claim succeeds on a free key, an
 * expired one, or one claimed longer than `staleAfterMs` ago that never got its
 * result, and replaces the whole item; otherwise it returns the earlier claim.
 * Release deletes only a key without a result. The ticket and complaint fakes
 * complete a key in the same write as their result (`completable`, `complete`).
 */
export class InMemoryIdempotencyRepository implements IdempotencyRepository {
  readonly keys = new Map<string, StoredKey>();
  readonly calls = { claim: 0, release: 0 };

  private id(scope: IdempotencyScope, key: string): string {
    return `${scope}#${key}`;
  }

  async claim(
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
    now: Date,
    staleAfterMs: number,
  ): Promise<IdempotencyClaim> {
    this.calls.claim++;
    await roundTrip();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const old = this.keys.get(this.id(scope, key));
    const stale = new Date(now.getTime() - staleAfterMs).toISOString();
    if (!old || old.expiresAt < nowSeconds || (old.resultId === undefined && old.claimedAt < stale)) {
      this.keys.set(this.id(scope, key), {
        fingerprint,
        claimedAt: now.toISOString(),
        expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS,
      });
      return { claimed: true };
    }
    return {
      claimed: false,
      resultId: old.resultId ?? null,
      fingerprint: old.fingerprint,
      claimedAt: old.claimedAt,
    };
  }

  async release(scope: IdempotencyScope, key: string): Promise<void> {
    this.calls.release++;
    await roundTrip();
    const old = this.keys.get(this.id(scope, key));
    if (old && old.resultId === undefined) this.keys.delete(this.id(scope, key));
  }

  /** Whether completing the key would pass: it was claimed and has no result yet. */
  completable(scope: IdempotencyScope, key: string): boolean {
    const old = this.keys.get(this.id(scope, key));
    return old !== undefined && old.resultId === undefined;
  }

  /** Points the key at its result; call only after `completable` said yes, in the same write. */
  complete(scope: IdempotencyScope, key: string, resultId: string): void {
    const old = this.keys.get(this.id(scope, key));
    if (!old || old.resultId !== undefined) throw new FakeConditionFailed(`key ${key} is not claimed`);
    old.resultId = resultId;
  }

  /** The stored key, for assertions. */
  get(scope: IdempotencyScope, key: string): StoredKey | undefined {
    const stored = this.keys.get(this.id(scope, key));
    return stored && { ...stored };
  }
}
