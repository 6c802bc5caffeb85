/**
 * The figures use cases (docs/domain-rules.md, 'Figures and IKM'): an agency's and a mall's figures
 * of a period, the mall's published satisfaction index, and the survey of a served ticket. Reads
 * come from the rollup the stream consumer keeps (never from the tickets), one query each.
 */
import type { Viewer } from '../access/viewer.js';
import type { Agency, Mall } from '../catalog/catalog.js';
import type { CatalogLookups } from '../catalog/catalog-reader.js';
import { holderCodeHash } from '../queue/holder-code.js';
import type { Ticket } from '../queue/ticket.js';
import { BadInputError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../shared/errors.js';
import type { KeyedHasher } from '../shared/secrets.js';
import { daysBetween, isLocalDate } from '../time/local-time.js';
import { type ComplaintFigures, complaintFigures } from './complaint-facts.js';
import {
  assertCanReadAgencyFigures,
  assertCanReadMallFigures,
  assertCanSurveyWithoutCode,
} from './figures-access.js';
import type { FiguresReader, PeriodRollup, SurveyRepository } from './figures-repository.js';
import { type SatisfactionIndex, satisfactionOf } from './satisfaction.js';
import { figuresOfDay, type ServiceDayFigures, type ServiceDaySummary } from './service-day.js';
import { normalizeComment, type SurveyAnswer, scoresOf } from './survey.js';

/** Longest period of figures, inclusive: a year, leap day included. */
export const MAX_FIGURES_RANGE_DAYS = 366;

/** An agency's figures of a period. */
export interface AgencyFiguresView {
  agency: Agency;
  from: string;
  to: string;
  /** One per service and date with any ticket, survey or booking; by date, then service. */
  days: ServiceDayFigures[];
  complaints: ComplaintFigures;
  satisfaction: SatisfactionIndex;
}

/** A mall's figures of a period. */
export interface MallFiguresView {
  mall: Mall;
  from: string;
  to: string;
  /** Every active agency, and any other with figures in the period. */
  agencies: AgencyFiguresView[];
  /** Every complaint of the mall, those not yet with an agency included. */
  complaints: ComplaintFigures;
  satisfaction: SatisfactionIndex;
}

/** What a survey sends. */
export interface SubmitSurveyInput {
  ticketId: string;
  holderCode?: string | null;
  answers: SurveyAnswer[];
  comment?: string | null;
}

/** The answer of a survey. */
export interface SurveyReceipt {
  ticket: Ticket;
  submittedAt: string;
}

/** The tickets the survey needs to read. */
export interface SurveyTickets {
  getTicket(id: string): Promise<Ticket | null>;
}

/**
 * Checks a period: two dates, `from` not after `to`, at most 366 days.
 * @throws BadInputError naming `from` or `to`.
 */
export function assertFiguresRange(from: string, to: string): void {
  if (!isLocalDate(from)) throw new BadInputError('from must be a date (YYYY-MM-DD).', 'from');
  if (!isLocalDate(to)) throw new BadInputError('to must be a date (YYYY-MM-DD).', 'to');
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new BadInputError('from must not be after to.', 'from');
  if (days > MAX_FIGURES_RANGE_DAYS) {
    throw new BadInputError(`The period may span at most ${MAX_FIGURES_RANGE_DAYS} days.`, 'to');
  }
}

const byDateThenService = (a: ServiceDaySummary, b: ServiceDaySummary) =>
  a.date === b.date
    ? a.serviceId < b.serviceId
      ? -1
      : a.serviceId > b.serviceId
        ? 1
        : 0
    : a.date < b.date
      ? -1
      : 1;

function agencyView(
  agency: Agency,
  from: string,
  to: string,
  rollup: PeriodRollup,
  now: Date,
): AgencyFiguresView {
  const days = [...rollup.days].sort(byDateThenService);
  return {
    agency,
    from,
    to,
    days: days.map((d) => figuresOfDay(d, now)),
    complaints: complaintFigures(rollup.complaints, now),
    satisfaction: satisfactionOf(from, to, days),
  };
}

/** The figures use cases, over one request's catalog copy. */
export class FiguresService {
  constructor(
    private readonly reader: FiguresReader,
    private readonly surveys: SurveyRepository,
    private readonly tickets: SurveyTickets,
    private readonly catalog: CatalogLookups,
    private readonly hasher: KeyedHasher,
  ) {}

  /**
   * An agency's figures: for ADMIN of its mall, OFFICER or PARTNER of the agency. One query.
   * @throws BadInputError, UnauthenticatedError, ForbiddenError
   */
  async agencyFigures(
    viewer: Viewer,
    agency: Agency,
    from: string,
    to: string,
    now: Date,
  ): Promise<AgencyFiguresView> {
    assertCanReadAgencyFigures(viewer, agency);
    assertFiguresRange(from, to);
    return agencyView(agency, from, to, await this.reader.agencyPeriod(agency.id, from, to), now);
  }

  /**
   * A mall's figures, agency by agency: for ADMIN of the mall. Two queries (service-days, complaints).
   * @throws BadInputError, UnauthenticatedError, ForbiddenError
   */
  async mallFigures(
    viewer: Viewer,
    mall: Mall,
    from: string,
    to: string,
    now: Date,
  ): Promise<MallFiguresView> {
    assertCanReadMallFigures(viewer, mall);
    assertFiguresRange(from, to);
    const [rollup, catalog] = await Promise.all([
      this.reader.mallPeriod(mall.id, from, to),
      this.catalog.mallCatalog(mall.id),
    ]);
    const agencies = new Map<string, Agency>();
    for (const a of catalog?.activeAgencies() ?? []) agencies.set(a.id, a);
    for (const d of rollup.days) {
      const a = catalog?.agencies.get(d.agencyId);
      if (a) agencies.set(a.id, a);
    }
    const views = [...agencies.values()].map((agency) =>
      agencyView(
        agency,
        from,
        to,
        {
          days: rollup.days.filter((d) => d.agencyId === agency.id),
          complaints: rollup.complaints.filter((c) => c.agencyId === agency.id),
        },
        now,
      ),
    );
    return {
      mall,
      from,
      to,
      agencies: views,
      complaints: complaintFigures(rollup.complaints, now),
      satisfaction: satisfactionOf(from, to, rollup.days),
    };
  }

  /**
   * The mall's satisfaction index, public (the SKM is published). One query.
   * @throws BadInputError
   */
  async mallSatisfaction(mall: Mall, from: string, to: string): Promise<SatisfactionIndex> {
    assertFiguresRange(from, to);
    return satisfactionOf(from, to, await this.reader.mallSatisfaction(mall.id, from, to));
  }

  /**
   * Records the survey of a DONE ticket, once: by its holder with the holder code, or from the
   * counter tablet (a KIOSK of the mall, an OFFICER of the ticket's agency) without it.
   * Two requests: the ticket, then a conditional write of the survey.
   * @throws BadInputError, NotFoundError, UnauthenticatedError, ForbiddenError (a holder code that does not match), InvalidTransitionError, ConflictError
   */
  async submitSurvey(viewer: Viewer, input: SubmitSurveyInput, now: Date): Promise<SurveyReceipt> {
    const scores = scoresOf(input.answers);
    const comment = normalizeComment(input.comment);
    const ticket = await this.tickets.getTicket(input.ticketId);
    if (!ticket) throw new NotFoundError('No such ticket.');
    const code = input.holderCode?.trim();
    if (code) {
      if (ticket.holderCodeHash === null || holderCodeHash(this.hasher, code) !== ticket.holderCodeHash) {
        throw new ForbiddenError('The holder code does not match this ticket.');
      }
    } else {
      assertCanSurveyWithoutCode(viewer, ticket);
    }
    if (ticket.status !== 'DONE') {
      throw new InvalidTransitionError(
        `Ticket ${ticket.number} is ${ticket.status}; only a served ticket can be rated.`,
      );
    }
    const submittedAt = now.toISOString();
    await this.surveys.createSurvey({
      ticketId: ticket.id,
      mallId: ticket.mallId,
      agencyId: ticket.agencyId,
      serviceId: ticket.serviceId,
      date: ticket.date,
      scores,
      comment,
      submittedAt,
    });
    return { ticket, submittedAt };
  }
}
