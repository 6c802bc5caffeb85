/**
 * The figures' side of the table's change stream: turns changed tickets, surveys, bookings and
 * complaints into rollup facts and recomputes the summaries of the service-days they touch
 * (docs/data-model.md, 'Figures'). Delivery is at least once and, after a retry, out of order: every
 * fact is recomputed whole from the newest version of its item and never replaced by an older one,
 * and a summary is recomputed from all of its day's facts, so replaying the whole stream, once or
 * twice, leaves the same figures.
 */
import type { CatalogLookups, IndexedCatalog } from '../catalog/catalog-reader.js';
import type { Complaint } from '../complaints/complaint.js';
import type { Ticket } from '../queue/ticket.js';
import { complaintFact } from './complaint-facts.js';
import type { DayFactChanges, RollupRepository } from './figures-repository.js';
import { type AppointmentFact, type ServiceDayKey, summarizeServiceDay } from './service-day.js';
import type { Survey } from './survey.js';
import { issuePrefixOf, type ServiceRef, ticketFacts, wasTransferred } from './ticket-facts.js';

/** The target wait when a mall's catalog is gone (the data loader's default). */
const DEFAULT_TARGET_WAIT_MINUTES = 30;

/** An item of the table that changed, as the figures read it. */
export type FiguresChange =
  | { kind: 'TICKET'; ticket: Ticket }
  | { kind: 'SURVEY'; survey: Survey }
  | { kind: 'COMPLAINT'; complaint: Complaint }
  | { kind: 'APPOINTMENT'; appointment: AppointmentFact & { mallId: string } };

interface DayGroup {
  key: ServiceDayKey;
  changes: DayFactChanges;
  /** Indexes of the changes that fed this group: they fail with it. */
  sources: Set<number>;
}

/** The agency of a service id (`mall:agency:service`), for a service the catalog no longer lists. */
function agencyOfServiceId(serviceId: string): string {
  const end = serviceId.lastIndexOf(':');
  return end > 0 ? serviceId.slice(0, end) : serviceId;
}

/** Applies changes to the rollup. */
export class FiguresProjector {
  /** @param onError told of each change or day that could not be written (the Lambda logs it). */
  constructor(
    private readonly rollups: RollupRepository,
    private readonly catalog: CatalogLookups,
    private readonly onError: (error: unknown, what: string) => void = () => undefined,
  ) {}

  /**
   * Applies a batch of changes, in any order, any number of times.
   * @returns the indexes of the changes whose facts could not be written (to be delivered again).
   */
  async project(changes: readonly FiguresChange[]): Promise<Set<number>> {
    const failed = new Set<number>();
    const days = new Map<string, DayGroup>();
    const catalogs = new Map<string, IndexedCatalog | null>();
    const catalogOf = async (mallId: string) => {
      if (!catalogs.has(mallId)) catalogs.set(mallId, await this.catalog.mallCatalog(mallId));
      return catalogs.get(mallId) ?? null;
    };
    const group = (mallId: string, ref: ServiceRef, date: string, source: number): DayFactChanges => {
      const id = `${ref.serviceId}\u0000${date}`;
      let g = days.get(id);
      if (!g) {
        g = {
          key: { mallId, agencyId: ref.agencyId, serviceId: ref.serviceId, date },
          changes: { tickets: [], surveys: [], appointments: [] },
          sources: new Set(),
        };
        days.set(id, g);
      }
      g.sources.add(source);
      return g.changes;
    };

    // The newest version of each ticket (and complaint) in the batch is enough: it supersedes the older ones.
    const newestTicket = new Map<string, number>();
    changes.forEach((c, i) => {
      if (c.kind !== 'TICKET') return;
      const seen = newestTicket.get(c.ticket.id);
      const seenChange = seen === undefined ? undefined : changes[seen];
      if (!seenChange || (seenChange.kind === 'TICKET' && seenChange.ticket.version <= c.ticket.version)) {
        newestTicket.set(c.ticket.id, i);
      }
    });

    const newestComplaint = new Map<string, number>();
    changes.forEach((c, i) => {
      if (c.kind !== 'COMPLAINT') return;
      const seen = newestComplaint.get(c.complaint.id);
      const seenChange = seen === undefined ? undefined : changes[seen];
      if (
        !seenChange ||
        (seenChange.kind === 'COMPLAINT' && seenChange.complaint.version <= c.complaint.version)
      ) {
        newestComplaint.set(c.complaint.id, i);
      }
    });

    const complaintWrites: Promise<void>[] = [];
    for (const [i, change] of changes.entries()) {
      try {
        switch (change.kind) {
          case 'TICKET': {
            if (newestTicket.get(change.ticket.id) !== i) break;
            const t = change.ticket;
            const catalog = await catalogOf(t.mallId);
            const facts = ticketFacts(t, originOf(t, catalog), (id) => agencyOf(catalog, id));
            for (const fact of facts) group(t.mallId, fact, t.date, i).tickets.push(fact);
            break;
          }
          case 'SURVEY': {
            const s = change.survey;
            group(s.mallId, s, s.date, i).surveys.push(s);
            break;
          }
          case 'APPOINTMENT': {
            const a = change.appointment;
            group(a.mallId, a, a.date, i).appointments.push(a);
            break;
          }
          case 'COMPLAINT': {
            if (newestComplaint.get(change.complaint.id) !== i) break;
            const catalog = await catalogOf(change.complaint.mallId);
            if (!catalog) break; // a mall that no longer exists has no figures to show
            const fact = complaintFact(change.complaint, catalog);
            complaintWrites.push(
              this.rollups.putComplaintFact(fact).catch((error: unknown) => {
                this.onError(error, `complaint ${change.complaint.id}`);
                failed.add(i);
              }),
            );
            break;
          }
        }
      } catch (error) {
        this.onError(error, `${change.kind} change`);
        failed.add(i);
      }
    }

    await Promise.all([
      ...complaintWrites,
      ...[...days.values()].map(async (g) => {
        try {
          const facts = await this.rollups.recordDayFacts(g.key, g.changes);
          if (!facts) return;
          const catalog = await catalogOf(g.key.mallId);
          const target = catalog?.mall.settings.targetWaitMinutes ?? DEFAULT_TARGET_WAIT_MINUTES;
          const summary = summarizeServiceDay(
            g.key,
            facts.tickets,
            facts.surveys,
            facts.appointments,
            target,
          );
          await this.rollups.putSummary(summary, facts.revision);
        } catch (error) {
          this.onError(error, `service-day ${g.key.serviceId} ${g.key.date}`);
          for (const i of g.sources) failed.add(i);
        }
      }),
    ]);
    return failed;
  }
}

function agencyOf(catalog: IndexedCatalog | null, serviceId: string): string {
  return catalog?.services.get(serviceId)?.agencyId ?? agencyOfServiceId(serviceId);
}

/**
 * The service a transferred ticket was issued for: the one whose prefix its number carries (prefixes
 * are unique within a mall). Null when no service of the mall has it any more.
 */
function originOf(ticket: Ticket, catalog: IndexedCatalog | null): ServiceRef | null {
  if (!wasTransferred(ticket) || !catalog) return null;
  const prefix = issuePrefixOf(ticket);
  for (const s of catalog.services.values()) {
    if (s.ticketPrefix === prefix) return { serviceId: s.id, agencyId: s.agencyId };
  }
  return null;
}
