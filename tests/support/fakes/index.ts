/**
 * Fakes of every port of src/domain, and a world that wires the use cases over
 * them as src/app/composition.ts does over DynamoDB: instance-wide stores, clock,
 * catalog reader and sources; per request a RequestCatalogs, a QueueService and a ComplaintService.
 */

import { AdminService } from '../../../src/domain/admin/admin-service.js';
import { BookingService } from '../../../src/domain/booking/booking-service.js';
import type { MallCatalog } from '../../../src/domain/catalog/catalog.js';
import { CatalogReader, RequestCatalogs } from '../../../src/domain/catalog/catalog-reader.js';
import { ComplaintService, type ReporterRead } from '../../../src/domain/complaints/complaint-service.js';
import { FiguresProjector } from '../../../src/domain/figures/figures-projector.js';
import { FiguresService } from '../../../src/domain/figures/figures-service.js';
import { QueueService } from '../../../src/domain/queue/queue-service.js';
import { ManualClock } from '../../../src/domain/time/clock.js';
import { fixtureCatalog } from '../fixture-catalog.js';
import { CounterIds } from './counter-ids.js';
import { FakeSecrets } from './fake-secrets.js';
import { InMemoryAdminRepository } from './in-memory-admin.js';
import { InMemoryBookingRepository } from './in-memory-bookings.js';
import { InMemoryCatalogRepository } from './in-memory-catalog.js';
import { InMemoryComplaintRepository } from './in-memory-complaints.js';
import { InMemoryRollup, InMemorySurveyRepository } from './in-memory-figures.js';
import { InMemoryIdempotencyRepository } from './in-memory-idempotency.js';
import { InMemoryTicketRepository } from './in-memory-tickets.js';
import { RecordingSleeper } from './recording-sleeper.js';
import { SeededRandom } from './seeded-random.js';

export { FakeConditionFailed, FakeTransactionCanceled } from './conditions.js';
export { CounterIds } from './counter-ids.js';
export { FakeSecrets } from './fake-secrets.js';
export { InMemoryAdminRepository } from './in-memory-admin.js';
export { InMemoryBookingRepository, type StoredContact } from './in-memory-bookings.js';
export { type AuditSink, InMemoryCatalogRepository } from './in-memory-catalog.js';
export { InMemoryComplaintRepository } from './in-memory-complaints.js';
export { InMemoryRollup, InMemorySurveyRepository } from './in-memory-figures.js';
export { IDEMPOTENCY_TTL_SECONDS, InMemoryIdempotencyRepository } from './in-memory-idempotency.js';
export { type BeforeSaveMove, InMemoryTicketRepository } from './in-memory-tickets.js';
export { RecordingSleeper } from './recording-sleeper.js';
export { FixedRandom, SeededRandom } from './seeded-random.js';

/** Tuesday 2026-12-01 09:00 WIB: a working day, every fixture mall open. */
export const FAKE_START = new Date('2026-12-01T02:00:00Z');

export interface FakeWorldOptions {
  /** Default: one fixture mall `test-mall` (one agency, one service, two counters, open all day). */
  catalogs?: MallCatalog[];
  now?: Date;
  seed?: number;
  /** The catalog reader's cache age. @default 30000 */
  catalogMaxAgeMs?: number;
}

/** Use cases over fakes, and the fakes themselves for arranging and asserting. */
export interface FakeWorld {
  clock: ManualClock;
  sleeper: RecordingSleeper;
  random: SeededRandom;
  ids: CounterIds;
  secrets: FakeSecrets;
  /** Every unmasked read of a reporter the complaint use cases reported, in order. */
  reporterReads: ReporterRead[];
  idempotency: InMemoryIdempotencyRepository;
  tickets: InMemoryTicketRepository;
  complaints: InMemoryComplaintRepository;
  bookings: InMemoryBookingRepository;
  /** Machine clients and the audit log (the catalog fake's commits write their entries here too). */
  admin: InMemoryAdminRepository;
  /** The figures' rollup (written by the projector, read by the figures) and the surveys. */
  rollup: InMemoryRollup;
  surveys: InMemorySurveyRepository;
  /** Ids of the machine clients the admin use cases said they changed (the key cache forgets them). */
  changedClients: string[];
  catalogs: InMemoryCatalogRepository;
  catalogReader: CatalogReader;
  /** One request's use cases, sharing one RequestCatalogs, as `createContext` makes them. */
  request(): {
    catalog: RequestCatalogs;
    queue: QueueService;
    complaints: ComplaintService;
    booking: BookingService;
    now: Date;
  };
  /** A new request's QueueService. */
  queue(): QueueService;
  /** A new request's ComplaintService. */
  complaintService(): ComplaintService;
  /** A new request's BookingService. */
  bookingService(): BookingService;
  /** A new request's FiguresService. */
  figuresService(): FiguresService;
  /** The stream consumer's projector, over the rollup fake and the instance's catalog. */
  figuresProjector(): FiguresProjector;
  /** A new request's AdminService: writes through the catalog fake, whose copy the reader takes at once. */
  adminService(): AdminService;
}

export function createFakeWorld(options: FakeWorldOptions = {}): FakeWorld {
  const clock = new ManualClock(options.now ?? FAKE_START);
  const sleeper = new RecordingSleeper();
  const random = new SeededRandom(options.seed);
  const ids = new CounterIds();
  const secrets = new FakeSecrets();
  const reporterReads: ReporterRead[] = [];
  const idempotency = new InMemoryIdempotencyRepository();
  const tickets = new InMemoryTicketRepository(idempotency);
  const complaints = new InMemoryComplaintRepository(idempotency, tickets);
  const bookings = new InMemoryBookingRepository(tickets, idempotency);
  const admin = new InMemoryAdminRepository();
  const rollup = new InMemoryRollup();
  const surveys = new InMemorySurveyRepository();
  const changedClients: string[] = [];
  const catalogs = new InMemoryCatalogRepository(
    options.catalogs ?? [fixtureCatalog({ mallId: 'test-mall' })],
    admin,
  );
  const catalogReader = new CatalogReader(catalogs, clock, { maxAgeMs: options.catalogMaxAgeMs });
  const request = () => {
    const catalog = new RequestCatalogs(catalogReader);
    return {
      catalog,
      queue: new QueueService(tickets, idempotency, catalog, ids, sleeper, random, secrets),
      complaints: new ComplaintService(complaints, idempotency, catalog, random, sleeper, secrets, (read) =>
        reporterReads.push(read),
      ),
      booking: new BookingService(bookings, tickets, idempotency, catalog, ids, sleeper, random, secrets),
      now: clock.now(),
    };
  };
  return {
    clock,
    sleeper,
    random,
    ids,
    secrets,
    reporterReads,
    idempotency,
    tickets,
    complaints,
    bookings,
    admin,
    rollup,
    surveys,
    changedClients,
    catalogs,
    catalogReader,
    request,
    queue: () => request().queue,
    complaintService: () => request().complaints,
    bookingService: () => request().booking,
    figuresService: () =>
      new FiguresService(rollup, surveys, tickets, new RequestCatalogs(catalogReader), secrets.hasher),
    figuresProjector: () => new FiguresProjector(rollup, catalogReader),
    adminService: () =>
      new AdminService({
        writer: catalogs,
        machineClients: admin,
        audit: admin,
        clock,
        random,
        catalogWritten: (catalog) => catalogReader.replace(catalog),
        machineClientChanged: (id) => changedClients.push(id),
      }),
  };
}
