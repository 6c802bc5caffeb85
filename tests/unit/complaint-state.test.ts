/**
 * The complaint state machine (docs/domain-rules.md, 'Complaints'):
 *   RECEIVED → VERIFIED → ASSIGNED → IN_PROGRESS → RESOLVED → CLOSED; RECEIVED | VERIFIED → REJECTED;
 *   RESOLVED ─REPLY→ IN_PROGRESS; RESOLVED | CLOSED ─RATE→ (same, once, 1 to 5).
 * The complaint desk (docs/domain-rules.md, 'Complaint desk'): ASSIGNED | IN_PROGRESS ─REASSIGN→ ASSIGNED
 * (another agency), ASSIGNED | IN_PROGRESS ─RETURN→ VERIFIED, any ─ERASE→ (same status).
 * Every (status × move) pair is checked; a refusal changes nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  applyComplaintMove,
  COMPLAINT_STATUSES,
  type Complaint,
  type ComplaintEvent,
  type ComplaintMove,
  type ComplaintStatus,
  isAwaitingAction,
  isOverdue,
  legacyEventAuthor,
  personalDataExpiryOf,
} from '../../src/domain/complaints/complaint.js';
import { BadInputError, InvalidTransitionError } from '../../src/domain/shared/errors.js';

const MALL = 'lampung-tengah';
const POLRES = `${MALL}:polres`;
const DUKCAPIL = `${MALL}:disdukcapil`;

const SUBMITTED_AT = '2026-12-01T03:00:00.000Z';
const VERIFIED_AT = '2026-12-01T04:00:00.000Z';
const ASSIGNED_AT = '2026-12-02T02:00:00.000Z';
const ANSWERED_AT = '2026-12-03T02:00:00.000Z';
const RESOLVED_AT = '2026-12-04T02:00:00.000Z';
const CLOSED_AT = '2026-12-18T16:59:59.000Z';
const NOW = new Date('2026-12-07T03:30:00.000Z');
const NOW_ISO = NOW.toISOString();

function event(at: string, status: ComplaintStatus, message: string | null): ComplaintEvent {
  return { at, status, message, author: 'MALL', by: 'admin-1' };
}

/**
 * A complaint in `status` as the store would hold it, built by hand (not through applyComplaintMove)
 * so the fixtures do not depend on the code under test.
 */
function complaintIn(status: ComplaintStatus, overrides: Partial<Complaint> = {}): Complaint {
  const received = event(SUBMITTED_AT, 'RECEIVED', 'Pengaduan diterima.');
  const verified = event(VERIFIED_AT, 'VERIFIED', 'Pengaduan diverifikasi.');
  const assigned = event(ASSIGNED_AT, 'ASSIGNED', 'Pengaduan diteruskan ke instansi terkait.');
  const answered = event(ANSWERED_AT, 'IN_PROGRESS', 'Sedang kami periksa.');
  const resolved = event(RESOLVED_AT, 'RESOLVED', 'SKCK sudah dapat diambil.');
  const base: Complaint = {
    id: 'c0123456789abcdef0123456789abcdef',
    codeKey: 'a'.repeat(64),
    mallId: MALL,
    category: 'COMPLAINT',
    agencyId: POLRES,
    serviceId: `${POLRES}:skck`,
    ticketId: null,
    subject: 'Antrean SKCK terlalu lama',
    description: 'Saya menunggu tiga jam tanpa dipanggil.',
    status,
    anonymous: false,
    confidential: false,
    reporter: {
      masked: { name: 'B*** S***', phone: '********7890', nik: '************0123' },
      sealed: 'sealed-reporter',
    },
    reporterErasedAt: null,
    personalDataExpiresAt: null,
    submittedAt: SUBMITTED_AT,
    stageStartedAt: SUBMITTED_AT,
    dueAt: '2026-12-04T16:59:59.000Z',
    assignedAgencyId: null,
    timeline: [received],
    rating: null,
    version: 1,
  };
  const assignedFields = { assignedAgencyId: POLRES, stageStartedAt: ASSIGNED_AT };
  const byStatus: Record<ComplaintStatus, Partial<Complaint>> = {
    RECEIVED: {},
    VERIFIED: { timeline: [received, verified], version: 2 },
    ASSIGNED: { ...assignedFields, timeline: [received, verified, assigned], version: 3 },
    IN_PROGRESS: { ...assignedFields, timeline: [received, verified, assigned, answered], version: 4 },
    RESOLVED: {
      ...assignedFields,
      stageStartedAt: RESOLVED_AT,
      timeline: [received, verified, assigned, answered, resolved],
      version: 5,
    },
    CLOSED: {
      ...assignedFields,
      stageStartedAt: RESOLVED_AT,
      dueAt: null,
      timeline: [received, verified, assigned, answered, resolved, event(CLOSED_AT, 'CLOSED', 'Ditutup.')],
      version: 6,
    },
    REJECTED: {
      dueAt: null,
      timeline: [received, event(VERIFIED_AT, 'REJECTED', 'Bukan wewenang MPP.')],
      version: 2,
    },
  };
  return { ...base, ...byStatus[status], ...overrides };
}

