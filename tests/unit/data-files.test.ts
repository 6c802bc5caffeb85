/**
 * The data-file validator. Each test writes its own fixture tree into a fresh temp folder (never
 * the repository's data/, which people edit), then reads it back with readCatalogs.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DataFileIssue,
  DataFilesInvalidError,
  readCatalogs,
} from '../../src/catalog-data/data-files.js';

/** File path under the data root → its content (a string is written as is, anything else as JSON). */
type Tree = Record<string, unknown>;

const roots: string[] = [];

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function writeTree(tree: Tree): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'loket-data-files-'));
  roots.push(root);
  for (const [path, content] of Object.entries(tree)) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

/** The issues readCatalogs refuses the tree with; fails the test when the tree is accepted. */
async function issuesOf(tree: Tree): Promise<DataFileIssue[]> {
  const root = await writeTree(tree);
  const error = await readCatalogs(root).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataFilesInvalidError);
  return (error as DataFilesInvalidError).issues;
}

const MALL = 'malls/lampung-tengah/mall.json';
const POLRES = 'malls/lampung-tengah/agencies/polres.json';
const BPJS = 'malls/lampung-tengah/agencies/bpjs-kesehatan.json';
const HOLIDAYS = 'holidays/indonesia-2026.json';

function holidayFile() {
  return {
    name: 'Libur nasional dan cuti bersama 2026',
    exceptions: [
      { date: '2026-01-01', reason: 'Tahun Baru 2026 Masehi' },
      { date: '2026-08-17', reason: 'Hari Kemerdekaan RI' },
    ],
  };
}

function mallFile(overrides: Record<string, unknown> = {}) {
  return {
    id: 'lampung-tengah',
    name: 'Mal Pelayanan Publik Kabupaten Lampung Tengah',
    regency: 'Kabupaten Lampung Tengah',
    province: 'Lampung',
    timeZone: 'Asia/Jakarta',
    schedule: {
      weekly: {
        MONDAY: [{ opens: '08:00', closes: '15:00' }],
        FRIDAY: [
          { opens: '08:00', closes: '11:30' },
          { opens: '13:30', closes: '15:00' },
        ],
      },
      holidayCalendars: ['indonesia-2026'],
      exceptions: [
        // The mall opens for the flag ceremony only: overrides the calendar's closed day.
        { date: '2026-08-17', intervals: [{ opens: '07:00', closes: '09:00' }], reason: 'Upacara bendera' },
        { date: '2026-11-28', intervals: [{ opens: '08:00', closes: '12:00' }], reason: 'Layanan Sabtu' },
      ],
    },
    ...overrides,
  };
}

function serviceFile(overrides: Record<string, unknown> = {}) {
  return {
    code: 'SKCK',
    name: 'Surat Keterangan Catatan Kepolisian',
    ticketPrefix: 'A',
    requirements: ['Fotokopi KTP'],
    procedure: ['Ambil nomor antrean'],
    processingTime: '1 hari kerja',
    fee: 30000,
    product: 'SKCK',
    legalBasis: ['PP Nomor 76 Tahun 2020'],
    complaintHandling: 'Disampaikan langsung ke petugas',
    averageServiceMinutes: 10,
    ...overrides,
  };
}

function agencyFile(overrides: Record<string, unknown> = {}) {
  return {
    slug: 'polres',
    name: 'Kepolisian Resor Lampung Tengah',
    kind: 'VERTICAL',
    services: [serviceFile()],
    counters: [{ slug: 'loket-1', name: 'Loket Polres 1', services: ['SKCK'] }],
    ...overrides,
  };
}

function bpjsFile(overrides: Record<string, unknown> = {}) {
  return agencyFile({
    slug: 'bpjs-kesehatan',
    name: 'BPJS Kesehatan',
    kind: 'STATE_OWNED',
    services: [serviceFile({ code: 'DAFTAR', name: 'Pendaftaran Peserta', ticketPrefix: 'B', fee: 0 })],
    counters: [{ slug: 'loket-1', name: 'Loket BPJS 1', services: ['DAFTAR'] }],
    ...overrides,
  });
}

function validTree(): Tree {
  return { [HOLIDAYS]: holidayFile(), [MALL]: mallFile(), [POLRES]: agencyFile() };
}

/** The mall file with its Monday replaced. */
function mallWithMonday(intervals: unknown) {
  const mall = mallFile();
  return { ...mall, schedule: { ...mall.schedule, weekly: { ...mall.schedule.weekly, MONDAY: intervals } } };
}

