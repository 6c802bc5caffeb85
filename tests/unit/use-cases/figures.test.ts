/**
 * The figures on the fakes: the stream consumer's projector turning stored tickets and
 * surveys into the rollup (at least once, in any order), FiguresService reading an agency's
 * and a mall's figures and the satisfaction index, and submitSurvey once per served ticket.
 */
import { describe, expect, it } from 'vitest';
import type { FiguresChange } from '../../../src/domain/figures/figures-projector.js';
import { SURVEY_ELEMENTS } from '../../../src/domain/figures/survey.js';
import type { Ticket } from '../../../src/domain/queue/ticket.js';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { createFakeWorld, type FakeWorld } from '../../support/fakes/index.js';
import { adminOf, kioskOf, officerOf, PUBLIC_VIEWER, partnerOf } from '../../support/fakes/viewers.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

const MALL = 'fig-mall';
const AGENCY = `${MALL}:agency`;
const SVC = `${AGENCY}:svc1`;
const ADMIN = adminOf(MALL);
const KIOSK = kioskOf(MALL);
const DATE = '2026-12-01';
const MINUTE = 60_000;
const allFour = SURVEY_ELEMENTS.map((element) => ({ element, score: 4 }));

function world() {
  return createFakeWorld({
    catalogs: [fixtureCatalog({ mallId: MALL }), fixtureCatalog({ mallId: 'far-mall' })],
  });
}

/** A day of four tickets: one served in 10 minutes, one no-show, one cancelled, one still waiting. */
async function day(w: FakeWorld) {
  const q = () => w.queue();
  const take = async () => {
    w.clock.advance(1000);
    return q().takeTicket(KIOSK, { serviceId: SVC, priority: 'NONE', idempotencyKey: null }, w.clock.now());
  };
  const [served, gone, cancelled, waiting] = [await take(), await take(), await take(), await take()];
  w.clock.advance(5 * MINUTE);
  await q().callTicket(ADMIN, served.id, `${AGENCY}:loket-1`, w.clock.now());
  const calledSnapshot = w.tickets.peek(served.id) as Ticket;
  await q().moveById(ADMIN, served.id, 'START', w.clock.now());
  w.clock.advance(10 * MINUTE);
  await q().moveById(ADMIN, served.id, 'FINISH', w.clock.now());
  await q().callTicket(ADMIN, gone.id, `${AGENCY}:loket-2`, w.clock.now());
  await q().moveById(ADMIN, gone.id, 'RECALL', w.clock.now());
  await q().moveById(ADMIN, gone.id, 'NO_SHOW', w.clock.now());
  await q().cancel(PUBLIC_VIEWER, cancelled.id, cancelled.holderCode ?? null, w.clock.now());
  return { served, gone, cancelled, waiting, calledSnapshot };
}

const ticketChanges = (w: FakeWorld): FiguresChange[] =>
  [...w.tickets.tickets.values()].map((ticket) => ({ kind: 'TICKET', ticket }));