/** One representative move of each kind (RESPOND twice: an update and a resolution). */
const MOVES = {
  VERIFY: { kind: 'VERIFY', message: 'Data pelapor lengkap.' },
  ASSIGN: { kind: 'ASSIGN', agencyId: DUKCAPIL, message: 'Diteruskan ke Disdukcapil.' },
  REJECT: { kind: 'REJECT', reason: 'Bukan wewenang MPP.' },
  RESPOND_IN_PROGRESS: { kind: 'RESPOND', status: 'IN_PROGRESS', message: 'Sedang kami periksa.' },
  RESPOND_RESOLVED: { kind: 'RESPOND', status: 'RESOLVED', message: 'SKCK sudah dapat diambil.' },
  REPLY: { kind: 'REPLY', message: 'Belum bisa diambil, mohon dicek lagi.' },
  RATE: { kind: 'RATE', rating: 4 },
  CLOSE: { kind: 'CLOSE' },
  REASSIGN: { kind: 'REASSIGN', agencyId: DUKCAPIL, reason: 'Wewenang Disdukcapil.' },
  RETURN: { kind: 'RETURN', reason: 'Bukan wewenang kami.' },
  ERASE: { kind: 'ERASE' },
} as const satisfies Record<string, ComplaintMove>;
type MoveName = keyof typeof MOVES;
const MOVE_NAMES = Object.keys(MOVES) as MoveName[];

/** The status each allowed (move, from) pair leads to; every pair not listed must be refused. */
const ALLOWED: Record<MoveName, Partial<Record<ComplaintStatus, ComplaintStatus>>> = {
  VERIFY: { RECEIVED: 'VERIFIED' },
  ASSIGN: { VERIFIED: 'ASSIGNED' },
  REJECT: { RECEIVED: 'REJECTED', VERIFIED: 'REJECTED' },
  RESPOND_IN_PROGRESS: { ASSIGNED: 'IN_PROGRESS', IN_PROGRESS: 'IN_PROGRESS' },
  RESPOND_RESOLVED: { ASSIGNED: 'RESOLVED', IN_PROGRESS: 'RESOLVED' },
  REPLY: { RESOLVED: 'IN_PROGRESS' },
  RATE: { RESOLVED: 'RESOLVED', CLOSED: 'CLOSED' },
  CLOSE: { RESOLVED: 'CLOSED' },
  REASSIGN: { ASSIGNED: 'ASSIGNED', IN_PROGRESS: 'ASSIGNED' },
  RETURN: { ASSIGNED: 'VERIFIED', IN_PROGRESS: 'VERIFIED' },
  ERASE: Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, s])),
};

/** Moves that start a new stage clock (ASSIGN, resolving, and the reporter's reply). */
const RESETS_STAGE = new Set<MoveName>(['ASSIGN', 'RESPOND_RESOLVED', 'REPLY', 'REASSIGN', 'RETURN']);

