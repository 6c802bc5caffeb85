/**
 * Reads and validates the catalog data files (`data/`), all of them, before
 * anything is written: a bad file is refused with the file, the field and
 * the reason. The format is documented in the README ("Data files").
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import * as z from 'zod';
import {
  agencyRules,
  counterRules,
  exceptionRule,
  fieldPath,
  serviceConflicts,
  serviceStandardRules,
  slugRule,
  textRule,
  weeklyRule,
} from '../domain/admin/catalog-rules.js';
import {
  type Agency,
  childId,
  MALL_TIME_ZONES,
  type MallCatalog,
  type Service,
} from '../domain/catalog/catalog.js';
import {
  closedSchedule,
  type ScheduleException,
  type ScheduleSpec,
  type TimeInterval,
} from '../domain/catalog/schedule.js';
import type { Weekday } from '../domain/time/local-time.js';
import { bookingPolicyFile } from './booking-policy-file.js';

/** One problem in one file. */
export interface DataFileIssue {
  file: string;
  field: string;
  reason: string;
}

/** Thrown when any data file is invalid; lists every problem found. */
export class DataFilesInvalidError extends Error {
  override readonly name = 'DataFilesInvalidError';
  constructor(readonly issues: DataFileIssue[]) {
    super(`Invalid data files:\n${issues.map((i) => `  ${i.file}: ${i.field}: ${i.reason}`).join('\n')}`);
  }
}

const slug = slugRule;
const exception = exceptionRule;
const weekly = weeklyRule;

const scheduleFile = z
  .object({
    weekly,
    /** Names of files in data/holidays whose exceptions apply (national holidays, cuti bersama). */
    holidayCalendars: z.array(slug).default([]),
    exceptions: z.array(exception).default([]),
  })
  .strict();

const serviceFile = z.object({ ...serviceStandardRules, booking: bookingPolicyFile }).strict();

const counterFile = z
  .object({
    ...counterRules,
    services: z.array(z.string()).min(1, 'a counter serves at least one service'),
  })
  .strict();

const agencyFile = z
  .object({
    ...agencyRules,
    schedule: scheduleFile.nullable().default(null),
    services: z.array(serviceFile).min(1, 'an agency offers at least one service'),
    counters: z.array(counterFile).min(1, 'an agency has at least one counter'),
  })
  .strict();

const mallFile = z
  .object({
    id: slug,
    name: textRule(200),
    regency: textRule(200),
    province: textRule(200),
    address: textRule(500).nullable().default(null),
    timeZone: z.enum(MALL_TIME_ZONES),
    settings: z
      .object({
        priorityStreakLimit: z.number().int().min(1).max(10).default(2),
        minRecallsBeforeNoShow: z.number().int().min(0).max(10).default(1),
        targetWaitMinutes: z.number().int().min(1).max(480).default(30),
      })
      .strict()
      .prefault({}),
    schedule: scheduleFile,
  })
  .strict();

const holidayFile = z.object({ name: textRule(200), exceptions: z.array(exception) }).strict();

type ScheduleFile = z.infer<typeof scheduleFile>;

class IssueCollector {
  readonly issues: DataFileIssue[] = [];
  constructor(private readonly root: string) {}

  add(file: string, field: string, reason: string): void {
    this.issues.push({ file: relative(this.root, file) || file, field, reason });
  }

  async parse<T extends z.ZodType>(file: string, schema: T): Promise<z.infer<T> | null> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      this.add(
        file,
        '(file)',
        error instanceof SyntaxError ? `not valid JSON: ${error.message}` : 'cannot be read',
      );
      return null;
    }
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.add(file, fieldPath(issue.path) || '(file)', issue.message);
    return null;
  }
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

