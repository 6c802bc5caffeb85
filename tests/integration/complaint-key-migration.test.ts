/**
 * The one-off key migration of complaints stored before the complaint desk (docs/data-model.md,
 * 'Migrating complaints'), on DynamoDB Local: legacy items, written here exactly as the old store wrote
 * them (id an unkeyed hash of the code, code and reporter in clear, listed under the agency they named),
 * become current complaints that the API finds by code and by their new id; nothing personal stays in
 * clear; a second run does nothing; an item without a code is left alone and reported.
 * The reporters below are made up.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { secretsFromKey } from '../../src/app/secrets.js';
import { complaintIdOf } from '../../src/domain/complaints/tracking-code.js';
import { migrateComplaintKeys } from '../../src/dynamo/complaints/complaint-key-migration.js';
import { complaintKeys, GSI1, GSI2 } from '../../src/dynamo/shared/keys.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { createHarness, type Harness, TEST_SECRET_KEY } from '../support/harness.js';

const MALL = 'mig-mall';
const AGENCY = `${MALL}:agency`;
const AT = '2026-11-24T03:00:00.000Z';

interface LegacySpec {
  code: string | null;
  status: 'RECEIVED' | 'VERIFIED' | 'ASSIGNED' | 'RESOLVED';
  reporter: { name: string; phone: string; nik: string } | null;
  subject: string;
}

const LEGACY: LegacySpec[] = [
  {
    code: 'K7QX-M3RP-9WHT-E',
    status: 'RECEIVED',
    reporter: { name: 'Agus Salim', phone: '081211112222', nik: '1802040101900001' },
    subject: 'Antrean lama sekali',
  },
  {
    code: 'B8ZN-Q4TD-6VJC-H',
    status: 'ASSIGNED',
    reporter: { name: 'Rina Marlina', phone: '081233334444', nik: '1802044202910002' },
    subject: 'Petugas tidak ramah',
  },
  {
    code: 'Z2RW-Y5KS-7MFA-P',
    status: 'RESOLVED',
    reporter: null,
    subject: 'Loket tutup lebih awal',
  },
];

/** A complaint item exactly as the store wrote it before the desk. */
function legacyItem(spec: LegacySpec, n: number): Record<string, unknown> {
  const id = spec.code ? complaintIdOf(spec.code) : `c${'0'.repeat(31)}${n}`;
  const submittedAt = new Date(Date.parse(AT) + n * 60_000).toISOString();
  const assigned = spec.status === 'ASSIGNED' || spec.status === 'RESOLVED';
  const timeline = [
    { at: submittedAt, status: 'RECEIVED', message: 'Pengaduan diterima.' },
    ...(assigned
      ? [
          { at: submittedAt, status: 'VERIFIED', message: 'Pengaduan diverifikasi.' },
          { at: submittedAt, status: 'ASSIGNED', message: 'Pengaduan diteruskan ke instansi terkait.' },
        ]
      : []),
    ...(spec.status === 'RESOLVED' ? [{ at: submittedAt, status: 'RESOLVED', message: 'Sudah.' }] : []),
  ];
  const sort = `${submittedAt}#${id}`;
  return {
    pk: `COMPLAINT#${id}`,
    sk: 'COMPLAINT',
    type: 'COMPLAINT',
    id,
    trackingCode: spec.code,
    mallId: MALL,
    category: 'COMPLAINT',
    agencyId: AGENCY,
    serviceId: null,
    ticketId: null,
    subject: spec.subject,
    description: 'Keluhan yang dicatat sebelum meja pengaduan ada.',
    status: spec.status,
    anonymous: false,
    confidential: false,
    reporter: spec.reporter,
    submittedAt,
    stageStartedAt: submittedAt,
    dueAt: spec.status === 'RESOLVED' ? '2026-12-31T16:59:59.000Z' : '2026-11-27T16:59:59.000Z',
    assignedAgencyId: assigned ? AGENCY : null,
    timeline,
    rating: null,
    version: timeline.length,
    [GSI1.pk]: complaintKeys.byMall(MALL),
    [GSI1.sk]: sort,
    // The old agency listing held every complaint that named the agency, screened or not.
    [GSI2.pk]: complaintKeys.byAgency(AGENCY),
    [GSI2.sk]: sort,
  };
}