/** The message a timeline entry must carry for each move that adds one. */
const EXPECTED_MESSAGE: Partial<Record<MoveName, string>> = {
  VERIFY: 'Data pelapor lengkap.',
  ASSIGN: 'Diteruskan ke Disdukcapil.',
  REJECT: 'Bukan wewenang MPP.',
  RESPOND_IN_PROGRESS: 'Sedang kami periksa.',
  RESPOND_RESOLVED: 'SKCK sudah dapat diambil.',
  REPLY: 'Belum bisa diambil, mohon dicek lagi.',
  REASSIGN: 'Wewenang Disdukcapil.',
  RETURN: 'Bukan wewenang kami.',
  ERASE: 'Data pribadi pelapor dihapus.',
};

function pairs(allowed: boolean): [MoveName, ComplaintStatus][] {
  return MOVE_NAMES.flatMap((move) =>
    COMPLAINT_STATUSES.filter((s) => (ALLOWED[move][s] !== undefined) === allowed).map(
      (s) => [move, s] as [MoveName, ComplaintStatus],
    ),
  );
}

/** Calls `fn` and returns what it threw (failing the test when it throws nothing). */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  expect.fail('expected an error');
}

describe('the transition table', () => {
  it('covers all 7 statuses × 11 moves, 23 allowed and 54 refused', () => {
    expect(COMPLAINT_STATUSES).toHaveLength(7);
    expect(pairs(true)).toHaveLength(23);
    expect(pairs(false)).toHaveLength(54);
  });
});

describe('allowed moves', () => {
  it.each(pairs(true))('%s from %s', (moveName, from) => {
    const before = complaintIn(from);
    const copy = structuredClone(before);
    const after = applyComplaintMove(before, MOVES[moveName], NOW);
    const to = ALLOWED[moveName][from];

    expect(after.status).toBe(to);
    expect(after.version).toBe(before.version + 1);
    // The input is never mutated.
    expect(before).toEqual(copy);
    expect(after).not.toBe(before);

    if (moveName === 'RATE') {
      // A rating is not a step of the handling: same status, same timeline.
      expect(after.rating).toBe(4);
      expect(after.timeline).toEqual(before.timeline);
    } else {
      expect(after.timeline).toHaveLength(before.timeline.length + 1);
      expect(after.timeline.slice(0, -1)).toEqual(before.timeline);
      const last = after.timeline.at(-1);
      expect(last?.at).toBe(NOW_ISO);
      expect(last?.status).toBe(to);
      expect(typeof last?.message).toBe('string');
      expect(last?.message?.length).toBeGreaterThan(0);
      const message = EXPECTED_MESSAGE[moveName];
      if (message !== undefined) expect(last?.message).toBe(message);
    }

    if (RESETS_STAGE.has(moveName)) expect(after.stageStartedAt).toBe(NOW_ISO);
    else expect(after.stageStartedAt).toBe(before.stageStartedAt);

    // What the move does not concern stays as it was.
    expect(after.id).toBe(before.id);
    expect(after.codeKey).toBe(before.codeKey);
    if (moveName === 'ERASE') expect(after.reporter).toBeNull();
    else expect(after.reporter).toEqual(before.reporter);
    expect(after.submittedAt).toBe(before.submittedAt);
    expect(after.subject).toBe(before.subject);
    expect(after.description).toBe(before.description);
  });
});

describe('refused moves', () => {
  it.each(pairs(false))('%s from %s throws InvalidTransitionError and changes nothing', (moveName, from) => {
    const before = complaintIn(from);
    const copy = structuredClone(before);
    const error = thrownBy(() => applyComplaintMove(before, MOVES[moveName], NOW));
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as InvalidTransitionError).code).toBe('INVALID_TRANSITION');
    expect(before).toEqual(copy);
  });
});

