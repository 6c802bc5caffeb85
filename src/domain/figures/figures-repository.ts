/**
 * The ports of the figures: the rollup the stream consumer maintains, the reads of the figures, and
 * the surveys. Adapters in src/dynamo/figures.
 */
import type { ComplaintFact } from './complaint-facts.js';
import type { SatisfactionCounts } from './satisfaction.js';
import type { AppointmentFact, ServiceDayKey, ServiceDaySummary, TicketFactCounts } from './service-day.js';
import type { Survey } from './survey.js';
import type { TicketFact } from './ticket-facts.js';

/** What a batch of changes brings to one service-day. */
export interface DayFactChanges {
  tickets: TicketFact[];
  surveys: Survey[];
  appointments: AppointmentFact[];
}

/** Every fact a service-day holds, after a change. */
export interface DayFacts {
  tickets: TicketFactCounts[];
  surveys: number[][];
  appointments: Pick<AppointmentFact, 'status' | 'lateUntil'>[];
  /** Grows with every change of the day's facts: a summary of a higher revision is newer. */
  revision: number;
}

/** The rollup the stream consumer writes. */
export interface RollupRepository {
  /**
   * Records facts of one service-day: a ticket's or booking's fact replaces the one it had there
   * unless that one is of a newer version; a survey is recorded once.
   * @returns all of the day's facts afterwards, or null when nothing changed.
   */
  recordDayFacts(key: ServiceDayKey, changes: DayFactChanges): Promise<DayFacts | null>;
  /** Stores a day's summary unless one of a higher revision is already there. */
  putSummary(summary: ServiceDaySummary, revision: number): Promise<void>;
  /** Stores a complaint's fact unless a newer version's is already there. */
  putComplaintFact(fact: ComplaintFact): Promise<void>;
}

/** Everything an agency's or a mall's figures of a period are computed from. */
export interface PeriodRollup {
  days: ServiceDaySummary[];
  complaints: ComplaintFact[];
}

/** Reads of the rollup, one query each (docs/data-model.md). */
export interface FiguresReader {
  /** The agency's service-days and complaints (by submission date) from `from` to `to` inclusive. */
  agencyPeriod(agencyId: string, from: string, to: string): Promise<PeriodRollup>;
  /** The same for every agency of a mall, and the complaints the mall holds. */
  mallPeriod(mallId: string, from: string, to: string): Promise<PeriodRollup>;
  /** The satisfaction counts of each service-day of a mall in the period. */
  mallSatisfaction(mallId: string, from: string, to: string): Promise<SatisfactionCounts[]>;
}

/** Where surveys are kept. */
export interface SurveyRepository {
  /**
   * Stores a survey, once per ticket.
   * @throws ConflictError when the ticket already has one.
   */
  createSurvey(survey: Survey): Promise<void>;
}