describe('the complaint key migration', () => {
  let h: Harness;
  const secrets = secretsFromKey(TEST_SECRET_KEY);
  const random = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };
  const migrate = () => migrateComplaintKeys(h.table.client, h.table.tableName, secrets, random);
  const scan = async () =>
    (await h.table.client.send(new ScanCommand({ TableName: h.table.tableName }))).Items ?? [];

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [fixtureCatalog({ mallId: MALL })],
      new Date('2026-12-01T03:00:00Z'),
    );
    const items = [
      ...LEGACY,
      { code: null, status: 'RECEIVED', reporter: null, subject: 'Tanpa kode' } as LegacySpec,
    ].map(legacyItem);
    for (const Item of items)
      await h.table.client.send(new PutCommand({ TableName: h.table.tableName, Item }));
    // One complaint made by the current code: the migration must leave it as it is.
    await h.gql(
      `mutation { submitComplaint(input: { mallId: "${MALL}", category: COMPLAINT, subject: "Keluhan baru", description: "Keluhan yang dibuat sesudah meja pengaduan." }) { id } }`,
    );
  });

  afterAll(async () => h?.close());

  it('re-keys every legacy complaint with a code, once, and reports what it could not', async () => {
    const first = await migrate();
    expect(first).toMatchObject({ examined: 5, migrated: 3, alreadyCurrent: 1, changedMeanwhile: [] });
    expect(first.withoutCode).toEqual([`c${'0'.repeat(31)}3`]);
    console.log(`migration: first run ${JSON.stringify(first)}`);

    const second = await migrate();
    expect(second).toMatchObject({ examined: 5, migrated: 0, alreadyCurrent: 4, changedMeanwhile: [] });
    expect(second.withoutCode).toEqual(first.withoutCode);
    console.log(`migration: second run ${JSON.stringify(second)}`);
  });

  it('leaves complaints that the API finds by code and by their new random id, with status, timeline and reporter', async () => {
    const admin = await h.token({ role: 'ADMIN', mallId: MALL });
    const officer = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: AGENCY });
    for (const spec of LEGACY) {
      const code = spec.code as string;
      const r = await h.gql<{
        complaint: {
          id: string;
          status: string;
          subject: string;
          reporter: { name: string; phone: string; nik: string } | null;
          timeline: { status: string; author: string; by: string | null }[];
        };
      }>(
        'query($code: String!) { complaint(trackingCode: $code) { id status subject reporter { name phone nik } timeline { status author by } } }',
        { code },
        admin,
      );
      expect(r.complaint.id).toMatch(/^c[0-9a-f]{32}$/);
      expect(r.complaint.id).not.toBe(complaintIdOf(code)); // random now: the old id told of the code
      expect(r.complaint.status).toBe(spec.status);
      expect(r.complaint.subject).toBe(spec.subject);
      expect(r.complaint.reporter).toEqual(spec.reporter);
      expect(r.complaint.timeline[0]).toEqual({ status: 'RECEIVED', author: 'CITIZEN', by: null });
      expect(r.complaint.timeline.slice(1).map((e) => e.author)).toEqual(
        r.complaint.timeline.slice(1).map((e) => (e.status === 'RESOLVED' ? 'AGENCY' : 'MALL')),
      );
      // Staff move it by its new id.
      const moved = await h.raw(
        `mutation { rejectComplaint(id: "${r.complaint.id}", reason: "Bukan wewenang MPP.") { status } }`,
        undefined,
        admin,
      );
      expect(moved.errors?.[0]?.extensions?.code ?? 'ok').toBe(
        spec.status === 'RECEIVED' ? 'ok' : 'INVALID_TRANSITION',
      );
    }
    // The agency lists only what is assigned to it now (the old index listed what named it).
    const listed = await h.gql<{ complaints: { edges: { node: { subject: string } }[] } }>(
      '{ complaints(first: 50) { edges { node { subject } } } }',
      undefined,
      officer,
    );
    expect(listed.complaints.edges.map((e) => e.node.subject).sort()).toEqual([
      'Loket tutup lebih awal',
      'Petugas tidak ramah',
    ]);
  });

  it('keeps no code, name, phone or NIK in clear for what it migrated', async () => {
    const text = JSON.stringify(await scan());
    for (const spec of LEGACY) {
      for (const secret of [spec.code as string, ...(spec.reporter ? Object.values(spec.reporter) : [])]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toContain(`COMPLAINT#${complaintIdOf(spec.code as string)}`);
    }
  });
});