describe('FiguresProjector and FiguresService', () => {
  it('counts a day’s tickets into an agency’s figures, the same however often and in whatever order it is fed', async () => {
    const w = world();
    const { calledSnapshot } = await day(w);
    expect(await w.figuresProjector().project(ticketChanges(w))).toEqual(new Set());
    const agency = (await w.catalogReader.agency(AGENCY)) ?? expect.fail('no agency');
    const read = async () =>
      (await w.figuresService().agencyFigures(ADMIN, agency, DATE, DATE, w.clock.now())).days;
    const first = await read();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      date: DATE,
      serviceId: SVC,
      issued: 4,
      served: 1,
      noShow: 1,
      cancelled: 1,
      transferredOut: 0,
      serviceMinutesAvg: 10,
    });
    // Again, reversed, and with an older version of the served ticket delivered late: nothing moves.
    await w.figuresProjector().project([...ticketChanges(w)].reverse());
    await w.figuresProjector().project([{ kind: 'TICKET', ticket: calledSnapshot }]);
    expect(await read()).toEqual(first);
    expect(
      await w.figuresService().agencyFigures(ADMIN, agency, '2026-12-02', '2026-12-31', w.clock.now()),
    ).toMatchObject({
      days: [],
    });
  });

  it('records a survey once per served ticket, and counts it in the satisfaction index', async () => {
    const w = world();
    const { served, gone, waiting } = await day(w);
    const receipt = await w
      .figuresService()
      .submitSurvey(
        PUBLIC_VIEWER,
        { ticketId: served.id, holderCode: served.holderCode, answers: allFour },
        w.clock.now(),
      );
    expect(receipt.ticket.id).toBe(served.id);
    await expect(
      w.figuresService().submitSurvey(KIOSK, { ticketId: served.id, answers: allFour }, w.clock.now()),
    ).rejects.toThrow(new ConflictError('This ticket has already been rated.'));
    await w
      .figuresProjector()
      .project([
        ...ticketChanges(w),
        ...[...w.surveys.surveys.values()].map((survey): FiguresChange => ({ kind: 'SURVEY', survey })),
      ]);
    const mall = (await w.catalogReader.mall(MALL)) ?? expect.fail('no mall');
    const index = await w.figuresService().mallSatisfaction(mall, DATE, DATE);
    expect(index).toMatchObject({ from: DATE, to: DATE, responses: 1, ikm: 100 });
    expect(index.elements).toHaveLength(SURVEY_ELEMENTS.length);
    const figures = await w.figuresService().mallFigures(ADMIN, mall, DATE, DATE, w.clock.now());
    expect(figures.agencies.map((a) => [a.agency.id, a.days.length, a.satisfaction.responses])).toEqual([
      [AGENCY, 1, 1],
    ]);

    const survey = (viewer = PUBLIC_VIEWER, ticketId = gone.id, extra = {}) =>
      w.figuresService().submitSurvey(viewer, { ticketId, answers: allFour, ...extra }, w.clock.now());
    await expect(survey(KIOSK)).rejects.toThrow(
      new InvalidTransitionError('Ticket A-002 is NO_SHOW; only a served ticket can be rated.'),
    );
    await expect(survey(PUBLIC_VIEWER, waiting.id, { holderCode: served.holderCode })).rejects.toThrow(
      new ForbiddenError('The holder code does not match this ticket.'),
    );
    await expect(survey(PUBLIC_VIEWER)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(survey(officerOf(`${MALL}:nope`))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(survey(KIOSK, 'tnosuchticket')).rejects.toThrow(new NotFoundError('No such ticket.'));
    await expect(survey(KIOSK, served.id, { answers: allFour.slice(1) })).rejects.toBeInstanceOf(
      BadInputError,
    );
    expect(w.surveys.surveys.size).toBe(1);
  });

  it('counts complaints into the figures: answered on time, and overdue at the reader’s now', async () => {
    const w = world();
    const submit = (subject: string) =>
      w.complaintService().submit(
        PUBLIC_VIEWER,
        {
          mallId: MALL,
          category: 'COMPLAINT',
          agencyId: AGENCY,
          serviceId: null,
          ticketId: null,
          subject,
          description: 'Pelayanan di loket terlalu lama hari ini.',
          anonymous: false,
          confidential: false,
          reporter: null,
          idempotencyKey: null,
        },
        w.clock.now(),
      );
    const answered = await submit('Antrean lama sekali');
    await submit('Petugas tidak ada');
    const s = w.complaintService();
    await s.verify(ADMIN, answered.complaint.id, null, w.clock.now());
    await s.assign(ADMIN, answered.complaint.id, AGENCY, null, w.clock.now());
    w.clock.advance(60 * MINUTE);
    await s.respond(officerOf(AGENCY), answered.complaint.id, 'RESOLVED', 'Sudah ditangani.', w.clock.now());
    const changes: FiguresChange[] = [];
    for (const id of w.complaints.ids.keys()) {
      const complaint = w.complaints.peek(id);
      if (complaint) changes.push({ kind: 'COMPLAINT', complaint });
    }
    await w.figuresProjector().project(changes);
    const mall = (await w.catalogReader.mall(MALL)) ?? expect.fail('no mall');
    const now = await w.figuresService().mallFigures(ADMIN, mall, DATE, DATE, w.clock.now());
    expect(now.complaints).toMatchObject({ received: 2, answeredOnTime: 1, answeredLate: 0, overdueNow: 0 });
    const later = await w
      .figuresService()
      .mallFigures(ADMIN, mall, DATE, DATE, new Date('2026-12-10T00:00:00Z'));
    expect(later.complaints.overdueNow).toBe(1); // the other one's 3 days of intake have passed
  });

  it('shows an agency’s figures to its staff and partner, a mall’s to its admins, for at most a year', async () => {
    const w = world();
    const agency = (await w.catalogReader.agency(AGENCY)) ?? expect.fail('no agency');
    const mall = (await w.catalogReader.mall(MALL)) ?? expect.fail('no mall');
    const s = w.figuresService();
    for (const viewer of [ADMIN, officerOf(AGENCY), partnerOf(AGENCY)]) {
      await expect(
        s.agencyFigures(viewer, agency, DATE, DATE, w.clock.now()),
        viewer.role,
      ).resolves.toMatchObject({
        days: [],
      });
    }
    await expect(s.agencyFigures(PUBLIC_VIEWER, agency, DATE, DATE, w.clock.now())).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    for (const viewer of [KIOSK, officerOf('far-mall:agency'), adminOf('far-mall')]) {
      await expect(s.agencyFigures(viewer, agency, DATE, DATE, w.clock.now())).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    await expect(s.mallFigures(officerOf(AGENCY), mall, DATE, DATE, w.clock.now())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const ranges: [string, string, string][] = [
      ['2026-13-01', DATE, 'from'],
      [DATE, 'soon', 'to'],
      ['2026-12-02', DATE, 'from'],
      ['2025-01-01', '2026-12-31', 'to'],
    ];
    for (const [from, to, field] of ranges) {
      await expect(
        s.mallSatisfaction(mall, from, to).catch((e: BadInputError) => [e.constructor, e.field]),
      ).resolves.toEqual([BadInputError, field]);
    }
    expect(w.rollup.calls.reads).toBe(3);
  });
});
