/**
 * Administration use cases: the mall's ADMIN changes agencies, services, counters and schedule
 * exceptions (a PARTNER the exceptions of its own agency), registers and revokes machine clients, and
 * reads the audit log. Every change is validated with the rules the data load uses (`catalog-rules.ts`),
 * written with its audit entry in one transaction, and is seen by this instance's next request at once
 * (docs/domain-rules.md, 'Administration and machine clients').
 */
import * as z from 'zod';
import { assertCanAdministerMall, assertCanChangeSchedule } from '../access/access.js';
import type { Viewer } from '../access/viewer.js';
import {
  type Agency,
  type Counter,
  childId,
  ID_SEPARATOR,
  isPlausibleId,
  type MallCatalog,
  mallIdOf,
  type Service,
} from '../catalog/catalog.js';
import { IndexedCatalog } from '../catalog/catalog-reader.js';
import type { ScheduleException, ScheduleSpec, TimeInterval } from '../catalog/schedule.js';
import type { ScheduleView } from '../catalog/schedule-view.js';
import { BadInputError, ConflictError, NotFoundError } from '../shared/errors.js';
import type { RandomSource } from '../shared/random.js';
import { StaleWriteError } from '../shared/stale-write-error.js';
import type { Clock } from '../time/clock.js';
import { WEEKDAYS, type Weekday } from '../time/local-time.js';
import type { AuditEntry, AuditPage, AuditRepository } from './audit.js';
import { canonicalJson } from './catalog-load.js';
import {
  agencyRules,
  bookingPolicyRule,
  counterConflicts,
  counterRules,
  exceptionRule,
  fieldPath,
  localDateRule,
  type RuleIssue,
  serviceConflicts,
  serviceStandardRules,
  textRule,
  weeklyListRule,
} from './catalog-rules.js';
import type { CatalogItemWrite, CatalogWriter, WritableCatalog } from './catalog-writer.js';
import {
  MACHINE_CLIENT_KINDS,
  type MachineClient,
  type MachineClientRepository,
  newMachineClientId,
  parsePublicJwk,
} from './machine-client.js';

/** An interval as the API sends it. */
export interface TimeIntervalData {
  opens: string;
  closes: string;
}

/** `upsertAgency`'s input (AgencyInput). Omitted `weekly` keeps an agency's hours; null means the mall's. */
export interface AgencyData {
  mallId: string;
  slug: string;
  name: string;
  shortName?: string | null;
  kind: string;
  description?: string | null;
  weekly?: { weekday: string; intervals: TimeIntervalData[] }[] | null;
  active?: boolean | null;
}

/** `upsertService`'s input (ServiceInput). Omitted optional fields keep their value, or take the default. */
export interface ServiceData {
  agencyId: string;
  slug: string;
  code: string;
  name: string;
  description?: string | null;
  ticketPrefix: string;
  requirements: string[];
  procedure: string[];
  processingTime: string;
  feeAmount: number;
  product: string;
  legalBasis: string[];
  complaintHandling?: string | null;
  dailyQuota?: number | null;
  averageServiceMinutes: number;
  cutoffMinutes?: number | null;
  /** Omitted keeps the service's policy; null takes no bookings. */
  bookingPolicy?: Record<string, number | null | undefined> | null;
  active?: boolean | null;
}

/** `upsertCounter`'s input (CounterInput). */
export interface CounterData {
  agencyId: string;
  slug: string;
  name: string;
  serviceIds: string[];
  active?: boolean | null;
}

/** `setScheduleException`'s input (ScheduleExceptionInput). */
export interface ScheduleExceptionData {
  scopeId: string;
  date: string;
  intervals: TimeIntervalData[];
  reason: string;
}

/** `registerMachineClient`'s input. */
export interface MachineClientData {
  kind: string;
  name: string;
  mallId: string;
  agencyId?: string | null;
  publicKeyJwk: string;
}

