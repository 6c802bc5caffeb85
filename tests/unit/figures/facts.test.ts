import { describe, expect, it } from 'vitest';
import { assertFiguresRange } from '../../../src/domain/figures/figures-service.js';
import { figuresOfDay, summarizeServiceDay } from '../../../src/domain/figures/service-day.js';
import { normalizeComment, SURVEY_ELEMENTS, scoresOf } from '../../../src/domain/figures/survey.js';
import { ticketFacts } from '../../../src/domain/figures/ticket-facts.js';
import type { Ticket, TicketEvent } from '../../../src/domain/queue/ticket.js';
import { workingMsBetween } from '../../../src/domain/time/working-hours.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

const A = 'm:ag:a';
const B = 'm:ag:b';

function ticket(history: Omit<TicketEvent, 'counterId'>[], changes: Partial<Ticket> = {}): Ticket {
  const last = history[history.length - 1];
  return {
    id: 't1',
    mallId: 'm',
    agencyId: 'm:ag',
    serviceId: A,
    date: '2026-12-07',
    sequence: 1,
    number: 'A-001',
    status: last?.status ?? 'WAITING',
    priority: 'NONE',
    issuedAt: '2026-12-07T01:00:00.000Z',
    queuedAt: '2026-12-07T01:00:00.000Z',
    appointmentId: null,
    holderCodeHash: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counterId: null,
    recallCount: 0,
    history: history.map((e) => ({ counterId: null, ...e })),
    version: history.length,
    ...changes,
  };
}

describe('what a ticket contributes', () => {
  it('counts a transfer out of the first service, the wait where the first call was, the outcome and service time where it ended', () => {
    const t = ticket(
      [
        { at: '2026-12-07T01:00:00.000Z', status: 'WAITING', action: 'ISSUED' },
        { at: '2026-12-07T01:10:00.500Z', status: 'CALLED', action: 'CALLED' },
        { at: '2026-12-07T01:11:00.000Z', status: 'WAITING', action: 'TRANSFERRED', serviceId: B },
        { at: '2026-12-07T01:30:00.000Z', status: 'CALLED', action: 'CALLED' },
        { at: '2026-12-07T01:31:00.000Z', status: 'SERVING', action: 'STARTED' },
        { at: '2026-12-07T01:45:30.000Z', status: 'DONE', action: 'FINISHED' },
      ],
      { serviceId: B, startedAt: '2026-12-07T01:31:00.000Z', finishedAt: '2026-12-07T01:45:30.000Z' },
    );
    const facts = ticketFacts(t, { serviceId: A, agencyId: 'm:ag' }, () => 'm:ag');
    expect(
      facts.map((f) => [f.serviceId, f.issued, f.transferredOut, f.outcome, f.waitMs, f.serviceMs]),
    ).toEqual([
      [A, 1, 1, null, 600_500, null],
      [B, 0, 0, 'DONE', null, 870_000],
    ]);
  });

  it('measures a booking from its slot start, and never a negative wait', () => {
    const t = ticket(
      [
        { at: '2026-12-07T01:00:00.000Z', status: 'WAITING', action: 'ISSUED' },
        { at: '2026-12-07T01:20:00.000Z', status: 'CALLED', action: 'CALLED' },
      ],
      { appointmentId: 'ap1', queuedAt: '2026-12-07T01:30:00.000Z' },
    );
    expect(ticketFacts(t, null, () => 'm:ag')[0]?.waitMs).toBe(0);
  });
});