describe('readCatalogs on a valid tree', () => {
  it('loads the mall, its agency, services and counters with defaults filled in', async () => {
    const catalogs = await readCatalogs(await writeTree(validTree()));
    expect(catalogs).toHaveLength(1);
    const [catalog] = catalogs;
    expect(catalog?.mall).toMatchObject({
      id: 'lampung-tengah',
      name: 'Mal Pelayanan Publik Kabupaten Lampung Tengah',
      timeZone: 'Asia/Jakarta',
      address: null,
      settings: { priorityStreakLimit: 2, minRecallsBeforeNoShow: 1, targetWaitMinutes: 30 },
    });
    expect(catalog?.agencies).toEqual([
      {
        id: 'lampung-tengah:polres',
        mallId: 'lampung-tengah',
        name: 'Kepolisian Resor Lampung Tengah',
        shortName: null,
        kind: 'VERTICAL',
        description: null,
        active: true,
        schedule: null,
      },
    ]);
    expect(catalog?.services).toHaveLength(1);
    expect(catalog?.services[0]).toMatchObject({
      id: 'lampung-tengah:polres:skck',
      mallId: 'lampung-tengah',
      agencyId: 'lampung-tengah:polres',
      code: 'SKCK',
      ticketPrefix: 'A',
      feeRupiah: 30000,
      dailyQuota: null,
      cutoffMinutes: 30,
      averageServiceMinutes: 10,
      active: true,
    });
    expect(catalog?.services[0]).not.toHaveProperty('fee');
    expect(catalog?.counters).toEqual([
      {
        id: 'lampung-tengah:polres:loket-1',
        mallId: 'lampung-tengah',
        agencyId: 'lampung-tengah:polres',
        name: 'Loket Polres 1',
        serviceIds: ['lampung-tengah:polres:skck'],
        active: true,
      },
    ]);
  });

  it("fills every weekday and merges the calendar's exceptions, the mall's own winning on the same date", async () => {
    const [catalog] = await readCatalogs(await writeTree(validTree()));
    const schedule = catalog?.mall.schedule;
    expect(schedule?.weekly).toEqual({
      MONDAY: [{ opens: '08:00', closes: '15:00' }],
      TUESDAY: [],
      WEDNESDAY: [],
      THURSDAY: [],
      FRIDAY: [
        { opens: '08:00', closes: '11:30' },
        { opens: '13:30', closes: '15:00' },
      ],
      SATURDAY: [],
      SUNDAY: [],
    });
    expect(schedule?.exceptions).toEqual([
      { date: '2026-01-01', intervals: [], reason: 'Tahun Baru 2026 Masehi' },
      { date: '2026-08-17', intervals: [{ opens: '07:00', closes: '09:00' }], reason: 'Upacara bendera' },
      { date: '2026-11-28', intervals: [{ opens: '08:00', closes: '12:00' }], reason: 'Layanan Sabtu' },
    ]);
  });

  it('gives an agency with its own schedule that schedule, with its calendars', async () => {
    const tree = validTree();
    tree[POLRES] = agencyFile({
      schedule: {
        weekly: { MONDAY: [{ opens: '08:00', closes: '14:00' }] },
        holidayCalendars: ['indonesia-2026'],
      },
    });
    const [catalog] = await readCatalogs(await writeTree(tree));
    expect(catalog?.agencies[0]?.schedule?.weekly.MONDAY).toEqual([{ opens: '08:00', closes: '14:00' }]);
    expect(catalog?.agencies[0]?.schedule?.weekly.FRIDAY).toEqual([]);
    expect(catalog?.agencies[0]?.schedule?.exceptions.map((e) => e.date)).toEqual([
      '2026-01-01',
      '2026-08-17',
    ]);
  });

  it('allows the same ticket prefix in two different malls', async () => {
    const tree = validTree();
    tree['malls/kota-makassar/mall.json'] = mallFile({ id: 'kota-makassar', timeZone: 'Asia/Makassar' });
    tree['malls/kota-makassar/agencies/polres.json'] = agencyFile();
    const catalogs = await readCatalogs(await writeTree(tree));
    expect(catalogs.map((c) => c.mall.id)).toEqual(['kota-makassar', 'lampung-tengah']);
    expect(catalogs.map((c) => c.services[0]?.ticketPrefix)).toEqual(['A', 'A']);
    expect(catalogs[0]?.services[0]?.id).toBe('kota-makassar:polres:skck');
  });

  it('marks the services and counters of an inactive agency inactive', async () => {
    const tree = validTree();
    tree[POLRES] = agencyFile({ active: false });
    const [catalog] = await readCatalogs(await writeTree(tree));
    expect(catalog?.agencies[0]?.active).toBe(false);
    expect(catalog?.services[0]?.active).toBe(false);
    expect(catalog?.counters[0]?.active).toBe(false);
  });
});