describe('VERIFY', () => {
  it('without a message writes a default one', () => {
    const after = applyComplaintMove(complaintIn('RECEIVED'), { kind: 'VERIFY', message: null }, NOW);
    expect(after.timeline.at(-1)).toMatchObject({
      at: NOW_ISO,
      status: 'VERIFIED',
      message: 'Pengaduan diverifikasi.',
      author: 'SYSTEM',
      by: null,
    });
  });

  it('keeps the intake clock running from submission (the 3 working days count from submission)', () => {
    const after = applyComplaintMove(complaintIn('RECEIVED'), MOVES.VERIFY, NOW);
    expect(after.stageStartedAt).toBe(SUBMITTED_AT);
  });

  it('trims the message and refuses a blank or over-long one with BadInputError', () => {
    const trimmed = applyComplaintMove(
      complaintIn('RECEIVED'),
      { kind: 'VERIFY', message: '  Lengkap.  ' },
      NOW,
    );
    expect(trimmed.timeline.at(-1)?.message).toBe('Lengkap.');
    const c = complaintIn('RECEIVED');
    const copy = structuredClone(c);
    expect(() => applyComplaintMove(c, { kind: 'VERIFY', message: '   ' }, NOW)).toThrow(BadInputError);
    expect(() => applyComplaintMove(c, { kind: 'VERIFY', message: 'x'.repeat(2001) }, NOW)).toThrow(
      BadInputError,
    );
    expect(c).toEqual(copy);
    expect(applyComplaintMove(c, { kind: 'VERIFY', message: 'x'.repeat(2000) }, NOW).status).toBe('VERIFIED');
  });
});

describe('ASSIGN', () => {
  it('sets the answering agency and starts the 5-day answer stage', () => {
    const after = applyComplaintMove(complaintIn('VERIFIED'), MOVES.ASSIGN, NOW);
    expect(after.assignedAgencyId).toBe(DUKCAPIL);
    expect(after.agencyId).toBe(DUKCAPIL);
    expect(after.stageStartedAt).toBe(NOW_ISO);
  });

  it('without a message writes a default one', () => {
    const after = applyComplaintMove(
      complaintIn('VERIFIED'),
      { kind: 'ASSIGN', agencyId: POLRES, message: null },
      NOW,
    );
    expect(after.timeline.at(-1)).toMatchObject({
      at: NOW_ISO,
      status: 'ASSIGNED',
      message: 'Pengaduan diteruskan ke instansi terkait.',
    });
  });

  it('cannot skip verification', () => {
    expect(() => applyComplaintMove(complaintIn('RECEIVED'), MOVES.ASSIGN, NOW)).toThrow(
      InvalidTransitionError,
    );
  });
});

describe('REJECT', () => {
  it.each(['RECEIVED', 'VERIFIED'] as const)('from %s records the reason as the message', (from) => {
    const after = applyComplaintMove(
      complaintIn(from),
      { kind: 'REJECT', reason: '  bukan wewenang  ' },
      NOW,
    );
    expect(after.status).toBe('REJECTED');
    expect(after.timeline.at(-1)).toMatchObject({
      at: NOW_ISO,
      status: 'REJECTED',
      message: 'bukan wewenang',
    });
  });

  it('needs a reason of 5 to 500 characters (after trimming)', () => {
    const c = complaintIn('RECEIVED');
    const copy = structuredClone(c);
    for (const reason of ['', '    ', 'abcd', '  abcd  ', 'x'.repeat(501)]) {
      const error = thrownBy(() => applyComplaintMove(c, { kind: 'REJECT', reason }, NOW));
      expect(error, JSON.stringify(reason)).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).field).toBe('reason');
    }
    expect(c).toEqual(copy);
    expect(applyComplaintMove(c, { kind: 'REJECT', reason: 'abcde' }, NOW).status).toBe('REJECTED');
    expect(applyComplaintMove(c, { kind: 'REJECT', reason: 'x'.repeat(500) }, NOW).status).toBe('REJECTED');
  });

  it('is refused once assigned, whatever the reason', () => {
    expect(() =>
      applyComplaintMove(complaintIn('ASSIGNED'), { kind: 'REJECT', reason: 'Bukan wewenang MPP.' }, NOW),
    ).toThrow(InvalidTransitionError);
  });
});

