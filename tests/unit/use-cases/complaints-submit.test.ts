/**
 * ComplaintService.submit, byTrackingCode and list on the fakes: validation,
 * references, deadlines on the mall's working days, idempotent replay, what the
 * public sees, and the staff listing page by page.
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/domain/access/viewer.js';
import type {
  ComplaintListInput,
  SubmitComplaintInput,
  VisibleComplaint,
} from '../../../src/domain/complaints/complaint-service.js';
import { HIDDEN_TRACKING_CODE } from '../../../src/domain/complaints/tracking-code.js';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { officeHoursCatalog } from '../../support/fakes/catalogs.js';
import { createFakeWorld, type FakeWorld } from '../../support/fakes/index.js';
import { adminOf, kioskOf, officerOf, PUBLIC_VIEWER } from '../../support/fakes/viewers.js';

const MALL = 'c-mall';
const AGENCY = `${MALL}:agency`;
const OTHER = `${MALL}:other`;
const ADMIN = adminOf(MALL);
/** Tuesday 2026-12-01 10:00 WIB. */
const TUESDAY = new Date('2026-12-01T03:00:00Z');
const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/;
// Made-up personal data.
const REPORTER = { name: 'Siti Rahmawati', phone: '0812-9876-5432', nik: '3201987654321098' };

const input = (extra: Partial<SubmitComplaintInput> = {}): SubmitComplaintInput => ({
  mallId: MALL,
  category: 'COMPLAINT',
  agencyId: AGENCY,
  serviceId: null,
  ticketId: null,
  subject: 'Antrean terlalu lama',
  description: 'Saya menunggu lebih dari dua jam di loket tanpa kejelasan.',
  anonymous: false,
  confidential: false,
  reporter: REPORTER,
  idempotencyKey: null,
  ...extra,
});

function world(seed?: number) {
  return createFakeWorld({
    now: TUESDAY,
    seed,
    catalogs: [
      officeHoursCatalog({ mallId: MALL, holidays: ['2026-12-25'] }),
      officeHoursCatalog({ mallId: 'far-mall' }),
    ],
  });
}

const submit = (w: FakeWorld, extra: Partial<SubmitComplaintInput> = {}, viewer: Viewer = PUBLIC_VIEWER) =>
  w.complaintService().submit(viewer, input(extra), w.clock.now());

