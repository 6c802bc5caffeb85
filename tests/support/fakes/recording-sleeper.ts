import type { Sleeper } from '../../../src/domain/time/clock.js';

/**
 * A Sleeper that never waits: it records each pause and resolves at once, so
 * retry loops run through in microseconds and a test can assert on their pacing.
 * `onSleep` runs before the pause resolves (e.g. to let the request waited for finish).
 */
export class RecordingSleeper implements Sleeper {
  readonly pauses: number[] = [];
  onSleep: ((ms: number, count: number) => void | Promise<void>) | null = null;

  async sleep(ms: number): Promise<void> {
    this.pauses.push(ms);
    await this.onSleep?.(ms, this.pauses.length);
  }

  /** The sum of every pause so far, in ms. */
  get totalMs(): number {
    return this.pauses.reduce((sum, ms) => sum + ms, 0);
  }
}
