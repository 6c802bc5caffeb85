/**
 * The composition root: builds the adapters and use cases once per Lambda
 * instance (module scope runs in INIT, with boosted CPU), and the per-request
 * context on top of them.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AdminPorts, AdminService } from '../domain/admin/admin-service.js';
import type { CatalogWriter } from '../domain/admin/catalog-writer.js';
import { MachineClientDirectory } from '../domain/admin/machine-client.js';
import type { BookingRepository } from '../domain/booking/booking-repository.js';
import { BookingService } from '../domain/booking/booking-service.js';
import { type CatalogReader, RequestCatalogs } from '../domain/catalog/catalog-reader.js';
import type { ComplaintRepository } from '../domain/complaints/complaint-repository.js';
import { ComplaintService } from '../domain/complaints/complaint-service.js';
import type { FiguresReader, SurveyRepository } from '../domain/figures/figures-repository.js';
import { FiguresService } from '../domain/figures/figures-service.js';
import { type IdSource, QueueService } from '../domain/queue/queue-service.js';
import type { TicketRepository } from '../domain/queue/ticket-repository.js';
import type { IdempotencyRepository } from '../domain/shared/idempotency.js';
import type { RandomSource } from '../domain/shared/random.js';
import type { Secrets } from '../domain/shared/secrets.js';
import { type Clock, realSleeper, type Sleeper } from '../domain/time/clock.js';
import { DynamoAdminStore } from '../dynamo/admin/admin-store.js';
import { DynamoBookingStore } from '../dynamo/booking/booking-store.js';
import { DynamoCatalogStore } from '../dynamo/catalog/catalog-store.js';
import { DynamoComplaintStore } from '../dynamo/complaints/complaint-store.js';
import { DynamoRollupStore } from '../dynamo/figures/rollup-store.js';
import { DynamoSurveyStore } from '../dynamo/figures/survey-store.js';
import { DynamoTicketStore } from '../dynamo/queue/ticket-store.js';
import { createDocumentClient, type RequestCounter, warmUpConnection } from '../dynamo/shared/client.js';
import { DynamoDataKeyStore } from '../dynamo/shared/data-key-store.js';
import { DynamoIdempotencyStore } from '../dynamo/shared/idempotency-store.js';
import { type Authenticator, createAuthenticator } from './auth/authenticator.js';
import type { AppConfig } from './config.js';
import type { GraphQLContext } from './context.js';
import { randomIds } from './ids.js';
import { kmsDataKeys } from './kms-data-key.js';
import { ObservedCatalogReader } from './observed-catalog.js';
import { loadPersonalDataKey, withPersonalDataKey } from './personal-data-key.js';
import { logReporterRead } from './reporter-audit.js';
import { RequestCachedTickets } from './request-cache.js';
import { secretsLoader } from './secrets.js';

/** The instance-wide services a request context is made from. */
export interface AppServices {
  clock: Clock;
  /** Paces retry loops (real time here; a fake in unit tests). */
  sleeper: Sleeper;
  catalog: CatalogReader;
  tickets: TicketRepository;
  idempotency: IdempotencyRepository;
  ids: IdSource;
  complaints: ComplaintRepository;
  /** The figures' rollup, as the API reads it. */
  figures: FiguresReader;
  surveys: SurveyRepository;
  bookings: BookingRepository;
  random: RandomSource;
  authenticator: Authenticator;
  /** Writes catalog changes (administration mutations). */
  catalogWriter: CatalogWriter;
  /** Machine clients and the audit log. */
  adminStore: DynamoAdminStore;
  /** The instance's cache of machine clients' keys (at most a minute old). */
  machineClients: MachineClientDirectory;
  /** The keyed hasher and sealer, made once per instance from the secret key. */
  secrets(): Promise<Secrets>;
  /** Opens the DynamoDB connection ahead of the first request (see `warmUpConnection`). */
  warmUp(): Promise<void>;
}