describe('ComplaintService.submit', () => {
  it('receives a complaint with a tracking code and a deadline of 3 working days, showing the reporter masked', async () => {
    const w = world();
    const shown = await submit(w);
    expect(shown.trackingCode).toMatch(CODE);
    expect(shown.complaint).toMatchObject({
      id: expect.stringMatching(/^c[0-9a-f]{32}$/),
      mallId: MALL,
      agencyId: AGENCY,
      status: 'RECEIVED',
      submittedAt: TUESDAY.toISOString(),
      stageStartedAt: TUESDAY.toISOString(),
      assignedAgencyId: null,
      rating: null,
      version: 1,
      timeline: [
        {
          at: TUESDAY.toISOString(),
          status: 'RECEIVED',
          message: 'Pengaduan diterima.',
          author: 'CITIZEN',
          by: null,
        },
      ],
    });
    expect(shown.reporter).toEqual({ name: 'S*** R***', phone: '********5432', nik: '************1098' });
    expect([shown.subject, shown.description]).toEqual([input().subject, input().description]);
    // Submitted Tuesday: Wednesday, Thursday, Friday; the end of Friday, mall time.
    expect(shown.dueAt).toBe('2026-12-04T16:59:59.000Z');
    expect(shown.overdue).toBe(false);
    // Kept masked, and sealed: nowhere in clear, nor the tracking code (only its keyed hash).
    const stored = w.complaints.peek(shown.complaint.id);
    expect(stored?.reporter?.masked).toEqual(shown.reporter);
    expect(JSON.parse(w.secrets.sealer.open(stored?.reporter?.sealed ?? ''))).toEqual({
      name: 'Siti Rahmawati',
      phone: '081298765432',
      nik: REPORTER.nik,
    });
    expect(stored?.codeKey).toBe(w.secrets.hasher.hash('tracking-code', shown.trackingCode));
    const everything = JSON.stringify([
      ...w.complaints.complaints.values(),
      ...w.complaints.reporters.values(),
    ]);
    for (const secret of ['Siti Rahmawati', '081298765432', REPORTER.nik, shown.trackingCode]) {
      expect(everything).not.toContain(secret);
    }
    expect(stored?.dueAt).toBe(shown.dueAt);
    expect(w.reporterReads).toEqual([]); // the public saw it masked: nothing to audit
  });

  it('counts only working days: weekends and holidays push the deadline', async () => {
    const w = world();
    w.clock.set(new Date('2026-12-22T03:00:00Z')); // Tuesday before Christmas
    expect((await submit(w)).dueAt).toBe('2026-12-28T16:59:59.000Z'); // Wed, Thu, (Fri 25th off), Mon
    w.clock.set(new Date('2026-12-05T15:00:00Z')); // Saturday 22:00 WIB
    expect((await submit(w)).dueAt).toBe('2026-12-09T16:59:59.000Z'); // Mon, Tue, Wed
  });

  it('draws tracking codes from the random source: the same seed, the same codes', async () => {
    const codes = async (seed: number) => {
      const w = world(seed);
      return [(await submit(w)).trackingCode, (await submit(w)).trackingCode];
    };
    const first = await codes(7);
    expect(await codes(7)).toEqual(first);
    expect(await codes(8)).not.toEqual(first);
    expect(first[0]).not.toBe(first[1]);
  });

  it('refuses bad input, naming the field', async () => {
    const w = world();
    const cases: [Partial<SubmitComplaintInput>, string][] = [
      [{ subject: 'x' }, 'input.subject'],
      [{ subject: ` ${'s'.repeat(151)} ` }, 'input.subject'],
      [{ description: 'pendek' }, 'input.description'],
      [{ description: 'y'.repeat(5001) }, 'input.description'],
      [{ reporter: { name: 'S' } }, 'input.reporter.name'],
      [{ reporter: { phone: '12' } }, 'input.reporter.phone'],
      [{ reporter: { phone: '+1 555 0100 200' } }, 'input.reporter.phone'],
      [{ reporter: { nik: '12345' } }, 'input.reporter.nik'],
      [{ serviceId: `${OTHER}:svc1` }, 'input.serviceId'],
      [{ idempotencyKey: 'short' }, 'input.idempotencyKey'],
    ];
    for (const [extra, field] of cases) {
      const refused = submit(w, extra);
      await expect(refused, JSON.stringify(extra)).rejects.toBeInstanceOf(BadInputError);
      await expect(refused.catch((e: BadInputError) => e.field)).resolves.toBe(field);
    }
    expect(w.complaints.calls.create).toBe(0);
  });

  it('checks references: mall, agency, service and ticket must exist in the named mall', async () => {
    const w = world();
    const cases: Partial<SubmitComplaintInput>[] = [
      { mallId: 'no-such-mall' },
      { agencyId: 'far-mall:agency' },
      { agencyId: `${MALL}:nope` },
      { serviceId: `${AGENCY}:nope` },
      { ticketId: 'x'.repeat(201) },
      { ticketId: 'tnosuchticket' },
    ];
    for (const extra of cases) {
      await expect(submit(w, extra), JSON.stringify(extra)).rejects.toBeInstanceOf(NotFoundError);
    }
    const far = await w
      .queue()
      .takeTicket(
        kioskOf('far-mall'),
        { serviceId: 'far-mall:agency:svc1', priority: 'NONE', idempotencyKey: null },
        w.clock.now(),
      );
    await expect(submit(w, { ticketId: far.id })).rejects.toThrow(
      new NotFoundError('No such ticket in this mall.'),
    );
    expect(w.complaints.complaints.size).toBe(0);

    const own = await w
      .queue()
      .takeTicket(
        kioskOf(MALL),
        { serviceId: `${AGENCY}:svc1`, priority: 'NONE', idempotencyKey: null },
        w.clock.now(),
      );
    const named = await submit(w, { ticketId: own.id, agencyId: null, serviceId: `${OTHER}:svc1` });
    expect(named.complaint).toMatchObject({ ticketId: own.id, agencyId: OTHER, serviceId: `${OTHER}:svc1` });
  });

  it('keeps no reporter when none is given, and hides an anonymous one and confidential content from the public', async () => {
    const w = world();
    expect((await submit(w, { reporter: { name: ' ', phone: '', nik: null } })).reporter).toBeNull();
    expect((await submit(w, { reporter: null })).reporter).toBeNull();
    const hidden = await submit(w, { anonymous: true, confidential: true });
    expect([hidden.reporter, hidden.subject, hidden.description]).toEqual([null, null, null]);
    const staffView = await w.complaintService().byTrackingCode(ADMIN, hidden.trackingCode, w.clock.now());
    expect(staffView?.reporter).toEqual({ name: 'Siti Rahmawati', phone: '081298765432', nik: REPORTER.nik });
    expect(staffView?.subject).toBe(input().subject);
    expect(w.reporterReads).toEqual([
      { complaintId: hidden.complaint.id, mallId: MALL, role: 'ADMIN', subject: ADMIN.subject },
    ]);
  });

  it('gives the same complaint for the same key, even to 20 submissions at once', async () => {
    const w = world();
    const keyed = { idempotencyKey: 'web-form-7c1d4e2b-retry' };
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(w, keyed)));
    expect(new Set(results.map((r) => r.complaint.id)).size).toBe(1);
    expect(w.complaints.complaints.size).toBe(1);
    w.clock.advance(3600_000);
    const later = await submit(w, keyed);
    expect(later.trackingCode).toBe(results[0]?.trackingCode);
    expect(w.idempotency.get('submitComplaint', keyed.idempotencyKey)?.resultId).toBe(later.complaint.id);
  });

  it('refuses a key reused by another caller or for other content, telling nothing of the first', async () => {
    const w = world();
    const key = 'shared-form-key-01';
    const first = await submit(w, { idempotencyKey: key });
    const refusal = new ConflictError('This idempotency key was already used for another request.');
    await expect(submit(w, { idempotencyKey: key, mallId: 'far-mall', agencyId: null })).rejects.toThrow(
      refusal,
    );
    await expect(submit(w, { idempotencyKey: key, subject: 'Keluhan yang lain' })).rejects.toThrow(refusal);
    await expect(submit(w, { idempotencyKey: key }, kioskOf(MALL))).rejects.toThrow(refusal);
    expect(w.complaints.complaints.size).toBe(1);
    // The same caller and content: the same complaint, and the same tracking code, derived again.
    expect((await submit(w, { idempotencyKey: key })).trackingCode).toBe(first.trackingCode);
  });

  it('frees a key whose complaint could not be stored, so a retry with it succeeds', async () => {
    const w = world();
    const fresh = 'retry-after-bad-ticket';
    await expect(submit(w, { idempotencyKey: fresh, ticketId: 'tnosuchticket' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(w.idempotency.get('submitComplaint', fresh)).toBeUndefined();
    expect((await submit(w, { idempotencyKey: fresh })).complaint.status).toBe('RECEIVED');
  });
});

describe('ComplaintService.byTrackingCode', () => {
  it('finds a complaint however the code is typed, and nothing for an unknown or malformed one', async () => {
    const w = world();
    const shown = await submit(w);
    const typed = shown.trackingCode.toLowerCase().replace(/-/g, ' ');
    expect(await w.complaintService().byTrackingCode(PUBLIC_VIEWER, typed, w.clock.now())).toEqual(shown);
    const reads = w.complaints.calls.get;
    for (const code of ['', 'abc', 'I0I0-I0I0-I0I0-I', `${shown.trackingCode}X`]) {
      expect(await w.complaintService().byTrackingCode(PUBLIC_VIEWER, code, w.clock.now()), code).toBeNull();
    }
    expect(w.complaints.calls.get).toBe(reads);
    expect(
      await w.complaintService().byTrackingCode(PUBLIC_VIEWER, 'AAAA-AAAA-AAAA-A', w.clock.now()),
    ).toBeNull();
  });

  it('marks a complaint overdue once its stage’s deadline has passed', async () => {
    const w = world();
    const shown = await submit(w);
    w.clock.set(new Date('2026-12-04T16:59:59Z'));
    expect(
      (await w.complaintService().byTrackingCode(PUBLIC_VIEWER, shown.trackingCode, w.clock.now()))?.overdue,
    ).toBe(false);
    w.clock.set(new Date('2026-12-04T17:00:00Z'));
    expect(
      (await w.complaintService().byTrackingCode(PUBLIC_VIEWER, shown.trackingCode, w.clock.now()))?.overdue,
    ).toBe(true);
  });
});

describe('ComplaintService.list', () => {
  const list = (w: FakeWorld, viewer: Viewer, extra: Partial<ComplaintListInput> = {}) =>
    w
      .complaintService()
      .list(
        viewer,
        { mallId: MALL, agencyId: null, status: null, first: 10, after: null, ...extra },
        w.clock.now(),
      );

  async function submitMany(w: FakeWorld, n: number, extra: Partial<SubmitComplaintInput> = {}) {
    const made: VisibleComplaint[] = [];
    for (let i = 0; i < n; i++) {
      w.clock.advance(1000);
      made.push(await submit(w, { subject: `Keluhan nomor ${i}`, ...extra }));
    }
    return made;
  }

  it('pages through the mall’s complaints newest first, each exactly once', async () => {
    const w = world();
    const made = await submitMany(w, 5);
    await submitMany(w, 1, { mallId: 'far-mall', agencyId: null });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await list(w, ADMIN, { first: 2, after });
      pages++;
      seen.push(...page.edges.map((e) => e.node.complaint.id));
      for (const e of page.edges) {
        // Staff never see a tracking code (it is kept nowhere), and a listing shows reporters masked.
        expect(e.node.trackingCode).toBe(HIDDEN_TRACKING_CODE);
        expect(e.node.reporter?.name).toBe('S*** R***');
      }
      after = page.nextCursor;
    } while (after !== null);
    expect(seen).toEqual(made.map((c) => c.complaint.id).reverse());
    expect(pages).toBe(3);
    expect(w.reporterReads).toEqual([]); // nothing unmasked, nothing to audit
    // A full last page still says more may follow, as DynamoDB does; the page after it is empty.
    const four = await list(w, ADMIN, { first: 4 });
    const rest = await list(w, ADMIN, { first: 1, after: four.nextCursor });
    const end = await list(w, ADMIN, { first: 1, after: rest.nextCursor });
    expect([rest.edges.length, end.edges.length, end.nextCursor]).toEqual([1, 0, null]);
  });

  it('shows an officer only what is assigned to their agency now', async () => {
    const w = world();
    await submitMany(w, 2);
    const named = await submitMany(w, 3, { agencyId: OTHER });
    expect((await list(w, officerOf(OTHER))).edges).toEqual([]); // named, not assigned yet
    const service = w.complaintService();
    for (const c of named.slice(0, 2)) {
      await service.verify(ADMIN, c.complaint.id, null, w.clock.now());
      await service.assign(ADMIN, c.complaint.id, OTHER, null, w.clock.now());
    }
    const page = await list(w, officerOf(OTHER));
    expect(page.edges.map((e) => e.node.complaint.id)).toEqual(
      named
        .slice(0, 2)
        .map((c) => c.complaint.id)
        .reverse(),
    );
    expect(page.edges[0]?.node.trackingCode).toBe(HIDDEN_TRACKING_CODE);
    expect((await list(w, ADMIN, { agencyId: OTHER, mallId: null })).edges).toHaveLength(2);
    expect((await list(w, officerOf(AGENCY))).edges).toEqual([]);
    const own = await w
      .complaintService()
      .list(
        adminOf(MALL),
        { mallId: null, agencyId: null, status: null, first: 10, after: null },
        w.clock.now(),
      );
    expect(own.edges).toHaveLength(5); // an admin's own mall when none is named
  });

  it('filters by effective status: a resolved complaint past its deadline is CLOSED', async () => {
    const w = world();
    const [open, resolving] = await submitMany(w, 2);
    const service = w.complaintService();
    const id = resolving?.complaint.id ?? '';
    await service.verify(ADMIN, id, null, w.clock.now());
    await service.assign(ADMIN, id, AGENCY, null, w.clock.now());
    await service.respond(ADMIN, id, 'RESOLVED', 'Sudah ditangani.', w.clock.now());
    const ids = async (status: ComplaintListInput['status']) =>
      (await list(w, ADMIN, { status })).edges.map((e) => [e.node.complaint.id, e.node.complaint.status]);
    expect(await ids('RECEIVED')).toEqual([[open?.complaint.id, 'RECEIVED']]);
    expect(await ids('RESOLVED')).toEqual([[id, 'RESOLVED']]);
    expect(await ids('CLOSED')).toEqual([]);
    w.clock.set(new Date('2026-12-16T00:00:00Z')); // past the 10 working days
    expect(await ids('RESOLVED')).toEqual([]);
    expect(await ids('CLOSED')).toEqual([[id, 'CLOSED']]);
    // The filter runs after the page's limit, as in the query: a page may hold fewer while more follow.
    const first = await list(w, ADMIN, { status: 'RECEIVED', first: 1 });
    expect([first.edges.length, first.nextCursor !== null]).toEqual([0, true]);
  });

  it('refuses bad arguments, callers who may not list, and unknown agencies or malls', async () => {
    const w = world();
    const cases: [Viewer, Partial<ComplaintListInput>, unknown][] = [
      [ADMIN, { first: 0 }, new BadInputError('first must be between 1 and 100.', 'first')],
      [ADMIN, { first: 101 }, BadInputError],
      [ADMIN, { first: 1.5 }, BadInputError],
      [
        { role: 'OFFICER', mallId: null, agencyId: null, subject: 'no-mall' },
        { mallId: null },
        new BadInputError('Name the mall (mallId) or the agency (agencyId) to list.', 'mallId'),
      ],
      [PUBLIC_VIEWER, { mallId: null, first: 0 }, UnauthenticatedError],
      [
        ADMIN,
        { agencyId: 'far-mall:agency' },
        new BadInputError('The agency is not in that mall.', 'agencyId'),
      ],
      [ADMIN, { after: 'bm90LWEtY3Vyc29y' }, new BadInputError('The cursor is not valid.', 'after')],
      [PUBLIC_VIEWER, {}, UnauthenticatedError],
      [officerOf(AGENCY), { agencyId: OTHER }, ForbiddenError],
      [adminOf('far-mall'), {}, ForbiddenError],
      [kioskOf(MALL), {}, ForbiddenError],
      [ADMIN, { agencyId: `${MALL}:nope` }, new NotFoundError('No such agency.')],
      [adminOf('ghost-mall'), { mallId: 'ghost-mall' }, new NotFoundError('No such mall.')],
    ];
    for (const [viewer, extra, expected] of cases) {
      const refused = list(w, viewer, extra);
      if (expected instanceof Error) await expect(refused, JSON.stringify(extra)).rejects.toThrow(expected);
      else await expect(refused, JSON.stringify(extra)).rejects.toBeInstanceOf(expected);
    }
    expect(w.complaints.calls.list).toBe(1); // only the cursor, which the repository owns, got as far
  });
});