/** What a new service's complaint handling says when the input does not: the mall's own complaint desk. */
export const DEFAULT_COMPLAINT_HANDLING =
  'Pengaduan, saran dan masukan disampaikan melalui layanan pengaduan Mal Pelayanan Publik.';

/** Largest page of the audit log. */
export const MAX_AUDIT_PAGE = 100;
/** Tries of a change that loses the race to another write of the same mall's catalog. */
const MAX_TRIES = 3;

const agencyInput = z
  .object({
    mallId: z.string(),
    ...agencyRules,
    weekly: weeklyListRule.nullable().optional(),
    active: z
      .boolean()
      .nullish()
      .transform((v) => v ?? true),
  })
  .strict();

const { fee: feeRule, ...standardRules } = serviceStandardRules;
const serviceInput = z
  .object({
    agencyId: z.string(),
    slug: agencyRules.slug,
    ...standardRules,
    feeAmount: feeRule,
    description: serviceStandardRules.description.optional(),
    complaintHandling: serviceStandardRules.complaintHandling.nullish(),
    dailyQuota: serviceStandardRules.dailyQuota.optional(),
    cutoffMinutes: serviceStandardRules.cutoffMinutes.nullish(),
    // GraphQL leaves an omitted field of the input object out; a null one is null: both take the default.
    bookingPolicy: z
      .preprocess(
        (v) =>
          v && typeof v === 'object'
            ? Object.fromEntries(
                Object.entries(v).filter(([, field]) => field !== null && field !== undefined),
              )
            : v,
        bookingPolicyRule,
      )
      .optional(),
    active: z
      .boolean()
      .nullish()
      .transform((v) => v ?? true),
  })
  .strict();

const counterInput = z
  .object({
    agencyId: z.string(),
    ...counterRules,
    serviceIds: z.array(z.string()).max(50),
    active: z
      .boolean()
      .nullish()
      .transform((v) => v ?? true),
  })
  .strict();

const machineClientInput = z
  .object({
    kind: z.enum(MACHINE_CLIENT_KINDS),
    name: textRule(100),
    mallId: z.string(),
    agencyId: z.string().nullish(),
    publicKeyJwk: z.string().max(2000),
  })
  .strict();

/** Throws the first issue as BAD_USER_INPUT, its message naming the field (`input.ticketPrefix: ...`). */
function refuse(issues: RuleIssue[], prefix = 'input'): void {
  const [first] = issues;
  if (!first) return;
  const field = first.field ? `${prefix}.${first.field}` : prefix;
  throw new BadInputError(`${field}: ${first.reason}`, field);
}

function parse<T extends z.ZodType>(schema: T, value: unknown, prefix = 'input'): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    refuse(
      result.error.issues.map((i) => ({ field: fieldPath(i.path), reason: i.message })),
      prefix,
    );
  }
  return result.data as z.infer<T>;
}

/** A weekly schedule open all day: an agency without its own hours that gets an exception narrows nothing else. */
function allDayWeekly(): Record<Weekday, TimeInterval[]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, [{ opens: '00:00', closes: '24:00' }]])) as Record<
    Weekday,
    TimeInterval[]
  >;
}

function withException(spec: ScheduleSpec | null, exception: ScheduleException): ScheduleSpec {
  const base = spec ?? { weekly: allDayWeekly(), exceptions: [] };
  const exceptions = [...base.exceptions.filter((e) => e.date !== exception.date), exception].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  return { ...base, exceptions };
}

/** Equal as data: a stored item's attributes come back from the table in any order. */
function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The ports the administration use cases need. */
export interface AdminPorts {
  writer: CatalogWriter;
  machineClients: MachineClientRepository;
  audit: AuditRepository;
  clock: Clock;
  random: RandomSource;
  /** Called with a mall's catalog as just written: the instance's cache takes it at once. */
  catalogWritten(catalog: MallCatalog): void;
  /** Called with a machine client just changed: the instance's key cache forgets it at once. */
  machineClientChanged(id: string): void;
}

