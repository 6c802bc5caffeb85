/**
 * A complaint's life on the fakes: verify, assign, reject, respond, the
 * reporter's reply and rating, who may do each, the deadline of each stage on
 * the mall's working days, the close after 10 working days (computed on read,
 * persisted by the next write), and two writers at once.
 */
import { describe, expect, it } from 'vitest';
import type {
  SubmitComplaintInput,
  VisibleComplaint,
} from '../../../src/domain/complaints/complaint-service.js';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { officeHoursCatalog } from '../../support/fakes/catalogs.js';
import { createFakeWorld, type FakeWorld } from '../../support/fakes/index.js';
import { adminOf, officerOf, PUBLIC_VIEWER } from '../../support/fakes/viewers.js';

const MALL = 'c-mall';
const AGENCY = `${MALL}:agency`;
const OTHER = `${MALL}:other`;
const ADMIN = adminOf(MALL);
const OFFICER = officerOf(AGENCY);
/** Tuesday 2026-12-01 10:00 WIB. */
const TUESDAY = new Date('2026-12-01T03:00:00Z');
/** The end of a mall-local date (WIB), as an ISO instant. */
const endOf = (date: string) => new Date(`${date}T23:59:59+07:00`).toISOString();

const input: SubmitComplaintInput = {
  mallId: MALL,
  category: 'COMPLAINT',
  agencyId: AGENCY,
  serviceId: null,
  ticketId: null,
  subject: 'Antrean terlalu lama',
  description: 'Saya menunggu lebih dari dua jam di loket tanpa kejelasan.',
  anonymous: false,
  confidential: false,
  reporter: { name: 'Budi Santoso', phone: '081234567890', nik: null },
  idempotencyKey: null,
};

function world() {
  return createFakeWorld({
    now: TUESDAY,
    catalogs: [officeHoursCatalog({ mallId: MALL }), officeHoursCatalog({ mallId: 'far-mall' })],
  });
}

/** A submitted complaint and the moves on it, each at the world's clock. */
async function complaint(w: FakeWorld) {
  const service = () => w.complaintService();
  const submitted = await service().submit(PUBLIC_VIEWER, input, w.clock.now());
  const { id } = submitted.complaint;
  const code = submitted.trackingCode;
  return {
    submitted,
    id,
    code,
    verify: (message: string | null = null, viewer = ADMIN) =>
      service().verify(viewer, id, message, w.clock.now()),
    assign: (agencyId = AGENCY, viewer = ADMIN) =>
      service().assign(viewer, id, agencyId, null, w.clock.now()),
    reject: (reason = 'Bukan wewenang mal ini.', viewer = ADMIN) =>
      service().reject(viewer, id, reason, w.clock.now()),
    respond: (
      status: 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED',
      message = 'Sudah kami tangani.',
      viewer = OFFICER,
    ) => service().respond(viewer, id, status, message, w.clock.now()),
    reply: (message = 'Masih bermasalah.') => service().reply(PUBLIC_VIEWER, code, message, w.clock.now()),
    rate: (rating = 5) => service().rate(PUBLIC_VIEWER, code, rating, w.clock.now()),
    track: () => service().byTrackingCode(PUBLIC_VIEWER, code, w.clock.now()),
  };
}

const statusOf = (c: VisibleComplaint | null) => c?.complaint.status;

