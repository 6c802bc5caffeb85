import type { IdSource } from '../../../src/domain/queue/queue-service.js';

/** Predictable ticket ids, `t` and a zero-padded count (`t000001`), in the order they are made. */
export class CounterIds implements IdSource {
  private count = 0;
  constructor(private readonly prefix = 't') {}

  ticketId(): string {
    this.count++;
    return `${this.prefix}${String(this.count).padStart(6, '0')}`;
  }

  /** Ids made so far. */
  get made(): number {
    return this.count;
  }
}
