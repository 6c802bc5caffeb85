/**
 * Mall administration through the real Lambda handler (docs/domain-rules.md, 'Administration and machine
 * clients'): the mutations with the load's rules, nothing half-written, freshness across instances, ticket
 * numbering across a prefix change and a deactivation, files and the API not undoing each other, machine
 * clients (verification, revocation on every instance, forged tokens) and the audit log.
 */
import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDeclaredCatalog } from '../../src/domain/admin/catalog-load.js';
import type { MallCatalog } from '../../src/domain/catalog/catalog.js';
import { DynamoCatalogStore } from '../../src/dynamo/catalog/catalog-store.js';
import { newMachineKeyPair, signMachineToken } from '../../src/local/machine-client-key.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { execute, type GraphQLResponse } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';

// Tuesday 2026-12-01 10:00 WIB; the fixture mall is open all day.
const START = new Date('2026-12-01T03:00:00Z');
const MALL = 'admin-mall';
const AGENCY = `${MALL}:agency`;

const UPSERT_AGENCY = `mutation($input: AgencyInput!) { upsertAgency(input: $input) { id name active schedule { weekly { weekday intervals { opens closes } } } } }`;
const UPSERT_SERVICE = `mutation($input: ServiceInput!) { upsertService(input: $input) { id ticketPrefix active dailyQuota complaintHandling agency { id } } }`;
const UPSERT_COUNTER = `mutation($input: CounterInput!) { upsertCounter(input: $input) { id name active services { id } } }`;
const SET_EXCEPTION = `mutation($input: ScheduleExceptionInput!) { setScheduleException(input: $input) { days(from: "2026-12-02", to: "2026-12-02") { date reason intervals { opens closes } } } }`;
const REMOVE_EXCEPTION = `mutation($scopeId: ID!, $date: Date!) { removeScheduleException(scopeId: $scopeId, date: $date) { days(from: $date, to: $date) { reason intervals { opens } } } }`;
const REGISTER = `mutation($input: RegisterMachineClientInput!) { registerMachineClient(input: $input) { id kind name mallId agencyId createdAt revokedAt } }`;
const REVOKE = `mutation($id: ID!) { revokeMachineClient(id: $id) { id revokedAt } }`;
const AUDIT = `query($mallId: ID!, $first: Int, $after: String) { auditLog(mallId: $mallId, first: $first, after: $after) {
  edges { cursor node { at action target by { role mallId agencyId subject } } } pageInfo { hasNextPage endCursor } } }`;
const CLIENTS = `query($mallId: ID!) { machineClients(mallId: $mallId) { id kind name revokedAt } }`;
const AGENCY_SERVICES = `query($id: ID!) { agency(id: $id) { id name services { id ticketPrefix } counters { id } } }`;
const TAKE = `mutation($serviceId: ID!) { takeTicket(input: { serviceId: $serviceId }) { id number status } }`;
const ME = `query { me { role mallId agencyId subject } }`;

function serviceInput(slug: string, prefix: string, more: Record<string, unknown> = {}) {
  return {
    agencyId: AGENCY,
    slug,
    code: slug.toUpperCase(),
    name: `Layanan ${slug}`,
    ticketPrefix: prefix,
    requirements: ['KTP-el asli'],
    procedure: ['Ambil antrean', 'Serahkan berkas'],
    processingTime: '1 hari kerja',
    feeAmount: 0,
    product: 'Surat keterangan',
    legalBasis: ['Perbup Lampung Tengah 1/2026'],
    averageServiceMinutes: 10,
    ...more,
  };
}

function codeOf(r: GraphQLResponse<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code as string | undefined;
}