/** Builds the services; `counter` counts DynamoDB requests for tests and the benchmark. */
export function createServices(config: AppConfig, counter?: RequestCounter): AppServices {
  const client = createDocumentClient({ endpoint: config.dynamoEndpoint, counter });
  const catalogStore = new DynamoCatalogStore(client, config.tableName);
  const adminStore = new DynamoAdminStore(client, config.tableName);
  const machineClients = new MachineClientDirectory(adminStore, config.clock);
  return {
    clock: config.clock,
    sleeper: realSleeper,
    catalog: new ObservedCatalogReader(catalogStore, config.clock, {
      maxAgeMs: config.catalogMaxAgeMs,
    }),
    tickets: new DynamoTicketStore(client, config.tableName),
    idempotency: new DynamoIdempotencyStore(client, config.tableName),
    ids: randomIds,
    complaints: new DynamoComplaintStore(client, config.tableName),
    figures: new DynamoRollupStore(client, config.tableName),
    surveys: new DynamoSurveyStore(client, config.tableName),
    bookings: new DynamoBookingStore(client, config.tableName),
    random: { bytes: (n) => new Uint8Array(randomBytes(n)) },
    authenticator: createAuthenticator(config.auth, machineClients),
    catalogWriter: catalogStore,
    adminStore,
    machineClients,
    secrets: secretsOf(config, client),
    warmUp: () => warmUpConnection(client, config.tableName),
  };
}

/**
 * The instance's secrets. On AWS (`personalDataKmsKeyId` set) personal data is sealed under a data key
 * that KMS wrapped (envelope encryption), unwrapped once per instance; locally under the secret key.
 */
function secretsOf(config: AppConfig, client: DynamoDBDocumentClient): () => Promise<Secrets> {
  const kmsKeyId = config.personalDataKmsKeyId;
  if (!kmsKeyId) return secretsLoader(config.secretKey);
  return withPersonalDataKey(secretsLoader(config.secretKey), () =>
    loadPersonalDataKey(kmsDataKeys(kmsKeyId), new DynamoDataKeyStore(client, config.tableName)),
  );
}

/** What a request brings that the context needs. */
export interface RequestFacts {
  authorization: string | undefined;
  sourceIp: string;
}

/**
 * The context of one request: the verified caller and the use cases.
 * @throws UnauthenticatedError for a token that is present but not valid (never treated as PUBLIC).
 */
export async function createContext(services: AppServices, request: RequestFacts): Promise<GraphQLContext> {
  const [viewer, secrets] = await Promise.all([
    services.authenticator.authenticate(request.authorization),
    services.secrets(),
  ]);
  // One copy of each mall's catalog for the whole request: resolvers and use cases alike.
  const catalog = new RequestCatalogs(services.catalog);
  return {
    viewer,
    // Kiosks behind one mall's address are separate callers: a token counts by its subject.
    callerKey:
      viewer.role === 'PUBLIC'
        ? `ip:${request.sourceIp}`
        : `sub:${viewer.subject ?? `${viewer.role}:${viewer.mallId}:${viewer.agencyId}`}`,
    now: services.clock.now(),
    catalog,
    queue: new QueueService(
      new RequestCachedTickets(services.tickets),
      services.idempotency,
      catalog,
      services.ids,
      services.sleeper,
      services.random,
      secrets,
    ),
    booking: new BookingService(
      services.bookings,
      services.tickets,
      services.idempotency,
      catalog,
      services.ids,
      services.sleeper,
      services.random,
      secrets,
    ),
    figures: new FiguresService(
      services.figures,
      services.surveys,
      services.tickets,
      catalog,
      secrets.hasher,
    ),
    complaints: new ComplaintService(
      services.complaints,
      services.idempotency,
      catalog,
      services.random,
      services.sleeper,
      secrets,
      logReporterRead,
    ),
    admin: lazyAdmin({
      writer: services.catalogWriter,
      machineClients: services.adminStore,
      audit: services.adminStore,
      clock: services.clock,
      random: services.random,
      // This instance sees its own change at once; other instances within the catalog cache's age.
      catalogWritten: (written) => services.catalog.replace(written),
      machineClientChanged: (id) => services.machineClients.forget(id),
    }),
  };
}

/**
 * The administration use cases, loaded on their first call: administration is rare next to the counters'
 * traffic, and its catalog rules (with their validation library) would otherwise be evaluated in every
 * cold start. Every method of AdminService is async, so a call through this stand-in answers the same.
 */
function lazyAdmin(ports: AdminPorts): AdminService {
  let loading: Promise<AdminService> | undefined;
  const load = () => {
    loading ??= import('../domain/admin/admin-service.js').then((m) => new m.AdminService(ports));
    return loading;
  };
  return new Proxy({} as AdminService, {
    // Never a thenable: only the use cases' methods are forwarded.
    get: (_target, method) =>
      method === 'then'
        ? undefined
        : async (...args: unknown[]) => {
            const service = (await load()) as unknown as Record<PropertyKey, (...a: unknown[]) => unknown>;
            return service[method]?.(...args);
          },
  });
}
