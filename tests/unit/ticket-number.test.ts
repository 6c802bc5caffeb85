import { describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../../src/domain/queue/ticket-number.js';
import { DomainError } from '../../src/domain/shared/errors.js';

describe('formatTicketNumber', () => {
  it('pads the sequence to 3 digits', () => {
    expect(formatTicketNumber('A', 1)).toBe('A-001');
    expect(formatTicketNumber('A', 7)).toBe('A-007');
    expect(formatTicketNumber('A', 42)).toBe('A-042');
    expect(formatTicketNumber('A', 999)).toBe('A-999');
  });

  it('widens past 999 instead of wrapping', () => {
    expect(formatTicketNumber('A', 1000)).toBe('A-1000');
    expect(formatTicketNumber('A', 12345)).toBe('A-12345');
  });

  it('keeps a longer prefix as given', () => {
    expect(formatTicketNumber('SK1', 5)).toBe('SK1-005');
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses sequence %s as a bug, not as user input',
    (n) => {
      expect(() => formatTicketNumber('A', n)).toThrow(Error);
      try {
        formatTicketNumber('A', n);
      } catch (error) {
        expect(error).not.toBeInstanceOf(DomainError);
      }
    },
  );
});