describe('mall administration', () => {
  let h: Harness;
  let admin: string;

  /** Every item of the test's table, hashed: what "the table is unchanged" compares. */
  async function tableDigest(): Promise<string> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await h.table.client.send(
        new ScanCommand({ TableName: h.table.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const lines = items.map((i) => JSON.stringify(i, Object.keys(i).sort())).sort();
    return createHash('sha256').update(lines.join('\n')).digest('hex');
  }

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [fixtureCatalog({ mallId: MALL, services: [{}, {}] })],
      START,
    );
    admin = await h.token({ role: 'ADMIN', mallId: MALL });
    // Every change through the API comes after the harness's load, in the audit log too.
    h.clock.advance(1_000);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates a service in at most 3 DynamoDB requests, seen by the next request of the instance at once', async () => {
    let created: GraphQLResponse<{ upsertService: { id: string; complaintHandling: string } }> | undefined;
    const requests = await h.countRequests(async () => {
      created = await h.raw(UPSERT_SERVICE, { input: serviceInput('paspor', 'P') }, admin);
    });
    expect(created?.errors).toBeUndefined();
    expect(created?.data?.upsertService.id).toBe(`${AGENCY}:paspor`);
    expect(requests).toBeLessThanOrEqual(3);
    const seen = await h.gql<{ agency: { services: { id: string }[] } }>(AGENCY_SERVICES, { id: AGENCY });
    expect(seen.agency.services.map((s) => s.id)).toContain(`${AGENCY}:paspor`);
  });

  it('sets, keeps and removes a booking policy with the rules of the data files', async () => {
    const POLICY = `query($id: ID!) { service(id: $id) { bookingPolicy { slotMinutes capacityPerSlot walkInShare } } }`;
    const id = `${AGENCY}:paspor`;
    await h.gql(
      UPSERT_SERVICE,
      { input: serviceInput('paspor', 'P', { bookingPolicy: { slotMinutes: 30, capacityPerSlot: 4 } }) },
      admin,
    );
    const set = await h.gql<{ service: { bookingPolicy: unknown } }>(POLICY, { id });
    expect(set.service.bookingPolicy).toEqual({ slotMinutes: 30, capacityPerSlot: 4, walkInShare: 0.5 });
    await h.gql(UPSERT_SERVICE, { input: serviceInput('paspor', 'P', { dailyQuota: 80 }) }, admin);
    expect(
      (await h.gql<{ service: { bookingPolicy: unknown } }>(POLICY, { id })).service.bookingPolicy,
    ).toEqual(set.service.bookingPolicy);
    const refused = await h.raw(
      UPSERT_SERVICE,
      { input: serviceInput('paspor', 'P', { bookingPolicy: { walkInShare: 1 } }) },
      admin,
    );
    expect(refused.errors?.[0]?.message).toBe(
      'input.bookingPolicy.walkInShare: must be below 1: a share of 1 leaves nothing to book',
    );
    await h.gql(UPSERT_SERVICE, { input: serviceInput('paspor', 'P', { bookingPolicy: null }) }, admin);
    expect(
      (await h.gql<{ service: { bookingPolicy: unknown } }>(POLICY, { id })).service.bookingPolicy,
    ).toBeNull();
  });

  it('reaches another instance within the catalog cache age (30 s)', async () => {
    const other = h.newInstance();
    const read = () =>
      execute<{ agency: { name: string } }>(other, `query($id: ID!) { agency(id: $id) { name } }`, {
        id: AGENCY,
      });
    expect((await read()).data?.agency.name).toBe('Dinas Uji');
    await h.gql(
      UPSERT_AGENCY,
      { input: { mallId: MALL, slug: 'agency', name: 'Dinas Uji Baru', kind: 'REGIONAL' } },
      admin,
    );
    expect((await read()).data?.agency.name).toBe('Dinas Uji'); // the other instance's copy is still warm
    h.clock.advance(30_000);
    expect((await read()).data?.agency.name).toBe('Dinas Uji Baru');
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await tableDigest();
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [
        UPSERT_SERVICE,
        { input: serviceInput('dup', 'A') },
        /input\.ticketPrefix: A is already used by admin-mall:agency:svc1/,
      ],
      [
        UPSERT_SERVICE,
        { input: serviceInput('bad', 'abcd') },
        /input\.ticketPrefix: must be 1 to 3 uppercase/,
      ],
      [UPSERT_SERVICE, { input: serviceInput('neg', 'N', { feeAmount: -1 }) }, /input\.feeAmount/],
      [
        UPSERT_COUNTER,
        { input: { agencyId: AGENCY, slug: 'x', name: 'Loket X', serviceIds: [`${MALL}:other:svc1`] } },
        /input\.serviceIds\[0\]: no service admin-mall:other:svc1 in this agency/,
      ],
      [
        UPSERT_AGENCY,
        {
          input: {
            mallId: MALL,
            slug: 'imigrasi',
            name: 'Kantor Imigrasi',
            kind: 'VERTICAL',
            weekly: [
              {
                weekday: 'MONDAY',
                intervals: [
                  { opens: '08:00', closes: '12:00' },
                  { opens: '11:00', closes: '15:00' },
                ],
              },
            ],
          },
        },
        /input\.weekly\[0\]\.intervals: intervals of one day must not overlap/,
      ],
      [
        UPSERT_AGENCY,
        {
          input: {
            mallId: MALL,
            slug: 'imigrasi',
            name: 'Kantor Imigrasi',
            kind: 'VERTICAL',
            weekly: [{ weekday: 'MONDAY', intervals: [{ opens: '15:00', closes: '08:00' }] }],
          },
        },
        /input\.weekly\[0\]\.intervals\[0\]: closes must be later than opens/,
      ],
      [
        SET_EXCEPTION,
        {
          input: {
            scopeId: AGENCY,
            date: '2026-12-02',
            intervals: [{ opens: '10:00', closes: '09:00' }],
            reason: 'Banjir',
          },
        },
        /input\.intervals\[0\]: closes must be later than opens/,
      ],
    ];
    for (const [query, variables, message] of cases) {
      const r = await h.raw(query, variables, admin);
      expect(codeOf(r), JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(message);
    }
    expect(await tableDigest()).toBe(before);
  });

  it('keeps numbering and issued tickets across a prefix change and a deactivation', async () => {
    const svc = `${AGENCY}:svc2`;
    const kiosk = await h.token({ role: 'KIOSK', mallId: MALL });
    const first = await h.gql<{ takeTicket: { id: string; number: string } }>(
      TAKE,
      { serviceId: svc },
      kiosk,
    );
    expect(first.takeTicket.number).toBe('B-001');
    await h.gql(
      UPSERT_SERVICE,
      { input: serviceInput('svc2', 'Q', { code: 'SVC2', name: 'Layanan 2' }) },
      admin,
    );
    const second = await h.gql<{ takeTicket: { number: string } }>(TAKE, { serviceId: svc }, kiosk);
    expect(second.takeTicket.number).toBe('Q-002'); // the day's sequence goes on under the new prefix
    await h.gql(
      UPSERT_SERVICE,
      { input: serviceInput('svc2', 'Q', { code: 'SVC2', name: 'Layanan 2', active: false }) },
      admin,
    );
    expect(codeOf(await h.raw(TAKE, { serviceId: svc }, kiosk))).toBe('NOT_FOUND');
    const old = await h.gql<{
      ticket: { number: string; status: string; service: { id: string; active: boolean } };
    }>(`query($id: ID!) { ticket(id: $id) { number status service { id active } } }`, {
      id: first.takeTicket.id,
    });
    expect(old.ticket).toEqual({ number: 'B-001', status: 'WAITING', service: { id: svc, active: false } });
    // The ticket already issued is still served: called by its id at a counter of its agency, and finished.
    const officer = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: AGENCY });
    const called = await h.raw<{ callTicket: { number: string; status: string } }>(
      `mutation($id: ID!, $c: ID!) { callTicket(id: $id, counterId: $c) { number status } }`,
      { id: first.takeTicket.id, c: `${AGENCY}:loket-1` },
      officer,
    );
    expect(called.errors).toBeUndefined();
    expect(called.data?.callTicket).toEqual({ number: 'B-001', status: 'CALLED' });
  });

  it('lets a PARTNER set and remove exceptions of its own agency only', async () => {
    const partner = await h.token({ role: 'PARTNER', mallId: MALL, agencyId: AGENCY });
    h.clock.advance(1_000);
    const closed = await h.gql<{
      setScheduleException: { days: { reason: string; intervals: unknown[] }[] };
    }>(
      SET_EXCEPTION,
      { input: { scopeId: AGENCY, date: '2026-12-02', intervals: [], reason: 'Gangguan sistem' } },
      partner,
    );
    expect(closed.setScheduleException.days).toEqual([
      { date: '2026-12-02', reason: 'Gangguan sistem', intervals: [] },
    ]);
    const mall = await h.raw(
      SET_EXCEPTION,
      { input: { scopeId: MALL, date: '2026-12-02', intervals: [], reason: 'x' } },
      partner,
    );
    expect(codeOf(mall)).toBe('FORBIDDEN');
    h.clock.advance(1_000);
    const removed = await h.gql<{ removeScheduleException: { days: { reason: string | null }[] } }>(
      REMOVE_EXCEPTION,
      { scopeId: AGENCY, date: '2026-12-02' },
      partner,
    );
    expect(removed.removeScheduleException.days[0]?.reason).toBeNull();
  });

  it('lists the audit log newest first, in pages, with who made each change', async () => {
    const page1 = await h.gql<{
      auditLog: {
        edges: { node: { action: string; target: string; by: { role: string; subject: string } } }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>(AUDIT, { mallId: MALL, first: 2 }, admin);
    expect(page1.auditLog.edges.map((e) => e.node.action)).toEqual([
      'removeScheduleException',
      'setScheduleException',
    ]);
    expect(page1.auditLog.edges[0]?.node.by.role).toBe('PARTNER');
    expect(page1.auditLog.edges[0]?.node.target).toBe(`${AGENCY}@2026-12-02`);
    expect(page1.auditLog.pageInfo.hasNextPage).toBe(true);
    const page2 = await h.gql<{ auditLog: { edges: { node: { action: string } }[] } }>(
      AUDIT,
      { mallId: MALL, first: 2, after: page1.auditLog.pageInfo.endCursor },
      admin,
    );
    expect(page2.auditLog.edges.map((e) => e.node.action)).toEqual(['upsertService', 'upsertService']);
    const all = await h.gql<{ auditLog: { edges: { node: { at: string; by: { subject: string } } }[] } }>(
      AUDIT,
      { mallId: MALL, first: 100 },
      admin,
    );
    const instants = all.auditLog.edges.map((e) => Date.parse(e.node.at));
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
    expect(all.auditLog.edges.at(-1)?.node.by.subject).toBe('loader'); // the harness's load came first
    const officer = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: AGENCY });
    expect(codeOf(await h.raw(AUDIT, { mallId: MALL }, officer))).toBe('FORBIDDEN');
  });

  describe('files and the API', () => {
    const store = () => new DynamoCatalogStore(h.table.client, h.table.tableName);
    const declared = (): MallCatalog => fixtureCatalog({ mallId: 'files-mall', services: [{}] });

    it('never undo each other: a load keeps what the API made, and the files win where they name it', async () => {
      await store().writeCatalog(declared());
      const fadmin = await h.token({ role: 'ADMIN', mallId: 'files-mall' });
      await h.gql(
        UPSERT_AGENCY,
        { input: { mallId: 'files-mall', slug: 'imigrasi', name: 'Kantor Imigrasi', kind: 'VERTICAL' } },
        fadmin,
      );
      await h.gql(
        UPSERT_SERVICE,
        {
          input: {
            ...serviceInput('svc1', 'A', { code: 'SVC1', name: 'Diubah lewat API' }),
            agencyId: 'files-mall:agency',
          },
        },
        fadmin,
      );
      // What `npm start` does: the files did not change since the last load, so nothing is applied.
      const start = await loadDeclaredCatalog(store(), declared(), { at: START, onlyWhenFilesChanged: true });
      expect(start.skipped).toBe(true);
      // An explicit load: the files win where they name something, and say so; the API's agency stays.
      const load = await loadDeclaredCatalog(store(), declared(), { at: START });
      expect(load.overridden).toEqual(['files-mall:agency:svc1']);
      expect(load.keptFromApi).toEqual(['files-mall:imigrasi']);
      expect(load.deactivated).toEqual([]);
      const catalog = await store().loadMall('files-mall');
      expect(catalog?.agencies.find((a) => a.id === 'files-mall:imigrasi')?.active).toBe(true);
      expect(catalog?.services.find((s) => s.id === 'files-mall:agency:svc1')?.name).toBe('Layanan 1');
      // A load deactivates what a load made and the files dropped.
      const fewer = declared();
      fewer.counters = fewer.counters.slice(0, 1);
      const dropped = await loadDeclaredCatalog(store(), fewer, { at: START });
      expect(dropped.deactivated).toEqual(['files-mall:agency:loket-2']);
    });
  });

  describe('machine clients', () => {
    let kioskId: string;
    let kioskKey: JWK;

    it('registers a kiosk whose own ES256 tokens are the KIOSK of its mall, verified with 0 requests when warm', async () => {
      const pair = await newMachineKeyPair();
      kioskKey = pair.privateJwk;
      const r = await h.gql<{
        registerMachineClient: { id: string; kind: string; agencyId: null; revokedAt: null };
      }>(
        REGISTER,
        {
          input: {
            kind: 'KIOSK',
            name: 'Kiosk 1',
            mallId: MALL,
            publicKeyJwk: JSON.stringify(pair.publicJwk),
          },
        },
        admin,
      );
      kioskId = r.registerMachineClient.id;
      expect(kioskId).toMatch(/^mc-[a-z2-7]{26}$/);
      const token = await signMachineToken(kioskId, kioskKey, { withKid: false });
      const me = await h.gql<{ me: unknown }>(ME, {}, token);
      expect(me.me).toEqual({ role: 'KIOSK', mallId: MALL, agencyId: null, subject: kioskId });
      expect(await h.countRequests(() => h.gql(ME, {}, token))).toBe(0);
      const listed = await h.gql<{ machineClients: { id: string }[] }>(CLIENTS, { mallId: MALL }, admin);
      expect(listed.machineClients.map((c) => c.id)).toContain(kioskId);
    });

    it('refuses a forged token (a registered id, another key), a token living over an hour and an expired one', async () => {
      const other = await newMachineKeyPair();
      const forged = await signMachineToken(kioskId, other.privateJwk);
      expect(codeOf(await h.raw(ME, {}, forged))).toBe('UNAUTHENTICATED');
      const long = await signMachineToken(kioskId, kioskKey, { expiresInSeconds: 3601 });
      expect(codeOf(await h.raw(ME, {}, long))).toBe('UNAUTHENTICATED');
      const expired = await signMachineToken(kioskId, kioskKey, {
        issuedAt: new Date(Date.now() - 7200_000),
      });
      expect(codeOf(await h.raw(ME, {}, expired))).toBe('UNAUTHENTICATED');
      const otherSubject = await signMachineToken(kioskId, kioskKey, {
        subject: 'mc-aaaaaaaaaaaaaaaaaaaaaaaaaa',
      });
      expect(codeOf(await h.raw(ME, {}, otherSubject))).toBe('UNAUTHENTICATED');
    });

    it('revokes: refused at once on this instance, within 60 s on every other', async () => {
      const token = await signMachineToken(kioskId, kioskKey);
      const other = h.newInstance();
      const onOther = () => execute(other, ME, {}, { authorization: `Bearer ${token}` });
      expect(codeOf(await onOther())).toBeUndefined(); // the other instance's cache is now warm
      let revokedAt: string | null = null;
      const requests = await h.countRequests(async () => {
        const revoked = await h.gql<{ revokeMachineClient: { revokedAt: string } }>(
          REVOKE,
          { id: kioskId },
          admin,
        );
        revokedAt = revoked.revokeMachineClient.revokedAt;
      });
      expect(revokedAt).not.toBeNull();
      // The client's GetItem, then one TransactWriteItems (the client revoked, its audit entry).
      expect(requests).toBe(2);
      expect(codeOf(await h.raw(ME, {}, token))).toBe('UNAUTHENTICATED');
      h.clock.advance(59_000);
      expect(codeOf(await onOther())).toBeUndefined();
      h.clock.advance(1_000);
      expect(codeOf(await onOther())).toBe('UNAUTHENTICATED');
    });

    it('maps a PARTNER to its mall and agency, and refuses a KIOSK with an agency or a private key', async () => {
      const pair = await newMachineKeyPair();
      const kiosk = await h.raw(
        REGISTER,
        {
          input: {
            kind: 'KIOSK',
            name: 'K',
            mallId: MALL,
            agencyId: AGENCY,
            publicKeyJwk: JSON.stringify(pair.publicJwk),
          },
        },
        admin,
      );
      expect(kiosk.errors?.[0]?.message).toMatch(/^input\.agencyId:/);
      const secret = await h.raw(
        REGISTER,
        {
          input: {
            kind: 'PARTNER',
            name: 'P',
            mallId: MALL,
            agencyId: AGENCY,
            publicKeyJwk: JSON.stringify(pair.privateJwk),
          },
        },
        admin,
      );
      expect(secret.errors?.[0]?.message).toMatch(/^input\.publicKeyJwk: holds a private key/);
      const partner = await h.gql<{ registerMachineClient: { id: string } }>(
        REGISTER,
        {
          input: {
            kind: 'PARTNER',
            name: 'SIMKIM',
            mallId: MALL,
            agencyId: AGENCY,
            publicKeyJwk: JSON.stringify(pair.publicJwk),
          },
        },
        admin,
      );
      const token = await signMachineToken(partner.registerMachineClient.id, pair.privateJwk);
      const me = await h.gql<{ me: unknown }>(ME, {}, token);
      expect(me.me).toEqual({
        role: 'PARTNER',
        mallId: MALL,
        agencyId: AGENCY,
        subject: partner.registerMachineClient.id,
      });
    });
  });
});
