/**
 * AdminService on the fakes: catalog changes written through the catalog fake with
 * their audit entries (and seen by this instance at once), schedule exceptions, machine
 * clients, the audit log, who may do what, and a change that loses the race.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ServiceData } from '../../../src/domain/admin/admin-service.js';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { createFakeWorld, type FakeWorld } from '../../support/fakes/index.js';
import { adminOf, officerOf, PUBLIC_VIEWER, partnerOf } from '../../support/fakes/viewers.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

const MALL = 'adm-mall';
const AGENCY = `${MALL}:agency`;
const ADMIN = adminOf(MALL);

function world() {
  return createFakeWorld({
    catalogs: [fixtureCatalog({ mallId: MALL }), fixtureCatalog({ mallId: 'far-mall' })],
  });
}

const serviceInput = (extra: Partial<ServiceData> = {}): ServiceData => ({
  agencyId: AGENCY,
  slug: 'legalisir',
  code: 'LEG',
  name: 'Legalisir Dokumen',
  ticketPrefix: 'L',
  requirements: ['KTP'],
  procedure: ['Ambil antrean', 'Serahkan dokumen'],
  processingTime: '1 hari kerja',
  feeAmount: 0,
  product: 'Dokumen terlegalisir',
  legalBasis: ['Peraturan contoh'],
  averageServiceMinutes: 12,
  ...extra,
});

function publicJwk(): string {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return JSON.stringify(publicKey.export({ format: 'jwk' }));
}

const auditOf = (w: FakeWorld) =>
  w.admin.entries.map((e) => [e.entry.action, e.entry.target, e.entry.by.subject]);

describe('AdminService catalog changes', () => {
  it('creates and changes an agency, a service and a counter, each with its audit entry, seen at once', async () => {
    const w = world();
    const admin = w.adminService();
    const before = await w.catalogReader.mallCatalog(MALL);
    const agency = await admin.upsertAgency(ADMIN, {
      mallId: MALL,
      slug: 'pajak',
      name: 'Bapenda',
      kind: 'REGIONAL',
    });
    expect(agency).toMatchObject({ id: `${MALL}:pajak`, name: 'Bapenda', active: true, schedule: null });
    const service = await admin.upsertService(ADMIN, serviceInput({ agencyId: agency.id }));
    expect(service).toMatchObject({
      id: `${MALL}:pajak:legalisir`,
      feeRupiah: 0,
      cutoffMinutes: 30,
      dailyQuota: null,
    });
    const counter = await admin.upsertCounter(ADMIN, {
      agencyId: agency.id,
      slug: 'loket-1',
      name: 'Loket Pajak',
      serviceIds: [service.id],
    });
    expect(counter.active).toBe(true);
    // This instance's next request sees the change without reading the table.
    const loads = w.catalogs.calls.loadMall;
    const after = await w.catalogReader.mallCatalog(MALL);
    expect(after).not.toBe(before);
    expect(after?.services.get(service.id)?.name).toBe('Legalisir Dokumen');
    expect(w.catalogs.calls.loadMall).toBe(loads);
    expect((await w.catalogs.readForWrite(MALL))?.version).toBe(3);
    expect((await w.catalogs.readForWrite(MALL))?.provenance.get(service.id)).toEqual({
      createdBy: 'API',
      changedBy: 'API',
    });
    const renamed = await admin.upsertService(
      ADMIN,
      serviceInput({ agencyId: agency.id, name: 'Legalisasi' }),
    );
    expect(renamed.name).toBe('Legalisasi');
    expect(auditOf(w)).toEqual([
      ['upsertAgency', agency.id, ADMIN.subject],
      ['upsertService', service.id, ADMIN.subject],
      ['upsertCounter', counter.id, ADMIN.subject],
      ['upsertService', service.id, ADMIN.subject],
    ]);
  });

  it('writes nothing for a change that changes nothing', async () => {
    const w = world();
    const input = { mallId: MALL, slug: 'pajak', name: 'Bapenda', kind: 'REGIONAL' };
    await w.adminService().upsertAgency(ADMIN, input);
    const commits = w.catalogs.calls.commit;
    await w.adminService().upsertAgency(ADMIN, input);
    expect(w.catalogs.calls.commit).toBe(commits);
    expect(w.admin.entries).toHaveLength(1);
  });

  it('refuses what the catalog rules refuse, naming the field', async () => {
    const w = world();
    const admin = w.adminService();
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => admin.upsertAgency(ADMIN, { mallId: MALL, slug: 'Not A Slug', name: 'X', kind: 'REGIONAL' }),
        'input.slug',
      ],
      [() => admin.upsertService(ADMIN, serviceInput({ ticketPrefix: 'A' })), 'input.ticketPrefix'], // taken by svc1
      [() => admin.upsertService(ADMIN, serviceInput({ ticketPrefix: 'toolong' })), 'input.ticketPrefix'],
      [
        () =>
          admin.upsertCounter(ADMIN, { agencyId: AGENCY, slug: 'loket-9', name: 'Loket 9', serviceIds: [] }),
        'input.serviceIds',
      ],
    ];
    for (const [refused, field] of cases) {
      await expect(refused().catch((e: BadInputError) => [e.constructor, e.field])).resolves.toEqual([
        BadInputError,
        field,
      ]);
    }
    await expect(admin.upsertService(ADMIN, serviceInput({ agencyId: `${MALL}:nope` }))).rejects.toThrow(
      new NotFoundError('No such agency.'),
    );
    expect(w.catalogs.calls.commit).toBe(0);
  });

  it('lets only the mall’s admins change its catalog', async () => {
    const w = world();
    const input = { mallId: MALL, slug: 'pajak', name: 'Bapenda', kind: 'REGIONAL' };
    await expect(w.adminService().upsertAgency(PUBLIC_VIEWER, input)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    for (const viewer of [officerOf(AGENCY), partnerOf(AGENCY), adminOf('far-mall')]) {
      await expect(w.adminService().upsertAgency(viewer, input), viewer.role).rejects.toThrow(
        new ForbiddenError('Only the mall’s admins may administer it.'),
      );
    }
    await expect(
      w.adminService().upsertAgency(adminOf('ghost-mall'), { ...input, mallId: 'ghost-mall' }),
    ).rejects.toThrow(new NotFoundError('No such mall.'));
  });

  it('tries again when another write of the mall came first, and gives up with CONFLICT after three', async () => {
    const w = world();
    const input = { mallId: MALL, slug: 'pajak', name: 'Bapenda', kind: 'REGIONAL' };
    const other = { mallId: MALL, slug: 'lain', name: 'Badan Lain', kind: 'VERTICAL' };
    let raced = 0;
    w.catalogs.beforeCommit = async () => {
      if (raced++ > 0) return;
      const hook = w.catalogs.beforeCommit;
      w.catalogs.beforeCommit = null;
      await w.adminService().upsertAgency(ADMIN, other);
      w.catalogs.beforeCommit = hook;
    };
    await w.adminService().upsertAgency(ADMIN, input);
    const catalog = await w.catalogs.readForWrite(MALL);
    expect(catalog?.catalog.agencies.map((a) => a.id)).toEqual([AGENCY, `${MALL}:lain`, `${MALL}:pajak`]);
    expect(catalog?.version).toBe(2);

    w.catalogs.beforeCommit = async () => {
      const hook = w.catalogs.beforeCommit;
      w.catalogs.beforeCommit = null;
      await w.adminService().upsertAgency(ADMIN, { ...other, name: `Badan ${w.catalogs.calls.commit}` });
      w.catalogs.beforeCommit = hook;
    };
    await expect(w.adminService().upsertAgency(ADMIN, { ...input, name: 'Bapenda Baru' })).rejects.toThrow(
      new ConflictError('The mall’s data changed meanwhile; try again.'),
    );
  });
});

describe('AdminService schedule exceptions', () => {
  it('sets and removes a day’s hours of the mall or an agency; a partner only for its own agency', async () => {
    const w = world();
    const admin = w.adminService();
    const holiday = { date: '2026-12-25', intervals: [], reason: 'Natal' };
    const mall = await admin.setScheduleException(ADMIN, { scopeId: MALL, ...holiday });
    expect(mall.chain[0]?.exceptions).toEqual([{ date: '2026-12-25', intervals: [], reason: 'Natal' }]);
    const partner = partnerOf(AGENCY);
    const short = await admin.setScheduleException(partner, {
      scopeId: AGENCY,
      date: '2026-12-24',
      intervals: [{ opens: '08:00', closes: '12:00' }],
      reason: 'Malam Natal',
    });
    expect(short.chain).toHaveLength(2); // the mall's hours, narrowed by the agency's own
    await expect(admin.setScheduleException(partner, { scopeId: MALL, ...holiday })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const removed = await admin.removeScheduleException(ADMIN, MALL, '2026-12-25');
    expect(removed.chain[0]?.exceptions).toEqual([]);
    await expect(admin.removeScheduleException(ADMIN, MALL, '2026-12-25')).rejects.toThrow(
      new NotFoundError('No schedule exception on 2026-12-25.'),
    );
    await expect(admin.removeScheduleException(ADMIN, MALL, '2026-13-01')).rejects.toBeInstanceOf(
      BadInputError,
    );
    expect(auditOf(w).map(([action, target]) => [action, target])).toEqual([
      ['setScheduleException', `${MALL}@2026-12-25`],
      ['setScheduleException', `${AGENCY}@2026-12-24`],
      ['removeScheduleException', `${MALL}@2026-12-25`],
    ]);
  });
});

describe('AdminService machine clients and the audit log', () => {
  it('registers a kiosk and a partner, lists them oldest first, and revokes once', async () => {
    const w = world();
    const admin = w.adminService();
    const kiosk = await admin.registerMachineClient(ADMIN, {
      kind: 'KIOSK',
      name: 'Kiosk lobi',
      mallId: MALL,
      publicKeyJwk: publicJwk(),
    });
    expect(kiosk).toMatchObject({ kind: 'KIOSK', mallId: MALL, agencyId: null, revokedAt: null });
    expect(kiosk.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    w.clock.advance(1000);
    const partner = await admin.registerMachineClient(ADMIN, {
      kind: 'PARTNER',
      name: 'Sistem instansi',
      mallId: MALL,
      agencyId: AGENCY,
      publicKeyJwk: publicJwk(),
    });
    expect((await admin.machineClients(ADMIN, MALL)).map((c) => c.id)).toEqual([kiosk.id, partner.id]);
    w.clock.advance(1000);
    const revoked = await admin.revokeMachineClient(ADMIN, kiosk.id);
    expect(revoked.revokedAt).toBe(w.clock.now().toISOString());
    w.clock.advance(1000);
    expect((await admin.revokeMachineClient(ADMIN, kiosk.id)).revokedAt).toBe(revoked.revokedAt);
    expect(w.changedClients).toEqual([kiosk.id, partner.id, kiosk.id]);
    expect(auditOf(w).map(([action]) => action)).toEqual([
      'registerMachineClient',
      'registerMachineClient',
      'revokeMachineClient',
    ]);
  });

  it('refuses a kiosk of an agency, a partner without one of this mall, a bad key, and other callers', async () => {
    const w = world();
    const admin = w.adminService();
    const base = { name: 'Klien', mallId: MALL, publicKeyJwk: publicJwk() };
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => admin.registerMachineClient(ADMIN, { ...base, kind: 'KIOSK', agencyId: AGENCY }),
        'input.agencyId',
      ],
      [() => admin.registerMachineClient(ADMIN, { ...base, kind: 'PARTNER' }), 'input.agencyId'],
      [
        () => admin.registerMachineClient(ADMIN, { ...base, kind: 'PARTNER', agencyId: 'far-mall:agency' }),
        'input.agencyId',
      ],
      [
        () => admin.registerMachineClient(ADMIN, { ...base, kind: 'KIOSK', publicKeyJwk: '{"kty":"RSA"}' }),
        'input.publicKeyJwk',
      ],
    ];
    for (const [refused, field] of cases) {
      await expect(refused().catch((e: BadInputError) => [e.constructor, e.field])).resolves.toEqual([
        BadInputError,
        field,
      ]);
    }
    await expect(
      admin.registerMachineClient(officerOf(AGENCY), { ...base, kind: 'KIOSK' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const client = await admin.registerMachineClient(ADMIN, { ...base, kind: 'KIOSK' });
    await expect(admin.revokeMachineClient(PUBLIC_VIEWER, client.id)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    await expect(admin.revokeMachineClient(adminOf('far-mall'), client.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(admin.revokeMachineClient(ADMIN, 'mc-nosuch')).rejects.toThrow(
      new NotFoundError('No such machine client.'),
    );
    await expect(admin.machineClients(officerOf(AGENCY), MALL)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('reads the audit log newest first, page by page, to the mall’s admins only', async () => {
    const w = world();
    const admin = w.adminService();
    for (const slug of ['satu', 'dua', 'tiga']) {
      w.clock.advance(1000);
      await admin.upsertAgency(ADMIN, { mallId: MALL, slug, name: `Badan ${slug}`, kind: 'REGIONAL' });
    }
    await w.adminService().upsertAgency(adminOf('far-mall'), {
      mallId: 'far-mall',
      slug: 'x',
      name: 'Badan X',
      kind: 'REGIONAL',
    });
    const first = await admin.auditLog(ADMIN, MALL, 2, null);
    const second = await admin.auditLog(ADMIN, MALL, 2, first.nextCursor);
    expect([...first.edges, ...second.edges].map((e) => e.entry.target)).toEqual([
      `${MALL}:tiga`,
      `${MALL}:dua`,
      `${MALL}:satu`,
    ]);
    expect(second.nextCursor).toBeNull();
    await expect(admin.auditLog(ADMIN, MALL, 0, null)).rejects.toBeInstanceOf(BadInputError);
    await expect(admin.auditLog(ADMIN, MALL, 2, 'bm90LWEtY3Vyc29y')).rejects.toThrow(
      new BadInputError('after: is not a cursor of this list.', 'after'),
    );
    await expect(admin.auditLog(officerOf(AGENCY), MALL, 2, null)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