/** The administration use cases, for one request. */
export class AdminService {
  constructor(private readonly ports: AdminPorts) {}

  /** Creates or changes an agency (deactivated with `active: false`, never deleted). */
  async upsertAgency(viewer: Viewer, input: AgencyData): Promise<Agency> {
    assertCanAdministerMall(viewer, input.mallId);
    const data = parse(agencyInput, input);
    const { result } = await this.change(viewer, data.mallId, 'upsertAgency', (current) => {
      const id = childId(data.mallId, data.slug);
      const existing = current.agencies.find((a) => a.id === id);
      let schedule: ScheduleSpec | null;
      if (data.weekly === undefined) schedule = existing?.schedule ?? null;
      else if (data.weekly === null) {
        // The mall's hours, keeping the agency's own exceptions.
        const exceptions = existing?.schedule?.exceptions ?? [];
        schedule = exceptions.length ? { weekly: allDayWeekly(), exceptions } : null;
      } else schedule = { weekly: data.weekly, exceptions: existing?.schedule?.exceptions ?? [] };
      const agency: Agency = {
        id,
        mallId: data.mallId,
        name: data.name,
        shortName: data.shortName,
        kind: data.kind,
        description: data.description,
        active: data.active,
        schedule,
      };
      return { write: { type: 'AGENCY', data: agency, source: 'API' }, target: id, result: agency };
    });
    return result;
  }

  /** Creates or changes a service with its full service standard; its ticket prefix is unique in the mall. */
  async upsertService(viewer: Viewer, input: ServiceData): Promise<Service> {
    const mallId = mallIdOf(input.agencyId);
    assertCanAdministerMall(viewer, mallId);
    const data = parse(serviceInput, input);
    const { result } = await this.change(viewer, mallId as string, 'upsertService', (current) => {
      const agency = current.agencies.find((a) => a.id === data.agencyId);
      if (!agency) throw new NotFoundError('No such agency.');
      const id = childId(agency.id, data.slug);
      const existing = current.services.find((s) => s.id === id);
      const { feeAmount, slug: _slug, bookingPolicy, ...standard } = data;
      const service: Service = {
        ...standard,
        id,
        mallId: agency.mallId,
        agencyId: agency.id,
        description: data.description ?? existing?.description ?? null,
        feeRupiah: feeAmount,
        complaintHandling:
          data.complaintHandling ?? existing?.complaintHandling ?? DEFAULT_COMPLAINT_HANDLING,
        dailyQuota: data.dailyQuota === undefined ? (existing?.dailyQuota ?? null) : data.dailyQuota,
        cutoffMinutes: data.cutoffMinutes ?? existing?.cutoffMinutes ?? 30,
        booking: bookingPolicy === undefined ? (existing?.booking ?? null) : bookingPolicy,
      };
      // Fields the files may have and the API does not name are kept as they are.
      const merged = { ...existing, ...service } as Service;
      refuse(serviceConflicts(current, merged));
      return { write: { type: 'SERVICE', data: merged, source: 'API' }, target: id, result: merged };
    });
    return result;
  }

  /** Creates or changes a counter; it serves services of its own agency only. */
  async upsertCounter(viewer: Viewer, input: CounterData): Promise<Counter> {
    const mallId = mallIdOf(input.agencyId);
    assertCanAdministerMall(viewer, mallId);
    const data = parse(counterInput, input);
    const { result } = await this.change(viewer, mallId as string, 'upsertCounter', (current) => {
      const agency = current.agencies.find((a) => a.id === data.agencyId);
      if (!agency) throw new NotFoundError('No such agency.');
      const id = childId(agency.id, data.slug);
      const counter: Counter = {
        id,
        mallId: agency.mallId,
        agencyId: agency.id,
        name: data.name,
        serviceIds: data.serviceIds,
        active: data.active,
      };
      refuse(counterConflicts(current, counter));
      return { write: { type: 'COUNTER', data: counter, source: 'API' }, target: id, result: counter };
    });
    return result;
  }