describe('RESPOND', () => {
  it.each(COMPLAINT_STATUSES.filter((s) => s !== 'IN_PROGRESS' && s !== 'RESOLVED'))(
    'with status %s is a BadInputError on field status',
    (status) => {
      const c = complaintIn('ASSIGNED');
      const copy = structuredClone(c);
      const error = thrownBy(() =>
        applyComplaintMove(c, { kind: 'RESPOND', status, message: 'Jawaban.' }, NOW),
      );
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).field).toBe('status');
      expect(c).toEqual(copy);
    },
  );

  it('an update (IN_PROGRESS) keeps the answer stage clock; resolving starts the auto-close clock', () => {
    const update = applyComplaintMove(complaintIn('ASSIGNED'), MOVES.RESPOND_IN_PROGRESS, NOW);
    expect(update.stageStartedAt).toBe(ASSIGNED_AT);
    const again = applyComplaintMove(complaintIn('IN_PROGRESS'), MOVES.RESPOND_IN_PROGRESS, NOW);
    expect(again.stageStartedAt).toBe(ASSIGNED_AT);
    const resolved = applyComplaintMove(complaintIn('IN_PROGRESS'), MOVES.RESPOND_RESOLVED, NOW);
    expect(resolved.stageStartedAt).toBe(NOW_ISO);
  });

  it('needs a message', () => {
    const c = complaintIn('ASSIGNED');
    expect(() => applyComplaintMove(c, { kind: 'RESPOND', status: 'RESOLVED', message: '  ' }, NOW)).toThrow(
      BadInputError,
    );
    expect(() =>
      applyComplaintMove(c, { kind: 'RESPOND', status: 'RESOLVED', message: 'x'.repeat(2001) }, NOW),
    ).toThrow(BadInputError);
  });
});

describe('REPLY', () => {
  it('sends a RESOLVED complaint back to IN_PROGRESS and restarts the answer stage', () => {
    const before = complaintIn('RESOLVED');
    const after = applyComplaintMove(before, MOVES.REPLY, NOW);
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.stageStartedAt).toBe(NOW_ISO);
    expect(after.stageStartedAt).not.toBe(before.stageStartedAt);
    expect(after.timeline.at(-1)).toMatchObject({
      at: NOW_ISO,
      status: 'IN_PROGRESS',
      message: 'Belum bisa diambil, mohon dicek lagi.',
    });
    // The agency keeps the complaint.
    expect(after.assignedAgencyId).toBe(POLRES);
  });

  it('needs a message', () => {
    expect(() => applyComplaintMove(complaintIn('RESOLVED'), { kind: 'REPLY', message: ' ' }, NOW)).toThrow(
      BadInputError,
    );
  });

  it('cannot reopen a CLOSED complaint', () => {
    expect(() => applyComplaintMove(complaintIn('CLOSED'), MOVES.REPLY, NOW)).toThrow(InvalidTransitionError);
  });
});

describe('RATE', () => {
  it.each([1, 2, 3, 4, 5])('accepts %i on RESOLVED and on CLOSED', (rating) => {
    for (const from of ['RESOLVED', 'CLOSED'] as const) {
      const after = applyComplaintMove(complaintIn(from), { kind: 'RATE', rating }, NOW);
      expect(after.rating).toBe(rating);
      expect(after.status).toBe(from);
    }
  });

  it.each([0, 6, 2.5, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s with BadInputError',
    (rating) => {
      const c = complaintIn('RESOLVED');
      const copy = structuredClone(c);
      const error = thrownBy(() => applyComplaintMove(c, { kind: 'RATE', rating }, NOW));
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).field).toBe('rating');
      expect(c).toEqual(copy);
    },
  );

  it('only once: a second rating is an InvalidTransitionError and keeps the first', () => {
    const rated = applyComplaintMove(complaintIn('RESOLVED'), { kind: 'RATE', rating: 5 }, NOW);
    const copy = structuredClone(rated);
    expect(() => applyComplaintMove(rated, { kind: 'RATE', rating: 1 }, NOW)).toThrow(InvalidTransitionError);
    expect(rated).toEqual(copy);
    expect(rated.rating).toBe(5);
    expect(() =>
      applyComplaintMove(complaintIn('CLOSED', { rating: 3 }), { kind: 'RATE', rating: 3 }, NOW),
    ).toThrow(InvalidTransitionError);
  });

  it.each(COMPLAINT_STATUSES.filter((s) => s !== 'RESOLVED' && s !== 'CLOSED'))(
    'is refused on %s (InvalidTransitionError, even for a valid rating)',
    (from) => {
      expect(() => applyComplaintMove(complaintIn(from), { kind: 'RATE', rating: 5 }, NOW)).toThrow(
        InvalidTransitionError,
      );
    },
  );
});

