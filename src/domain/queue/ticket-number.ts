/**
 * The number a ticket shows on the kiosk slip and the hall display.
 */

/**
 * `prefix-sequence`, the sequence zero-padded to 3 digits: `A-007`, `A-999`,
 * then `A-1000` (widened, never wrapped, so a number stays unique within the day).
 *
 * Throws a plain `Error` (not a DomainError) when `sequence` is not a whole
 * number from 1: the sequence comes from the store's counter, never from a
 * caller, so a bad one is a bug and must be masked as an internal error.
 */
export function formatTicketNumber(prefix: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new Error(`Ticket sequence must be a whole number from 1, got ${sequence}`);
  }
  return `${prefix}-${String(sequence).padStart(3, '0')}`;
}