describe('ComplaintService moves', () => {
  it('runs verify, assign, respond, resolve and rate, each stage with its own deadline', async () => {
    const w = world();
    const c = await complaint(w);
    w.clock.advance(3600_000);
    const verified = await c.verify('Laporan lengkap.');
    expect(verified.complaint.status).toBe('VERIFIED');
    expect(verified.complaint.timeline.at(-1)).toMatchObject({
      status: 'VERIFIED',
      message: 'Laporan lengkap.',
    });
    expect(verified.dueAt).toBe(endOf('2026-12-04')); // verifying keeps the intake's 3 working days

    w.clock.set(new Date('2026-12-03T03:00:00Z')); // Thursday
    const assigned = await c.assign();
    expect(assigned.complaint).toMatchObject({
      status: 'ASSIGNED',
      agencyId: AGENCY,
      assignedAgencyId: AGENCY,
    });
    expect(assigned.complaint.timeline.at(-1)?.message).toBe('Pengaduan diteruskan ke instansi terkait.');
    expect(assigned.dueAt).toBe(endOf('2026-12-10')); // Fri, Mon, Tue, Wed, Thu

    w.clock.advance(24 * 3600_000);
    const working = await c.respond('IN_PROGRESS', 'Sedang kami periksa.');
    expect(working.complaint.status).toBe('IN_PROGRESS');
    expect(working.dueAt).toBe(assigned.dueAt); // an update keeps the answer stage's clock

    w.clock.set(new Date('2026-12-08T03:00:00Z')); // Tuesday
    const resolved = await c.respond('RESOLVED');
    expect(resolved.dueAt).toBe(endOf('2026-12-22')); // 10 working days to the close
    const rated = await c.rate(4);
    expect(rated.complaint).toMatchObject({ status: 'RESOLVED', rating: 4 });
    expect(rated.complaint.version).toBe(6);
    expect(w.complaints.peek(c.id)?.version).toBe(6);
    await expect(c.rate(5)).rejects.toThrow(
      new InvalidTransitionError('This complaint has already been rated.'),
    );
  });

  it('reopens a resolved complaint on the reporter’s reply, with 5 working days again', async () => {
    const w = world();
    const c = await complaint(w);
    await c.verify();
    await c.assign();
    await c.respond('RESOLVED');
    w.clock.set(new Date('2026-12-04T03:00:00Z')); // Friday
    const reopened = await c.reply('Masih belum selesai, mohon dicek lagi.');
    expect(reopened.complaint.status).toBe('IN_PROGRESS');
    expect(reopened.dueAt).toBe(endOf('2026-12-11'));
    expect(reopened.trackingCode).toBe(c.code); // the reporter sees the whole code
    await expect(c.reply()).rejects.toThrow(
      new InvalidTransitionError('This complaint is IN_PROGRESS; it cannot be reopened.'),
    );
  });

  it('rejects a complaint before assignment with a reason, ending its deadline', async () => {
    const w = world();
    const c = await complaint(w);
    await expect(c.reject('Tak')).rejects.toThrow(
      new BadInputError('The reason must be 5 to 500 characters.', 'reason'),
    );
    const rejected = await c.reject();
    expect(rejected.complaint).toMatchObject({ status: 'REJECTED' });
    expect(rejected.complaint.timeline.at(-1)?.message).toBe('Bukan wewenang mal ini.');
    expect([rejected.dueAt, rejected.overdue]).toEqual([null, false]);
    const d = await complaint(w);
    await d.verify();
    expect(statusOf(await d.reject())).toBe('REJECTED');
  });

  it('refuses every move its status does not allow, and writes nothing', async () => {
    const w = world();
    const c = await complaint(w);
    const refusals = async (moves: [string, () => Promise<unknown>][]) => {
      const saves = w.complaints.calls.save;
      for (const [name, move] of moves)
        await expect(move(), name).rejects.toBeInstanceOf(InvalidTransitionError);
      expect(w.complaints.calls.save).toBe(saves);
    };
    await refusals([
      ['assign', () => c.assign()],
      ['respond', () => c.respond('IN_PROGRESS', 'Kami cek.', ADMIN)],
      ['reply', () => c.reply()],
      ['rate', () => c.rate()],
    ]);
    await c.verify();
    await refusals([
      ['verify', () => c.verify()],
      ['respond', () => c.respond('RESOLVED', 'x', ADMIN)],
      ['rate', () => c.rate()],
    ]);
    await c.assign();
    await refusals([
      ['verify', () => c.verify()],
      ['assign', () => c.assign()],
      ['reject', () => c.reject()],
      ['reply', () => c.reply()],
    ]);
    await expect(c.respond('CLOSED')).rejects.toThrow(
      new BadInputError('An answer sets the status IN_PROGRESS or RESOLVED.', 'status'),
    );
    await expect(c.respond('RESOLVED', '   ')).rejects.toBeInstanceOf(BadInputError);
    await c.respond('RESOLVED');
    await expect(c.rate(6)).rejects.toThrow(
      new BadInputError('The rating must be a whole number from 1 to 5.', 'rating'),
    );
    await expect(c.rate(2.5)).rejects.toBeInstanceOf(BadInputError);
    expect(w.complaints.peek(c.id)?.rating).toBeNull();
  });

  it('lets only the mall’s admins verify, assign and reject, and the assigned agency or an admin answer', async () => {
    const w = world();
    const c = await complaint(w);
    await expect(c.verify(null, PUBLIC_VIEWER)).rejects.toBeInstanceOf(UnauthenticatedError);
    for (const viewer of [OFFICER, adminOf('far-mall')]) {
      await expect(c.verify(null, viewer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(c.reject(undefined, viewer)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await c.verify();
    await expect(c.assign(AGENCY, OFFICER)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(c.assign('far-mall:agency')).rejects.toThrow(
      new NotFoundError('No such agency in this mall.'),
    );
    await expect(c.assign(`${MALL}:nope`)).rejects.toBeInstanceOf(NotFoundError);
    await c.assign(OTHER);
    await expect(c.respond('IN_PROGRESS', 'Kami cek.', OFFICER)).rejects.toThrow(
      new ForbiddenError('Only the agency the complaint was assigned to may answer it.'),
    );
    await expect(c.respond('IN_PROGRESS', 'Kami cek.', PUBLIC_VIEWER)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    const answered = await c.respond('IN_PROGRESS', 'Kami cek.', officerOf(OTHER));
    // The assigned officer sees the reporter, but not the whole tracking code.
    expect(answered.reporter).toEqual({ name: 'Budi Santoso', phone: '081234567890', nik: null });
    expect(answered.trackingCode).not.toBe(c.code);
    expect(statusOf(await c.respond('RESOLVED', 'Selesai.', ADMIN))).toBe('RESOLVED');
  });

  it('refuses unknown complaints and tracking codes', async () => {
    const w = world();
    const service = w.complaintService();
    await expect(service.verify(ADMIN, 'cnosuch', null, w.clock.now())).rejects.toThrow(
      new NotFoundError('No such complaint.'),
    );
    await expect(service.verify(ADMIN, '', null, w.clock.now())).rejects.toBeInstanceOf(NotFoundError);
    for (const code of ['AAAA-AAAA-AAAA-A', 'not a code']) {
      await expect(service.reply(PUBLIC_VIEWER, code, 'Halo semuanya.', w.clock.now())).rejects.toThrow(
        new NotFoundError('No complaint has this tracking code.'),
      );
      await expect(service.rate(PUBLIC_VIEWER, code, 5, w.clock.now())).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe('ComplaintService deadlines and the close', () => {
  it('closes a resolved complaint after 10 working days on read, and persists it with the next write', async () => {
    const w = world();
    const c = await complaint(w);
    await c.verify();
    await c.assign();
    const resolved = await c.respond('RESOLVED');
    expect(resolved.dueAt).toBe(endOf('2026-12-15'));
    w.clock.set(new Date('2026-12-15T16:00:00Z')); // 23:00 WIB on the last day
    expect(statusOf(await c.track())).toBe('RESOLVED');
    w.clock.set(new Date('2026-12-15T17:00:00Z')); // past 23:59:59 WIB
    const closed = await c.track();
    expect(closed?.complaint.status).toBe('CLOSED');
    expect([closed?.dueAt, closed?.overdue]).toEqual([null, false]);
    expect(closed?.complaint.timeline.at(-1)).toEqual({
      at: endOf('2026-12-15'),
      status: 'CLOSED',
      message: 'Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja.',
      author: 'SYSTEM',
      by: null,
    });
    expect(w.complaints.peek(c.id)?.status).toBe('RESOLVED'); // nothing was written by reading

    await expect(c.reply()).rejects.toThrow(
      new InvalidTransitionError('This complaint is CLOSED; it cannot be reopened.'),
    );
    const rated = await c.rate(3);
    expect(rated.complaint).toMatchObject({ status: 'CLOSED', rating: 3 });
    expect(w.complaints.peek(c.id)).toMatchObject({ status: 'CLOSED', dueAt: null, rating: 3 });
  });

  it('marks a stage overdue past its deadline while it awaits action, never once answered', async () => {
    const w = world();
    const c = await complaint(w);
    await c.verify();
    await c.assign();
    w.clock.set(new Date('2026-12-09T00:00:00Z')); // after the 5 working days of the answer stage
    expect((await c.track())?.overdue).toBe(true);
    const late = await c.respond('IN_PROGRESS');
    expect(late.overdue).toBe(true); // an update does not restart the stage
    expect((await c.respond('RESOLVED')).overdue).toBe(false);
  });
});

describe('ComplaintService under contention', () => {
  it('gives one of two answers at once the write, and CONFLICT to the other when it still makes sense', async () => {
    const w = world();
    const c = await complaint(w);
    await c.verify();
    await c.assign();
    const results = await Promise.allSettled([
      c.respond('IN_PROGRESS', 'Satu.'),
      c.respond('IN_PROGRESS', 'Dua.'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConflictError);
    expect(w.complaints.peek(c.id)?.timeline).toHaveLength(4);
  });

  it('says INVALID_TRANSITION when the other writer made the move pointless', async () => {
    const w = world();
    const c = await complaint(w);
    w.complaints.beforeSave = async () => {
      w.complaints.beforeSave = null;
      await c.reject('Dobel dengan laporan lain.');
    };
    await expect(c.verify()).rejects.toThrow(
      new InvalidTransitionError('This complaint is REJECTED; it cannot be verified.'),
    );
    expect(statusOf(await c.track())).toBe('REJECTED');
  });
});