describe('CLOSE', () => {
  it('closes a RESOLVED complaint with the auto-close message', () => {
    const after = applyComplaintMove(complaintIn('RESOLVED'), MOVES.CLOSE, NOW);
    expect(after.status).toBe('CLOSED');
    expect(after.timeline.at(-1)?.status).toBe('CLOSED');
    expect(after.timeline.at(-1)?.message).toMatch(/10 hari kerja/);
  });

  it.each(COMPLAINT_STATUSES.filter((s) => s !== 'RESOLVED'))('is refused from %s', (from) => {
    expect(() => applyComplaintMove(complaintIn(from), MOVES.CLOSE, NOW)).toThrow(InvalidTransitionError);
  });
});

describe('a whole life', () => {
  it('RECEIVED → VERIFIED → ASSIGNED → IN_PROGRESS → RESOLVED → IN_PROGRESS → RESOLVED → CLOSED, rated', () => {
    let c = complaintIn('RECEIVED');
    const steps: ComplaintMove[] = [
      MOVES.VERIFY,
      MOVES.ASSIGN,
      MOVES.RESPOND_IN_PROGRESS,
      MOVES.RESPOND_RESOLVED,
      MOVES.REPLY,
      MOVES.RESPOND_RESOLVED,
      MOVES.CLOSE,
      { kind: 'RATE', rating: 5 },
    ];
    steps.forEach((move, i) => {
      c = applyComplaintMove(c, move, new Date(Date.parse(SUBMITTED_AT) + (i + 1) * 3_600_000));
    });
    expect(c.status).toBe('CLOSED');
    expect(c.rating).toBe(5);
    expect(c.version).toBe(9);
    expect(c.timeline.map((e) => e.status)).toEqual([
      'RECEIVED',
      'VERIFIED',
      'ASSIGNED',
      'IN_PROGRESS',
      'RESOLVED',
      'IN_PROGRESS',
      'RESOLVED',
      'CLOSED',
    ]);
  });
});

describe('isAwaitingAction', () => {
  it('is true exactly for the stages the mall or agency must act on', () => {
    expect(COMPLAINT_STATUSES.filter(isAwaitingAction)).toEqual([
      'RECEIVED',
      'VERIFIED',
      'ASSIGNED',
      'IN_PROGRESS',
    ]);
  });
});

