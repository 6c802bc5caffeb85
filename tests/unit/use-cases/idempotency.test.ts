/**
 * claimOrAwait on the idempotency fake and a sleeper that records its pauses:
 * a first claim, a replay, a key used for something else, a request still in
 * flight (waited for, then CONFLICT), a stale claim taken over, an expired key,
 * and the release that lets a retry try again.
 */
import { describe, expect, it } from 'vitest';
import { BadInputError, ConflictError } from '../../../src/domain/shared/errors.js';
import {
  assertIdempotencyKey,
  claimOrAwait,
  STALE_CLAIM_MS,
} from '../../../src/domain/shared/idempotency.js';
import {
  IDEMPOTENCY_TTL_SECONDS,
  InMemoryIdempotencyRepository,
  RecordingSleeper,
} from '../../support/fakes/index.js';

const T0 = new Date('2026-12-01T02:00:00Z');
const KEY = 'retry-key-000001';
const FIELD = 'input.idempotencyKey';

function setup() {
  const repo = new InMemoryIdempotencyRepository();
  const sleeper = new RecordingSleeper();
  const results = new Map<string, string>();
  const loads: string[] = [];
  const load = async (id: string) => {
    loads.push(id);
    return results.get(id) ?? null;
  };
  const claim = (now = T0, fingerprint = 'svc-1', key = KEY) =>
    claimOrAwait(sleeper, repo, 'takeTicket', key, fingerprint, now, load, FIELD);
  /** What the store's createTicket does in its transaction: the result, and the key pointing at it. */
  const complete = (id: string, value = `result ${id}`) => {
    results.set(id, value);
    repo.complete('takeTicket', KEY, id);
  };
  return { repo, sleeper, claim, complete, loads, results };
}

describe('claimOrAwait', () => {
  it('claims a free key: go ahead and make the result', async () => {
    const { repo, sleeper, claim } = setup();
    expect(await claim()).toBeNull();
    expect(repo.get('takeTicket', KEY)).toEqual({
      fingerprint: 'svc-1',
      claimedAt: T0.toISOString(),
      expiresAt: T0.getTime() / 1000 + IDEMPOTENCY_TTL_SECONDS,
    });
    expect(sleeper.pauses).toEqual([]);
  });

  it('replays the result of a completed key at once', async () => {
    const { sleeper, claim, complete, loads } = setup();
    await claim();
    complete('t1');
    expect(await claim(new Date(T0.getTime() + 3600_000))).toBe('result t1');
    expect(loads).toEqual(['t1']);
    expect(sleeper.pauses).toEqual([]);
  });

  it('refuses the key for another request as a conflict, telling nothing of the first', async () => {
    const { claim, complete, loads } = setup();
    await claim();
    complete('t1');
    await expect(claim(T0, 'svc-2')).rejects.toThrow(
      new ConflictError('This idempotency key was already used for another request.'),
    );
    expect(loads).toEqual([]);
  });

  it('keeps scopes apart: the same key in another scope is another key', async () => {
    const { repo, sleeper } = setup();
    const load = async () => null;
    await claimOrAwait(sleeper, repo, 'takeTicket', KEY, 'a', T0, load, FIELD);
    expect(await claimOrAwait(sleeper, repo, 'submitComplaint', KEY, 'b', T0, load, FIELD)).toBeNull();
  });

  it('waits for a request still in flight, then returns its result', async () => {
    const { sleeper, claim, complete } = setup();
    await claim();
    sleeper.onSleep = (_ms, count) => {
      if (count === 3) complete('t1'); // the first request finishes during the third pause
    };
    expect(await claim()).toBe('result t1');
    expect(sleeper.pauses).toEqual([25, 50, 100]);
  });

  it('gives up with CONFLICT after about 5 s of pauses while the first request is still running', async () => {
    const { sleeper, claim, loads } = setup();
    await claim();
    await expect(claim()).rejects.toThrow(
      new ConflictError('The same request is still being processed. Try again.'),
    );
    expect(sleeper.pauses.slice(0, 5)).toEqual([25, 50, 100, 200, 200]);
    expect(sleeper.pauses.every((ms) => ms <= 200)).toBe(true);
    expect(sleeper.totalMs).toBeGreaterThan(5000);
    expect(sleeper.totalMs).toBeLessThanOrEqual(5200);
    expect(loads).toEqual([]);
  });

  it('keeps waiting when the key points at a result that cannot be read yet', async () => {
    const { repo, sleeper, claim, results } = setup();
    await claim();
    repo.complete('takeTicket', KEY, 't1'); // the key is completed, the result not readable yet
    sleeper.onSleep = (_ms, count) => {
      if (count === 2) results.set('t1', 'result t1');
    };
    expect(await claim()).toBe('result t1');
    expect(sleeper.pauses).toEqual([25, 50]);
  });

  it('takes over a claim whose request never finished, once it is older than STALE_CLAIM_MS (30 s)', async () => {
    const { repo, sleeper, claim } = setup();
    await claim();
    sleeper.onSleep = () => {
      throw new Error('must not wait');
    };
    expect(STALE_CLAIM_MS).toBe(30_000);
    await expect(claim(new Date(T0.getTime() + STALE_CLAIM_MS))).rejects.toThrow('must not wait'); // not yet stale
    sleeper.onSleep = null;
    const later = new Date(T0.getTime() + STALE_CLAIM_MS + 1);
    expect(await claim(later)).toBeNull();
    expect(repo.get('takeTicket', KEY)?.claimedAt).toBe(later.toISOString());
  });

  it('never takes over a completed key before it expires, and forgets it after 24 hours', async () => {
    const { claim, complete } = setup();
    await claim();
    complete('t1');
    const lastSecond = new Date(T0.getTime() + IDEMPOTENCY_TTL_SECONDS * 1000);
    expect(await claim(lastSecond)).toBe('result t1');
    const expired = new Date(lastSecond.getTime() + 1000);
    expect(await claim(expired, 'something else')).toBeNull();
  });

  it('lets a retry claim afresh once a failed request released its key, but never releases a result', async () => {
    const { repo, claim, complete } = setup();
    await claim();
    await repo.release('takeTicket', KEY);
    expect(repo.get('takeTicket', KEY)).toBeUndefined();
    expect(await claim(T0, 'svc-2')).toBeNull();
    complete('t2');
    await repo.release('takeTicket', KEY);
    expect(repo.get('takeTicket', KEY)?.resultId).toBe('t2');
  });

  it('completes a key only once, and only a claimed one', () => {
    const { repo } = setup();
    expect(repo.completable('takeTicket', KEY)).toBe(false);
    expect(() => repo.complete('takeTicket', KEY, 't1')).toThrow(/conditional request failed/);
  });
});

describe('assertIdempotencyKey', () => {
  it('accepts 8 to 128 visible ASCII characters and refuses anything else, naming the field', () => {
    for (const ok of ['12345678', 'x'.repeat(128), 'web-form:7c1d/4e2b?retry=1']) {
      expect(() => assertIdempotencyKey(ok, FIELD), ok).not.toThrow();
    }
    for (const bad of ['', '1234567', 'x'.repeat(129), 'with space', 'tab\there', 'kunci-ñ-000000']) {
      expect(() => assertIdempotencyKey(bad, FIELD), bad).toThrow(
        new BadInputError('The idempotency key must be 8 to 128 visible ASCII characters.', FIELD),
      );
    }
  });
});