describe('a service-day summary', () => {
  it('counts, averages, nearest-rank percentiles and the share within target, shown rounded once', () => {
    const waits = [60_000, 120_000, 1_800_000, 1_800_001]; // the last is over a 30-minute target by 1 ms
    const summary = summarizeServiceDay(
      { mallId: 'm', agencyId: 'm:ag', serviceId: A, date: '2026-12-07' },
      [
        ...waits.map((w) => ({
          issued: 1,
          transferredOut: 0,
          outcome: 'DONE' as const,
          waitMs: w,
          serviceMs: 90_000,
        })),
        { issued: 1, transferredOut: 0, outcome: 'CANCELLED' as const, waitMs: null, serviceMs: null },
      ],
      [[4, 4, 4, 4, 4, 4, 4, 4, 4]],
      [
        { status: 'BOOKED', lateUntil: '2026-12-07T02:00:00.000Z' },
        { status: 'CANCELLED', lateUntil: '2026-12-07T02:00:00.000Z' },
        { status: 'NO_SHOW', lateUntil: '2026-12-07T01:00:00.000Z' },
      ],
      30,
    );
    expect(summary).toMatchObject({
      issued: 5,
      served: 4,
      cancelled: 1,
      called: 4,
      withinTarget: 3,
      responses: 1,
    });
    const before = figuresOfDay(summary, new Date('2026-12-07T01:59:00.000Z'));
    expect(before).toMatchObject({
      waitMinutesAvg: 15.75, // 3,780,001 ms / 4 = 945,000.25 ms = 15.750004 min
      waitMinutesP50: 2,
      waitMinutesP90: 30,
      serviceMinutesAvg: 1.5,
      servedWithinTarget: 0.75,
      bookings: 2,
      bookingNoShows: 1,
    });
    // The booking nobody used turns into a no-show by the clock, with no write.
    expect(figuresOfDay(summary, new Date('2026-12-07T02:00:01.000Z')).bookingNoShows).toBe(2);
  });
});

describe('the survey', () => {
  const answers = SURVEY_ELEMENTS.map((element, i) => ({ element, score: 1 + (i % 4) }));

  it('takes the nine elements once each, scored 1 to 4, in the regulation order', () => {
    expect(scoresOf([...answers].reverse())).toEqual([1, 2, 3, 4, 1, 2, 3, 4, 1]);
  });

  it('refuses a missing, repeated or out-of-range answer, naming input.answers', () => {
    expect(() => scoresOf(answers.slice(1))).toThrow(/missing: PERSYARATAN/);
    expect(() => scoresOf([...answers, ...answers.slice(0, 1)])).toThrow(/more than once/);
    expect(() => scoresOf(answers.map((a) => ({ ...a, score: 5 })))).toThrow(/1 to 4/);
    expect(() => scoresOf(answers.map((a) => ({ ...a, score: 2.5 })))).toThrow(
      expect.objectContaining({ field: 'input.answers' }),
    );
  });

  it('stores a comment as NFC and refuses control and direction characters', () => {
    expect(normalizeComment('  Cafe\u0301 bagus ')).toBe('Café bagus');
    expect(normalizeComment('   ')).toBeNull();
    expect(normalizeComment(undefined)).toBeNull();
    expect(() => normalizeComment('a\u202Eb')).toThrow(expect.objectContaining({ field: 'input.comment' }));
    expect(() => normalizeComment('a\u0007b')).toThrow(expect.objectContaining({ field: 'input.comment' }));
  });
});

describe('periods and working hours', () => {
  it('takes from ≤ to and at most 366 days, naming the field', () => {
    expect(() => assertFiguresRange('2026-01-01', '2026-12-31')).not.toThrow();
    expect(() => assertFiguresRange('2024-01-01', '2024-12-31')).not.toThrow(); // 366 days
    expect(() => assertFiguresRange('2026-01-01', '2027-01-02')).toThrow(
      expect.objectContaining({ field: 'to' }),
    );
    expect(() => assertFiguresRange('2026-02-02', '2026-02-01')).toThrow(
      expect.objectContaining({ field: 'from' }),
    );
    expect(() => assertFiguresRange('2026-02-30', '2026-03-01')).toThrow(
      expect.objectContaining({ field: 'from' }),
    );
  });

  it('counts only opening hours: Friday 15:00 to Monday 09:30 with 08:00-16:00 weekdays is 2.5 hours', () => {
    const { mall } = fixtureCatalog({ mallId: 'm', hours: [{ opens: '08:00', closes: '16:00' }] });
    const chain = [{ ...mall.schedule, weekly: { ...mall.schedule.weekly, SATURDAY: [], SUNDAY: [] } }];
    // 2026-12-04 is a Friday; Asia/Jakarta is UTC+7.
    const ms = workingMsBetween(
      chain,
      'Asia/Jakarta',
      new Date('2026-12-04T08:00:00Z'),
      new Date('2026-12-07T02:30:00Z'),
    );
    expect(ms).toBe(2.5 * 3_600_000);
  });
});
