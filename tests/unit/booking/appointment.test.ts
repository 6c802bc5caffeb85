import { describe, expect, it } from 'vitest';
import { type Appointment, statusAt, viewOf } from '../../../src/domain/booking/appointment.js';

const BOOKED: Appointment = {
  id: 'a0123456789abcdef0123456789abcdef',
  mallId: 'm',
  agencyId: 'm:a',
  serviceId: 'm:a:s',
  date: '2026-12-01',
  startsAt: '2026-12-01T03:00:00.000Z', // 10:00 WIB
  endsAt: '2026-12-01T03:30:00.000Z',
  lateUntil: '2026-12-01T03:15:00.000Z',
  status: 'BOOKED',
  bookedAt: '2026-11-30T03:00:00.000Z',
  nikHash: 'hash',
  nikLast4: '0007',
  ticketId: null,
  checkedInAt: null,
  checkedInLate: false,
  cancelledAt: null,
  version: 1,
};

describe('an appointment as it reads', () => {
  it('is a no-show once its late window has passed unused, and not a moment before', () => {
    expect(statusAt(BOOKED, new Date('2026-12-01T03:15:00.000Z'))).toBe('BOOKED');
    expect(statusAt(BOOKED, new Date('2026-12-01T03:15:00.001Z'))).toBe('NO_SHOW');
  });

  it('keeps what a write recorded: checked in or cancelled never turn into a no-show', () => {
    const later = new Date('2026-12-02T00:00:00Z');
    expect(statusAt({ ...BOOKED, status: 'CHECKED_IN' }, later)).toBe('CHECKED_IN');
    expect(statusAt({ ...BOOKED, status: 'CANCELLED' }, later)).toBe('CANCELLED');
  });

  it('shows the code only to whoever holds it, and never more of the NIK than its last 4 digits', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(viewOf(BOOKED, now, 'K7QX-M3RP-9WHT-E')).toMatchObject({
      code: 'K7QX-M3RP-9WHT-E',
      nikMasked: '************0007',
      status: 'BOOKED',
    });
    expect(viewOf(BOOKED, now, null).code).toBe('****-****-****-*');
  });
});