describe('the complaint desk (docs/domain-rules.md, "Complaint desk")', () => {
  const AGENCY_ACTOR = { author: 'AGENCY', by: 'officer-polres-7' } as const;
  const MALL_ACTOR = { author: 'MALL', by: 'admin-lt-1' } as const;

  it('REASSIGN moves an assigned or answered complaint to another agency, with the reason, and restarts the answer stage', () => {
    for (const from of ['ASSIGNED', 'IN_PROGRESS'] as const) {
      const after = applyComplaintMove(complaintIn(from), MOVES.REASSIGN, NOW, MALL_ACTOR);
      expect(after).toMatchObject({
        status: 'ASSIGNED',
        agencyId: DUKCAPIL,
        assignedAgencyId: DUKCAPIL,
        stageStartedAt: NOW_ISO,
      });
      expect(after.timeline.at(-1)).toEqual({
        at: NOW_ISO,
        status: 'ASSIGNED',
        message: 'Wewenang Disdukcapil.',
        author: 'MALL',
        by: 'admin-lt-1',
      });
    }
  });

  it('REASSIGN needs a reason of 5 to 500 characters and another agency than the current one', () => {
    const c = complaintIn('ASSIGNED');
    const copy = structuredClone(c);
    for (const reason of ['', '    ', 'abc', 'x'.repeat(501)]) {
      const error = thrownBy(() =>
        applyComplaintMove(c, { kind: 'REASSIGN', agencyId: DUKCAPIL, reason }, NOW),
      );
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).field).toBe('reason');
    }
    const same = thrownBy(() =>
      applyComplaintMove(c, { kind: 'REASSIGN', agencyId: POLRES, reason: 'Tetap Polres saja.' }, NOW),
    );
    expect((same as BadInputError).field).toBe('agencyId');
    expect(c).toEqual(copy);
  });

  it('RETURN hands the complaint back to the mall: VERIFIED, no assigned agency, intake clock restarted', () => {
    for (const from of ['ASSIGNED', 'IN_PROGRESS'] as const) {
      const after = applyComplaintMove(complaintIn(from), MOVES.RETURN, NOW, AGENCY_ACTOR);
      expect(after).toMatchObject({ status: 'VERIFIED', assignedAgencyId: null, stageStartedAt: NOW_ISO });
      expect(after.timeline.at(-1)).toMatchObject({ author: 'AGENCY', by: 'officer-polres-7' });
    }
    expect(() => applyComplaintMove(complaintIn('ASSIGNED'), { kind: 'RETURN', reason: 'no' }, NOW)).toThrow(
      BadInputError,
    );
  });

  it('ERASE drops the reporter, keeps everything else and says so in the timeline', () => {
    const before = complaintIn('IN_PROGRESS');
    const after = applyComplaintMove(before, MOVES.ERASE, NOW, MALL_ACTOR);
    expect(after.reporter).toBeNull();
    expect(after.reporterErasedAt).toBe(NOW_ISO);
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.stageStartedAt).toBe(before.stageStartedAt);
    expect(after.timeline.at(-1)).toMatchObject({ status: 'IN_PROGRESS', author: 'MALL', by: 'admin-lt-1' });
  });

  it('refuses text with control characters, bidi overrides or lone surrogates in messages and reasons, naming the field', () => {
    for (const bad of ['Lengkap\u0000.', 'Lengkap \u202Eabc', 'Lengkap \uD800.', '\u200B\u200B\u200B']) {
      const verify = thrownBy(() =>
        applyComplaintMove(complaintIn('RECEIVED'), { kind: 'VERIFY', message: bad }, NOW),
      );
      expect((verify as BadInputError).field, JSON.stringify(bad)).toBe('message');
      const reject = thrownBy(() =>
        applyComplaintMove(complaintIn('RECEIVED'), { kind: 'REJECT', reason: bad }, NOW),
      );
      expect((reject as BadInputError).field, JSON.stringify(bad)).toBe('reason');
    }
    // New lines and tabs are a message's own; the stored form is NFC.
    const ok = applyComplaintMove(
      complaintIn('RECEIVED'),
      { kind: 'VERIFY', message: 'Baris satu\r\n\tdua Cafe\u0301' },
      NOW,
    );
    expect(ok.timeline.at(-1)?.message).toBe('Baris satu\n\tdua Caf\u00e9');
  });

  it('isOverdue: past the deadline of a stage awaiting action only', () => {
    expect(isOverdue({ status: 'ASSIGNED', dueAt: '2026-12-01T00:00:00.000Z' }, NOW)).toBe(true);
    expect(isOverdue({ status: 'ASSIGNED', dueAt: '2026-12-31T00:00:00.000Z' }, NOW)).toBe(false);
    expect(isOverdue({ status: 'RESOLVED', dueAt: '2026-12-01T00:00:00.000Z' }, NOW)).toBe(false);
    expect(isOverdue({ status: 'REJECTED', dueAt: null }, NOW)).toBe(false);
  });

  it('personal data expires 2 years after the complaint closes (at its auto-close) or is rejected, never while open', () => {
    expect(personalDataExpiryOf(complaintIn('RESOLVED', { dueAt: '2026-12-18T16:59:59.000Z' }))).toBe(
      '2028-12-18T16:59:59.000Z',
    );
    expect(personalDataExpiryOf(complaintIn('CLOSED'))).toBe('2028-12-18T16:59:59.000Z');
    expect(personalDataExpiryOf(complaintIn('REJECTED'))).toBe('2028-12-01T04:00:00.000Z');
    for (const open of ['RECEIVED', 'VERIFIED', 'ASSIGNED', 'IN_PROGRESS'] as const) {
      expect(personalDataExpiryOf(complaintIn(open))).toBeNull();
    }
  });

  it('names the author of entries written before entries had one', () => {
    expect(COMPLAINT_STATUSES.map(legacyEventAuthor)).toEqual([
      'CITIZEN',
      'MALL',
      'MALL',
      'AGENCY',
      'AGENCY',
      'SYSTEM',
      'MALL',
    ]);
  });
});
