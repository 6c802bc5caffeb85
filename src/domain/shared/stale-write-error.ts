/**
 * A conditional write of a ticket or complaint lost to another writer. Not
 * shown to clients: the use case that gets it decides between
 * INVALID_TRANSITION (the move no longer makes sense) and CONFLICT (retry).
 */
export class StaleWriteError extends Error {
  override readonly name = 'StaleWriteError';
  /** @param reason which condition failed: the ticket's version or the counter's state. */
  constructor(
    readonly reason: 'TICKET' | 'COUNTER' | 'UNKNOWN',
    options?: { cause?: unknown },
  ) {
    super(`Conditional write failed on ${reason.toLowerCase()}`, options);
  }
}
