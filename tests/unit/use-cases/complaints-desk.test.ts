/**
 * The complaint desk on the fakes: reassigning to another agency, an agency
 * returning a complaint to the mall, erasing the reporter's data, retention,
 * who wrote each timeline entry, the escalation list of overdue complaints,
 * and the audit of every unmasked read of a reporter.
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/domain/access/viewer.js';
import type { SubmitComplaintInput } from '../../../src/domain/complaints/complaint-service.js';
import {
  BadInputError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from '../../../src/domain/shared/errors.js';
import { officeHoursCatalog } from '../../support/fakes/catalogs.js';
import { createFakeWorld, type FakeWorld } from '../../support/fakes/index.js';
import { adminOf, officerOf, PUBLIC_VIEWER } from '../../support/fakes/viewers.js';

const MALL = 'c-mall';
const AGENCY = `${MALL}:agency`;
const OTHER = `${MALL}:other`;
const ADMIN = adminOf(MALL);
const OFFICER = officerOf(AGENCY);
const OTHER_OFFICER = officerOf(OTHER);
/** Tuesday 2026-12-01 10:00 WIB. */
const TUESDAY = new Date('2026-12-01T03:00:00Z');
const endOf = (date: string) => new Date(`${date}T23:59:59+07:00`).toISOString();
const REPORTER = { name: 'Dewi Lestari', phone: '081311112222', nik: '3171015501900002' };

const input = (extra: Partial<SubmitComplaintInput> = {}): SubmitComplaintInput => ({
  mallId: MALL,
  category: 'COMPLAINT',
  agencyId: AGENCY,
  serviceId: null,
  ticketId: null,
  subject: 'Berkas hilang di loket',
  description: 'Berkas saya tidak ditemukan saat saya kembali mengambilnya.',
  anonymous: false,
  confidential: false,
  reporter: REPORTER,
  idempotencyKey: null,
  ...extra,
});

function world() {
  return createFakeWorld({
    now: TUESDAY,
    catalogs: [officeHoursCatalog({ mallId: MALL }), officeHoursCatalog({ mallId: 'far-mall' })],
  });
}

/** A complaint assigned to `AGENCY`, and the use cases at the world's clock. */
async function assigned(w: FakeWorld, extra: Partial<SubmitComplaintInput> = {}) {
  const s = () => w.complaintService();
  const submitted = await s().submit(PUBLIC_VIEWER, input(extra), w.clock.now());
  const id = submitted.complaint.id;
  await s().verify(ADMIN, id, null, w.clock.now());
  await s().assign(ADMIN, id, AGENCY, null, w.clock.now());
  return {
    id,
    code: submitted.trackingCode,
    reassign: (agencyId = OTHER, reason = 'Wewenang instansi lain.', viewer: Viewer = ADMIN) =>
      s().reassign(viewer, id, agencyId, reason, w.clock.now()),
    returnToMall: (reason = 'Bukan wewenang kami.', viewer: Viewer = OFFICER) =>
      s().returnToMall(viewer, id, reason, w.clock.now()),
    erase: (viewer: Viewer = ADMIN) => s().eraseReporter(viewer, id, w.clock.now()),
    respond: (status: 'IN_PROGRESS' | 'RESOLVED', viewer: Viewer = OFFICER) =>
      s().respond(viewer, id, status, 'Sudah kami tangani.', w.clock.now()),
    track: (viewer: Viewer = PUBLIC_VIEWER) =>
      s().byTrackingCode(viewer, submitted.trackingCode, w.clock.now()),
    listed: async (viewer: Viewer) =>
      (
        await s().list(
          viewer,
          { mallId: MALL, agencyId: null, status: null, first: 50, after: null },
          w.clock.now(),
        )
      ).edges.map((e) => e.node.complaint.id),
  };
}

