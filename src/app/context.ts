import type { Viewer } from '../domain/access/viewer.js';
import type { AdminService } from '../domain/admin/admin-service.js';
import type { BookingService } from '../domain/booking/booking-service.js';
import type { RequestCatalogs } from '../domain/catalog/catalog-reader.js';
import type { ComplaintService } from '../domain/complaints/complaint-service.js';
import type { FiguresService } from '../domain/figures/figures-service.js';
import type { QueueService } from '../domain/queue/queue-service.js';

/** What every resolver receives: the use cases and this request's caller and instant. */
export interface GraphQLContext {
  viewer: Viewer;
  /** Who to count for rate limits: the client's IP for PUBLIC, the token's subject otherwise. */
  callerKey: string;
  /** The request's instant; every field of one request sees the same "now". */
  now: Date;
  /** The catalog as this request sees it: one copy of each mall's catalog it reads. */
  catalog: RequestCatalogs;
  /** Queue use cases over this request's batched, cached reads. */
  queue: QueueService;
  /** Complaint use cases. */
  complaints: ComplaintService;
  /** Figures of agencies and malls, and the survey. */
  figures: FiguresService;
  /** Mall administration, machine clients and the audit log. */
  admin: AdminService;
  /** Online booking use cases. */
  booking: BookingService;
}