  /** Sets the hours of one date of the mall or an agency (no intervals: closed that day). */
  async setScheduleException(viewer: Viewer, input: ScheduleExceptionData): Promise<ScheduleView> {
    assertCanChangeSchedule(viewer, input.scopeId);
    const { scopeId, ...rest } = input;
    const exception = parse(exceptionRule, rest) as ScheduleException;
    return this.changeSchedule(viewer, scopeId, 'setScheduleException', exception.date, (spec) =>
      withException(spec, exception),
    );
  }

  /** Removes the exception of one date of the mall or an agency: the weekly hours apply again. */
  async removeScheduleException(viewer: Viewer, scopeId: string, date: string): Promise<ScheduleView> {
    assertCanChangeSchedule(viewer, scopeId);
    parse(localDateRule, date, 'date');
    return this.changeSchedule(viewer, scopeId, 'removeScheduleException', date, (spec) => {
      if (!spec?.exceptions.some((e) => e.date === date)) {
        throw new NotFoundError(`No schedule exception on ${date}.`);
      }
      return { ...spec, exceptions: spec.exceptions.filter((e) => e.date !== date) };
    });
  }

  /** Registers a kiosk or a partner system with its public key; it signs its own tokens from then on. */
  async registerMachineClient(viewer: Viewer, input: MachineClientData): Promise<MachineClient> {
    assertCanAdministerMall(viewer, input.mallId);
    const data = parse(machineClientInput, input);
    const agencyId = data.agencyId ?? null;
    if (data.kind === 'KIOSK' && agencyId !== null) {
      refuse([{ field: 'agencyId', reason: 'a KIOSK belongs to the mall, not to an agency: leave it out' }]);
    }
    if (data.kind === 'PARTNER') {
      if (agencyId === null) refuse([{ field: 'agencyId', reason: 'is required for a PARTNER' }]);
      const current = await this.ports.writer.readForWrite(data.mallId);
      if (!current?.catalog.agencies.some((a) => a.id === agencyId)) {
        refuse([{ field: 'agencyId', reason: `no agency ${agencyId} in this mall` }]);
      }
    }
    const publicJwk = parsePublicJwk(data.publicKeyJwk, 'input.publicKeyJwk');
    const at = this.ports.clock.now().toISOString();
    const client: MachineClient = {
      id: newMachineClientId(this.ports.random),
      kind: data.kind,
      name: data.name,
      mallId: data.mallId,
      agencyId,
      publicJwk,
      createdAt: at,
      revokedAt: null,
    };
    await this.ports.machineClients.registerMachineClient(
      client,
      this.entry(viewer, data.mallId, 'registerMachineClient', client.id, at),
    );
    this.ports.machineClientChanged(client.id);
    return client;
  }

  /** Revokes a machine client: its tokens are refused on every instance within a minute. */
  async revokeMachineClient(viewer: Viewer, id: string): Promise<MachineClient> {
    if (viewer.role !== 'ADMIN') assertCanAdministerMall(viewer, null);
    const client = isPlausibleId(id) ? await this.ports.machineClients.getMachineClient(id) : null;
    if (!client) throw new NotFoundError('No such machine client.');
    assertCanAdministerMall(viewer, client.mallId);
    if (client.revokedAt !== null) return client;
    const at = this.ports.clock.now().toISOString();
    const revoked = await this.ports.machineClients.revokeMachineClient(
      client,
      at,
      this.entry(viewer, client.mallId, 'revokeMachineClient', id, at),
    );
    this.ports.machineClientChanged(id);
    return revoked;
  }

  /** The mall's machine clients, oldest first: its ADMIN only. */
  async machineClients(viewer: Viewer, mallId: string): Promise<MachineClient[]> {
    assertCanAdministerMall(viewer, mallId);
    return this.ports.machineClients.listMachineClients(mallId);
  }

