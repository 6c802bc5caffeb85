/**
 * What the fakes throw where DynamoDB would refuse a write that no use case
 * translates (a duplicate id, a key completed twice): the same kind of failure
 * the adapter lets through, so a test sees an unexpected error, never a silent overwrite.
 */

/** A single write's condition failed (DynamoDB's ConditionalCheckFailedException). */
export class FakeConditionFailed extends Error {
  override readonly name = 'ConditionalCheckFailedException';
  constructor(what: string) {
    super(`The conditional request failed: ${what}`);
  }
}

/** A transaction was cancelled; `reasons` has one entry per item, as DynamoDB's CancellationReasons. */
export class FakeTransactionCanceled extends Error {
  override readonly name = 'TransactionCanceledException';
  constructor(readonly reasons: readonly ('None' | 'ConditionalCheckFailed')[]) {
    super(
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.join(', ')}]`,
    );
  }
}

/** A deep copy, as every read of a database returns a fresh object and a write keeps none of the caller's. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Lets other requests run first, as a round trip to the database would. */
export function roundTrip(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
