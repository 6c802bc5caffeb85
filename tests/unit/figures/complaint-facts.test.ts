import { describe, expect, it } from 'vitest';
import { IndexedCatalog } from '../../../src/domain/catalog/catalog-reader.js';
import type { Complaint, ComplaintEvent } from '../../../src/domain/complaints/complaint.js';
import { complaintFact, complaintFigures } from '../../../src/domain/figures/complaint-facts.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

// Open 08:00-16:00 every day (Asia/Jakarta, UTC+7): every day is a working day of 8 hours.
const catalog = new IndexedCatalog(
  fixtureCatalog({ mallId: 'm', hours: [{ opens: '08:00', closes: '16:00' }] }),
);
const AGENCY = 'm:agency';

function complaint(
  timeline: Omit<ComplaintEvent, 'message' | 'by'>[],
  changes: Partial<Complaint> = {},
): Complaint {
  const last = timeline[timeline.length - 1];
  return {
    id: 'c1',
    mallId: 'm',
    agencyId: AGENCY,
    assignedAgencyId: AGENCY,
    submittedAt: timeline[0]?.at ?? '',
    status: last?.status ?? 'RECEIVED',
    dueAt: null,
    timeline: timeline.map((e) => ({ message: null, by: null, ...e })),
    version: timeline.length,
    ...changes,
  } as Complaint;
}

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

describe('what a complaint counts for', () => {
  it('measures the first answer of the agency against the stage it answered in, after a reassignment', () => {
    const c = complaint([
      { at: wib('2026-12-07T09:00:00'), status: 'RECEIVED', author: 'CITIZEN' },
      { at: wib('2026-12-07T10:00:00'), status: 'ASSIGNED', author: 'MALL' },
      // Reassigned on Thursday: the 5 working days count again from Thursday, to Tuesday 23:59:59.
      { at: wib('2026-12-10T10:00:00'), status: 'ASSIGNED', author: 'MALL' },
      { at: wib('2026-12-15T15:00:00'), status: 'IN_PROGRESS', author: 'AGENCY' },
    ]);
    const fact = complaintFact(c, catalog);
    expect(fact.answeredOnTime).toBe(true);
    // Monday 09:00-16:00 (7 h), 8 h on each of the 7 days to Monday, Tuesday 08:00-15:00 (7 h): 70 h.
    expect(fact.firstAnswerWorkingMs).toBe(70 * 3_600_000);
    expect(fact.date).toBe('2026-12-07');
  });

  it('does not take an answer the mall wrote for the agency, and is late past the stage deadline', () => {
    const c = complaint([
      { at: wib('2026-12-07T09:00:00'), status: 'RECEIVED', author: 'CITIZEN' },
      { at: wib('2026-12-07T10:00:00'), status: 'ASSIGNED', author: 'MALL' },
      { at: wib('2026-12-08T10:00:00'), status: 'IN_PROGRESS', author: 'MALL' },
      { at: wib('2026-12-13T08:30:00'), status: 'RESOLVED', author: 'AGENCY' },
    ]);
    expect(complaintFact(c, catalog)).toMatchObject({
      firstAnswerAt: wib('2026-12-13T08:30:00'),
      answeredOnTime: false,
    });
  });

  it('is overdue after the deadline of the stage it awaits, and only while it awaits action', () => {
    const waiting = complaintFact(
      complaint(
        [
          { at: wib('2026-12-07T09:00:00'), status: 'RECEIVED', author: 'CITIZEN' },
          { at: wib('2026-12-07T10:00:00'), status: 'ASSIGNED', author: 'MALL' },
        ],
        { dueAt: wib('2026-12-12T23:59:59') },
      ),
      catalog,
    );
    const resolved = complaintFact(
      complaint(
        [
          { at: wib('2026-12-07T09:00:00'), status: 'RECEIVED', author: 'CITIZEN' },
          { at: wib('2026-12-07T10:00:00'), status: 'ASSIGNED', author: 'MALL' },
          { at: wib('2026-12-07T11:00:00'), status: 'RESOLVED', author: 'AGENCY' },
        ],
        { dueAt: wib('2026-12-21T23:59:59') },
      ),
      catalog,
    );
    expect(waiting.overdueAfter).toBe(wib('2026-12-12T23:59:59'));
    expect(resolved.overdueAfter).toBeNull();
    const figures = (now: string) => complaintFigures([waiting, resolved], new Date(now));
    expect(figures(wib('2026-12-12T23:00:00'))).toMatchObject({
      received: 2,
      overdueNow: 0,
      answeredOnTime: 1,
    });
    expect(figures(wib('2026-12-13T00:00:00'))).toMatchObject({ overdueNow: 1, medianFirstAnswerHours: 2 });
  });
});