describe('readCatalogs refuses an invalid tree', () => {
  it('a ticket prefix used by two agencies of one mall', async () => {
    const tree = validTree();
    tree[BPJS] = bpjsFile({
      services: [serviceFile({ code: 'DAFTAR', name: 'Pendaftaran', ticketPrefix: 'A' })],
    });
    // bpjs-kesehatan.json is read before polres.json, so polres's prefix is the second one.
    expect(await issuesOf(tree)).toEqual([
      {
        file: POLRES,
        field: 'services[0].ticketPrefix',
        reason: 'A is already used by lampung-tengah:bpjs-kesehatan:daftar in this mall',
      },
    ]);
  });

  it('a counter naming an unknown service code', async () => {
    const tree = validTree();
    tree[POLRES] = agencyFile({
      counters: [{ slug: 'loket-1', name: 'Loket 1', services: ['SKCK', 'SIM'] }],
    });
    expect(await issuesOf(tree)).toEqual([
      { file: POLRES, field: 'counters[0].services[1]', reason: 'no service with code SIM in this agency' },
    ]);
  });

  it('a counter naming a service of another agency', async () => {
    const tree = validTree();
    tree[BPJS] = bpjsFile({ counters: [{ slug: 'loket-1', name: 'Loket BPJS 1', services: ['SKCK'] }] });
    const issues = await issuesOf(tree);
    expect(issues).toEqual([
      { file: BPJS, field: 'counters[0].services[0]', reason: 'no service with code SKCK in this agency' },
    ]);
  });

  it('a time of 25:00', async () => {
    const issues = await issuesOf({
      ...validTree(),
      [MALL]: mallWithMonday([{ opens: '08:00', closes: '25:00' }]),
    });
    expect(issues).toEqual([
      {
        file: MALL,
        field: 'schedule.weekly.MONDAY[0].closes',
        reason: 'must be a time HH:mm between 00:00 and 24:00',
      },
    ]);
  });

  it('a closing time before the opening time', async () => {
    const issues = await issuesOf({
      ...validTree(),
      [MALL]: mallWithMonday([{ opens: '15:00', closes: '08:00' }]),
    });
    expect(issues).toEqual([
      { file: MALL, field: 'schedule.weekly.MONDAY[0]', reason: 'closes must be later than opens' },
    ]);
  });

  it('an empty interval (closes equal to opens)', async () => {
    const issues = await issuesOf({
      ...validTree(),
      [MALL]: mallWithMonday([{ opens: '08:00', closes: '08:00' }]),
    });
    expect(issues.map((i) => [i.file, i.field])).toEqual([[MALL, 'schedule.weekly.MONDAY[0]']]);
  });

  it('overlapping intervals on one day, in the file order they are written', async () => {
    const issues = await issuesOf({
      ...validTree(),
      [MALL]: mallWithMonday([
        { opens: '13:00', closes: '15:00' },
        { opens: '08:00', closes: '13:30' },
      ]),
    });
    expect(issues).toEqual([
      { file: MALL, field: 'schedule.weekly.MONDAY', reason: 'intervals of one day must not overlap' },
    ]);
  });

  it('overlapping intervals in an exception', async () => {
    const tree = validTree();
    tree[POLRES] = agencyFile({
      schedule: {
        weekly: {},
        exceptions: [
          {
            date: '2026-12-01',
            intervals: [
              { opens: '08:00', closes: '12:00' },
              { opens: '09:00', closes: '10:00' },
            ],
            reason: 'Layanan khusus',
          },
        ],
      },
    });
    expect(await issuesOf(tree)).toEqual([
      {
        file: POLRES,
        field: 'schedule.exceptions[0].intervals',
        reason: 'intervals of one day must not overlap',
      },
    ]);
  });

  it('an unknown holiday calendar', async () => {
    const mall = mallFile();
    const tree = {
      ...validTree(),
      [MALL]: {
        ...mall,
        schedule: { ...mall.schedule, holidayCalendars: ['indonesia-2026', 'indonesia-2099'] },
      },
    };
    expect(await issuesOf(tree)).toEqual([
      {
        file: MALL,
        field: 'schedule.holidayCalendars',
        reason: 'no holiday calendar "indonesia-2099" in data/holidays',
      },
    ]);
  });

  it('an unknown field at the top of a file', async () => {
    const issues = await issuesOf({ ...validTree(), [MALL]: mallFile({ colour: 'blue' }) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: MALL, field: '(file)' });
    expect(issues[0]?.reason).toContain('colour');
  });

  it('an unknown field inside a service', async () => {
    const tree = validTree();
    tree[POLRES] = agencyFile({ services: [serviceFile({ tarif: 30000 })] });
    const issues = await issuesOf(tree);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: POLRES, field: 'services[0]' });
    expect(issues[0]?.reason).toContain('tarif');
  });

  it('a file that is not valid JSON', async () => {
    const tree = validTree();
    tree[POLRES] = '{ "slug": "polres", ';
    const issues = await issuesOf(tree);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: POLRES, field: '(file)' });
    expect(issues[0]?.reason).toMatch(/^not valid JSON: /);
  });

  it('a mall id that is not its folder name', async () => {
    const issues = await issuesOf({ ...validTree(), [MALL]: mallFile({ id: 'lampung-timur' }) });
    expect(issues).toEqual([
      { file: MALL, field: 'id', reason: 'must equal its folder name "lampung-tengah"' },
    ]);
  });

  it('an agency slug that is not its file name', async () => {
    const tree = validTree();
    tree[POLRES] = agencyFile({ slug: 'polda' });
    expect(await issuesOf(tree)).toEqual([
      { file: POLRES, field: 'slug', reason: 'must equal the file name "polres"' },
    ]);
  });

  it('a time zone outside Indonesia', async () => {
    const issues = await issuesOf({ ...validTree(), [MALL]: mallFile({ timeZone: 'Asia/Tokyo' }) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: MALL, field: 'timeZone' });
    expect(issues[0]?.reason).toContain('Asia/Jakarta');
  });

  it('a fee that is not whole rupiah', async () => {
    const tree = validTree();
    tree[POLRES] = agencyFile({ services: [serviceFile({ fee: 2500.5 })] });
    expect(await issuesOf(tree)).toEqual([
      { file: POLRES, field: 'services[0].fee', reason: 'must be whole rupiah' },
    ]);
  });

  it('a date that does not exist', async () => {
    const tree = validTree();
    tree[HOLIDAYS] = { name: 'Libur 2026', exceptions: [{ date: '2026-02-29', reason: 'Tidak ada' }] };
    // The refused calendar is then also missing for the mall that names it: a second, consequential issue.
    expect(await issuesOf(tree)).toContainEqual({
      file: HOLIDAYS,
      field: 'exceptions[0].date',
      reason: 'must be a real date YYYY-MM-DD',
    });
  });

  it('the same date twice in one holiday calendar', async () => {
    const tree = validTree();
    tree[HOLIDAYS] = {
      name: 'Libur 2026',
      exceptions: [
        { date: '2026-01-01', reason: 'Tahun Baru' },
        { date: '2026-01-01', reason: 'Tahun Baru lagi' },
      ],
    };
    expect(await issuesOf(tree)).toEqual([
      { file: HOLIDAYS, field: 'exceptions[1].date', reason: '2026-01-01 appears twice' },
    ]);
  });

  it('a tree without any mall', async () => {
    const issues = await issuesOf({ [HOLIDAYS]: holidayFile() });
    expect(issues).toEqual([{ file: 'malls', field: '(folder)', reason: 'holds no mall folder' }]);
  });

  it('reports several errors in several files at once, each with its file, field and reason', async () => {
    const tree = validTree();
    tree[HOLIDAYS] = { name: 'Libur 2026', exceptions: [{ date: '2026-13-01', reason: 'Bulan ke-13' }] };
    tree[POLRES] = agencyFile({ services: [serviceFile({ fee: 0.5, ticketPrefix: 'ABCD' })] });
    tree[BPJS] = bpjsFile({ slug: 'bpjs' });
    tree['malls/kota-makassar/mall.json'] = mallFile({ id: 'kota-makassar', timeZone: 'Asia/Tokyo' });
    tree['malls/kota-jayapura/mall.json'] = mallFile({ id: 'kota-jayapura', timeZone: 'Asia/Jayapura' });
    tree['malls/kota-jayapura/agencies/disdukcapil.json'] = '[';

    const root = await writeTree(tree);
    const error = await readCatalogs(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFilesInvalidError);
    const issues = (error as DataFilesInvalidError).issues;
    const located = issues.map((i) => `${i.file} ${i.field}`);
    expect(located).toEqual(
      expect.arrayContaining([
        `${HOLIDAYS} exceptions[0].date`,
        `${POLRES} services[0].ticketPrefix`,
        `${POLRES} services[0].fee`,
        `${BPJS} slug`,
        'malls/kota-makassar/mall.json timeZone',
        'malls/kota-jayapura/agencies/disdukcapil.json (file)',
      ]),
    );
    for (const issue of issues) expect(issue.reason.length).toBeGreaterThan(0);
    // The message lists every issue too, for the load command's output.
    for (const issue of issues) expect((error as Error).message).toContain(`${issue.file}: ${issue.field}: `);
  });

  it("still checks a mall's agency files when the mall file itself is invalid", async () => {
    const tree = validTree();
    tree[MALL] = mallFile({ timeZone: 'Asia/Tokyo' });
    tree[POLRES] = agencyFile({ services: [serviceFile({ fee: 0.5 })] });
    const issues = await issuesOf(tree);
    expect(issues.map((i) => `${i.file} ${i.field}`)).toEqual(
      expect.arrayContaining([`${MALL} timeZone`, `${POLRES} services[0].fee`]),
    );
  });
});