async function subdirectories(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function toSchedule(
  spec: ScheduleFile,
  calendars: Map<string, ScheduleException[]>,
  file: string,
  field: string,
  collector: IssueCollector,
): ScheduleSpec {
  const byDate = new Map<string, ScheduleException>();
  for (const name of spec.holidayCalendars) {
    const calendar = calendars.get(name);
    if (!calendar) {
      collector.add(file, `${field}.holidayCalendars`, `no holiday calendar "${name}" in data/holidays`);
      continue;
    }
    for (const e of calendar) byDate.set(e.date, e);
  }
  const own = new Set<string>();
  spec.exceptions.forEach((e, n) => {
    if (own.has(e.date)) collector.add(file, `${field}.exceptions[${n}].date`, `${e.date} appears twice`);
    own.add(e.date);
    byDate.set(e.date, e); // the file's own exception overrides a calendar's on the same date
  });
  return {
    weekly: spec.weekly as Record<Weekday, TimeInterval[]>,
    exceptions: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** Stands in for a mall whose file was refused, while its agencies are checked. */
function placeholderMall(id: string): MallCatalog['mall'] {
  return {
    id,
    name: id,
    regency: id,
    province: id,
    address: null,
    timeZone: 'Asia/Jakarta',
    schedule: closedSchedule(),
    settings: { priorityStreakLimit: 2, minRecallsBeforeNoShow: 1, targetWaitMinutes: 30 },
  };
}

/**
 * Reads every file under `root` (`holidays/*.json`, `malls/<id>/mall.json`,
 * `malls/<id>/agencies/*.json`) and returns the catalogs.
 *
 * @throws DataFilesInvalidError listing every problem, when any file is invalid.
 */
export async function readCatalogs(root: string): Promise<MallCatalog[]> {
  const collector = new IssueCollector(root);

  const calendars = new Map<string, ScheduleException[]>();
  for (const file of await jsonFiles(join(root, 'holidays'))) {
    const parsed = await collector.parse(file, holidayFile);
    if (!parsed) {
      calendars.set(basename(file, '.json'), []); // it exists; its own issues are reported
      continue;
    }
    const seen = new Set<string>();
    parsed.exceptions.forEach((e, n) => {
      if (seen.has(e.date)) collector.add(file, `exceptions[${n}].date`, `${e.date} appears twice`);
      seen.add(e.date);
    });
    calendars.set(basename(file, '.json'), parsed.exceptions);
  }

  const catalogs: MallCatalog[] = [];
  const mallDirs = await subdirectories(join(root, 'malls'));
  if (mallDirs.length === 0) collector.add(join(root, 'malls'), '(folder)', 'holds no mall folder');
  for (const dir of mallDirs) {
    const mallPath = join(root, 'malls', dir, 'mall.json');
    const mall = await collector.parse(mallPath, mallFile);
    if (mall && mall.id !== dir) collector.add(mallPath, 'id', `must equal its folder name "${dir}"`);

    // An invalid mall file still has its agency files checked, so one run lists every problem.
    const catalog: MallCatalog = {
      mall: mall
        ? { ...mall, schedule: toSchedule(mall.schedule, calendars, mallPath, 'schedule', collector) }
        : placeholderMall(dir),
      agencies: [],
      services: [],
      counters: [],
    };
    for (const file of await jsonFiles(join(root, 'malls', dir, 'agencies'))) {
      const parsed = await collector.parse(file, agencyFile);
      if (!parsed) continue;
      if (parsed.slug !== basename(file, '.json')) {
        collector.add(file, 'slug', `must equal the file name "${basename(file, '.json')}"`);
      }
      const agencyId = childId(catalog.mall.id, parsed.slug);
      const agency: Agency = {
        id: agencyId,
        mallId: catalog.mall.id,
        name: parsed.name,
        shortName: parsed.shortName,
        kind: parsed.kind,
        description: parsed.description,
        active: parsed.active,
        schedule: parsed.schedule
          ? toSchedule(parsed.schedule, calendars, file, 'schedule', collector)
          : null,
      };
      catalog.agencies.push(agency);

      const codes = new Map<string, Service>();
      parsed.services.forEach((s, n) => {
        if (codes.has(s.code))
          collector.add(file, `services[${n}].code`, `${s.code} appears twice in this agency`);
        const { fee, ...rest } = s;
        const service: Service = {
          ...rest,
          id: childId(agencyId, s.code.toLowerCase()),
          mallId: catalog.mall.id,
          agencyId,
          feeRupiah: fee,
          active: s.active && parsed.active,
        };
        // The same rule as upsertService; a duplicate code is reported above, by the file's own name for it.
        for (const issue of serviceConflicts(catalog, service)) {
          if (issue.field === 'ticketPrefix')
            collector.add(file, `services[${n}].${issue.field}`, issue.reason);
        }
        codes.set(s.code, service);
        catalog.services.push(service);
      });

      const counterSlugs = new Set<string>();
      parsed.counters.forEach((c, n) => {
        if (counterSlugs.has(c.slug)) collector.add(file, `counters[${n}].slug`, `${c.slug} appears twice`);
        counterSlugs.add(c.slug);
        const serviceIds = c.services.map((code, m) => {
          const service = codes.get(code);
          if (!service)
            collector.add(
              file,
              `counters[${n}].services[${m}]`,
              `no service with code ${code} in this agency`,
            );
          return service?.id ?? code;
        });
        catalog.counters.push({
          id: childId(agencyId, c.slug),
          mallId: catalog.mall.id,
          agencyId,
          name: c.name,
          serviceIds,
          active: c.active && parsed.active,
        });
      });
    }
    if (mall) catalogs.push(catalog);
  }

  if (collector.issues.length > 0) throw new DataFilesInvalidError(collector.issues);
  return catalogs;
}