describe('ComplaintService.reassign', () => {
  it('sends an assigned complaint to another agency, whose 5 working days start now', async () => {
    const w = world();
    const c = await assigned(w);
    w.clock.set(new Date('2026-12-03T03:00:00Z')); // Thursday
    const moved = await c.reassign();
    expect(moved.complaint).toMatchObject({ status: 'ASSIGNED', agencyId: OTHER, assignedAgencyId: OTHER });
    expect(moved.complaint.timeline.at(-1)).toMatchObject({
      message: 'Wewenang instansi lain.',
      author: 'MALL',
    });
    expect(moved.dueAt).toBe(endOf('2026-12-10'));
    expect(await c.listed(OFFICER)).toEqual([]);
    expect(await c.listed(OTHER_OFFICER)).toEqual([c.id]);
    await expect(c.respond('IN_PROGRESS')).rejects.toBeInstanceOf(ForbiddenError);
    expect((await c.respond('IN_PROGRESS', OTHER_OFFICER)).complaint.status).toBe('IN_PROGRESS');
    expect((await c.reassign(AGENCY)).complaint.assignedAgencyId).toBe(AGENCY); // from IN_PROGRESS too
  });

  it('refuses the same agency, a short reason, an agency of another mall, a complaint not yet assigned, and officers', async () => {
    const w = world();
    const c = await assigned(w);
    await expect(c.reassign(AGENCY)).rejects.toThrow(
      new BadInputError('The complaint is already assigned to this agency.', 'agencyId'),
    );
    await expect(c.reassign(OTHER, 'Tak')).rejects.toBeInstanceOf(BadInputError);
    await expect(c.reassign('far-mall:agency')).rejects.toThrow(
      new NotFoundError('No such agency in this mall.'),
    );
    await expect(c.reassign(OTHER, 'Wewenang instansi lain.', OFFICER)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const fresh = await w.complaintService().submit(PUBLIC_VIEWER, input(), w.clock.now());
    await expect(
      w
        .complaintService()
        .reassign(ADMIN, fresh.complaint.id, OTHER, 'Wewenang instansi lain.', w.clock.now()),
    ).rejects.toThrow(new InvalidTransitionError('This complaint is RECEIVED; it cannot be reassigned.'));
    expect(w.complaints.peek(c.id)?.assignedAgencyId).toBe(AGENCY);
  });
});

describe('ComplaintService.returnToMall', () => {
  it('lets the assigned agency hand a complaint back: VERIFIED again, 3 working days for the mall', async () => {
    const w = world();
    const c = await assigned(w);
    w.clock.set(new Date('2026-12-04T03:00:00Z')); // Friday
    const back = await c.returnToMall();
    expect(back.complaint).toMatchObject({ status: 'VERIFIED', assignedAgencyId: null });
    // The officer no longer reaches it, so their answer no longer names staff; the admin's view does.
    expect(back.complaint.timeline.at(-1)).toMatchObject({
      status: 'VERIFIED',
      message: 'Bukan wewenang kami.',
      author: 'AGENCY',
      by: null,
    });
    expect((await c.track(ADMIN))?.complaint.timeline.at(-1)?.by).toBe(OFFICER.subject);
    expect(back.dueAt).toBe(endOf('2026-12-09'));
    expect(await c.listed(OFFICER)).toEqual([]);
    expect(
      (await w.complaintService().assign(ADMIN, c.id, OTHER, null, w.clock.now())).complaint.status,
    ).toBe('ASSIGNED');
  });

  it('refuses the mall’s admins, other agencies, and complaints past the answer stage', async () => {
    const w = world();
    const c = await assigned(w);
    await expect(c.returnToMall(undefined, ADMIN)).rejects.toThrow(
      new ForbiddenError('Only the agency the complaint is assigned to may return it.'),
    );
    await expect(c.returnToMall(undefined, OTHER_OFFICER)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(c.returnToMall('Tak')).rejects.toBeInstanceOf(BadInputError);
    await c.respond('RESOLVED');
    await expect(c.returnToMall()).rejects.toThrow(
      new InvalidTransitionError('This complaint is RESOLVED; it cannot be returned to the mall.'),
    );
  });
});

describe('ComplaintService.eraseReporter and retention', () => {
  it('erases the reporter on request, sealed and masked alike, keeping the complaint and a trace', async () => {
    const w = world();
    const c = await assigned(w);
    await expect(c.erase(OFFICER)).rejects.toBeInstanceOf(ForbiddenError);
    const erased = await c.erase();
    expect(erased.reporter).toBeNull();
    expect(erased.complaint).toMatchObject({ status: 'ASSIGNED', reporterErasedAt: TUESDAY.toISOString() });
    expect(erased.complaint.timeline.at(-1)).toMatchObject({
      message: 'Data pribadi pelapor dihapus.',
      author: 'MALL',
    });
    expect(w.complaints.reporters.size).toBe(0);
    expect(JSON.stringify([...w.complaints.complaints.values()])).not.toContain('D*** L***');
    const saves = w.complaints.calls.save;
    expect((await c.erase()).complaint.version).toBe(erased.complaint.version); // nothing left to erase
    expect(w.complaints.calls.save).toBe(saves);
  });

  it('keeps the reporter 2 years after the complaint ends, then shows it no more', async () => {
    const w = world();
    const c = await assigned(w);
    const resolved = await c.respond('RESOLVED');
    const expiry = new Date(resolved.dueAt ?? '');
    expiry.setUTCFullYear(expiry.getUTCFullYear() + 2);
    expect(resolved.complaint.personalDataExpiresAt).toBe(expiry.toISOString());
    expect(w.complaints.reporters.get(w.complaints.peek(c.id)?.codeKey ?? '')?.expiresAt).toBe(
      Math.floor(expiry.getTime() / 1000),
    );
    w.clock.set(new Date(expiry.getTime() - 1000));
    expect((await c.track(ADMIN))?.reporter?.name).toBe('Dewi Lestari');
    w.clock.set(expiry);
    expect((await c.track(ADMIN))?.reporter).toBeNull(); // TTL is lazy: the read itself leaves it out
    expect(w.complaints.sweepExpired(w.clock.now())).toBe(0);
    w.clock.advance(1000);
    expect(w.complaints.sweepExpired(w.clock.now())).toBe(1);
    expect((await c.track(ADMIN))?.complaint.status).toBe('CLOSED');
  });

  it('starts the retention of a rejected complaint at its rejection', async () => {
    const w = world();
    const submitted = await w.complaintService().submit(PUBLIC_VIEWER, input(), w.clock.now());
    expect(submitted.complaint.personalDataExpiresAt).toBeNull();
    const rejected = await w
      .complaintService()
      .reject(ADMIN, submitted.complaint.id, 'Bukan wewenang mal ini.', w.clock.now());
    expect(rejected.complaint.personalDataExpiresAt).toBe('2028-12-01T03:00:00.000Z');
  });
});

describe('ComplaintService timelines, escalation and the audit of reporters', () => {
  it('names who wrote each entry, and shows the staff member only to staff', async () => {
    const w = world();
    const c = await assigned(w);
    await c.respond('IN_PROGRESS');
    const staffView = await c.track(ADMIN);
    expect(staffView?.complaint.timeline.map((e) => [e.status, e.author, e.by])).toEqual([
      ['RECEIVED', 'CITIZEN', null],
      ['VERIFIED', 'MALL', ADMIN.subject],
      ['ASSIGNED', 'MALL', ADMIN.subject],
      ['IN_PROGRESS', 'AGENCY', OFFICER.subject],
    ]);
    const publicView = await c.track();
    expect(publicView?.complaint.timeline.map((e) => [e.author, e.by])).toEqual([
      ['CITIZEN', null],
      ['MALL', null],
      ['MALL', null],
      ['AGENCY', null],
    ]);
  });

  it('lists the overdue complaints apart from the others', async () => {
    const w = world();
    const late = await assigned(w);
    w.clock.set(new Date('2026-12-07T03:00:00Z')); // Monday
    const fresh = await w.complaintService().submit(PUBLIC_VIEWER, input(), w.clock.now());
    w.clock.set(new Date('2026-12-09T03:00:00Z')); // past the agency's 5 working days, within intake's 3
    const ids = async (overdue: boolean | null) =>
      (
        await w
          .complaintService()
          .list(
            ADMIN,
            { mallId: MALL, agencyId: null, status: null, overdue, first: 50, after: null },
            w.clock.now(),
          )
      ).edges.map((e) => [e.node.complaint.id, e.node.overdue]);
    expect(await ids(true)).toEqual([[late.id, true]]);
    expect(await ids(false)).toEqual([[fresh.complaint.id, false]]);
    expect(await ids(null)).toHaveLength(2);
  });

  it('tells of every unmasked read of a reporter, and of none when the reporter stays masked', async () => {
    const w = world();
    const c = await assigned(w);
    const anonymous = await assigned(w, { anonymous: true });
    // Each answer to the admin's verify and assign showed the reporter in full: four reads told of.
    expect(w.reporterReads.map((r) => [r.complaintId, r.role])).toEqual([
      [c.id, 'ADMIN'],
      [c.id, 'ADMIN'],
      [anonymous.id, 'ADMIN'],
      [anonymous.id, 'ADMIN'],
    ]);
    w.reporterReads.length = 0;
    const officerView = await c.track(OFFICER);
    expect(officerView?.reporter).toEqual({ name: 'Dewi Lestari', phone: '081311112222', nik: REPORTER.nik });
    expect((await anonymous.track(OFFICER))?.reporter).toBeNull();
    expect((await anonymous.track(ADMIN))?.reporter?.name).toBe('Dewi Lestari');
    expect((await c.track(OTHER_OFFICER))?.reporter).toEqual({
      name: 'D*** L***',
      phone: '********2222',
      nik: '************0002',
    });
    expect(w.reporterReads).toEqual([
      { complaintId: c.id, mallId: MALL, role: 'OFFICER', subject: OFFICER.subject },
      { complaintId: anonymous.id, mallId: MALL, role: 'ADMIN', subject: ADMIN.subject },
    ]);
  });
});