  /** The mall's audit log, newest first: its ADMIN only. */
  async auditLog(viewer: Viewer, mallId: string, first: number, after: string | null): Promise<AuditPage> {
    assertCanAdministerMall(viewer, mallId);
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
      throw new BadInputError(`first must be from 1 to ${MAX_AUDIT_PAGE}.`, 'first');
    }
    return this.ports.audit.listAudit(mallId, first, after);
  }

  private entry(viewer: Viewer, mallId: string, action: string, target: string, at: string): AuditEntry {
    return {
      mallId,
      at,
      by: {
        role: viewer.role,
        mallId: viewer.mallId,
        agencyId: viewer.agencyId,
        subject: viewer.subject ?? null,
      },
      action,
      target,
    };
  }

  private async changeSchedule(
    viewer: Viewer,
    scopeId: string,
    action: string,
    date: string,
    change: (spec: ScheduleSpec | null) => ScheduleSpec,
  ): Promise<ScheduleView> {
    const mallId = scopeId.includes(ID_SEPARATOR) ? (mallIdOf(scopeId) as string) : scopeId;
    const { catalog: written } = await this.change(viewer, mallId, action, (current) => {
      if (scopeId === mallId) {
        const mall = { ...current.mall, schedule: change(current.mall.schedule) };
        return {
          write: { type: 'MALL', data: mall, source: 'API' },
          target: `${scopeId}@${date}`,
          result: null,
        };
      }
      const agency = current.agencies.find((a) => a.id === scopeId);
      if (!agency) throw new NotFoundError('No such agency.');
      const changed = { ...agency, schedule: change(agency.schedule) };
      return {
        write: { type: 'AGENCY', data: changed, source: 'API' },
        target: `${scopeId}@${date}`,
        result: null,
      };
    });
    const catalog = new IndexedCatalog(written);
    const agency = catalog.agencies.get(scopeId);
    return agency ? catalog.agencySchedule(agency) : catalog.mallSchedule();
  }

  /**
   * Reads the mall's catalog fresh, makes the change, and writes it with its audit entry if the catalog is
   * still as read; retries on a lost race. A change that changes nothing writes nothing.
   */
  private async change<T>(
    viewer: Viewer,
    mallId: string,
    action: string,
    make: (current: MallCatalog) => { write: CatalogItemWrite; target: string; result: T },
  ): Promise<{ result: T; catalog: MallCatalog }> {
    for (let attempt = 1; ; attempt++) {
      const current: WritableCatalog | null = await this.ports.writer.readForWrite(mallId);
      if (!current) throw new NotFoundError('No such mall.');
      const { write, target, result } = make(current.catalog);
      const catalog = replaced(current.catalog, write);
      if (sameJson(catalog, current.catalog)) return { result, catalog };
      const at = this.ports.clock.now().toISOString();
      try {
        await this.ports.writer.commit(
          mallId,
          current.version,
          [write],
          [this.entry(viewer, mallId, action, target, at)],
        );
      } catch (error) {
        if (error instanceof StaleWriteError && attempt < MAX_TRIES) continue;
        if (error instanceof StaleWriteError) {
          throw new ConflictError('The mall’s data changed meanwhile; try again.', { cause: error });
        }
        throw error;
      }
      this.ports.catalogWritten(catalog);
      return { result, catalog };
    }
  }
}

/** The catalog with one item put in place of the one with its id (or added). */
export function replaced(catalog: MallCatalog, write: CatalogItemWrite): MallCatalog {
  const put = <T extends { id: string }>(list: T[], item: T): T[] =>
    list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
  switch (write.type) {
    case 'MALL':
      return { ...catalog, mall: write.data };
    case 'AGENCY':
      return { ...catalog, agencies: put(catalog.agencies, write.data) };
    case 'SERVICE':
      return { ...catalog, services: put(catalog.services, write.data) };
    case 'COUNTER':
      return { ...catalog, counters: put(catalog.counters, write.data) };
  }
}
