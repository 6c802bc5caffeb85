import type { ComplaintFact } from '../../../src/domain/figures/complaint-facts.js';
import type {
  DayFactChanges,
  DayFacts,
  FiguresReader,
  PeriodRollup,
  RollupRepository,
  SurveyRepository,
} from '../../../src/domain/figures/figures-repository.js';
import type { SatisfactionCounts } from '../../../src/domain/figures/satisfaction.js';
import type {
  ServiceDayKey,
  ServiceDaySummary,
  TicketFactCounts,
} from '../../../src/domain/figures/service-day.js';
import type { Survey } from '../../../src/domain/figures/survey.js';
import { ConflictError } from '../../../src/domain/shared/errors.js';
import { copy, roundTrip } from './conditions.js';

/** Facts written per UpdateItem, as the store chunks them. */
const FACTS_PER_UPDATE = 40;

/** One attribute of a day's facts item: a ticket's or booking's fact at its version, or a survey's scores. */
type StoredFact =
  | { kind: 'TICKET'; v: number; fact: TicketFactCounts }
  | { kind: 'APPOINTMENT'; v: number; fact: DayFacts['appointments'][number] }
  | { kind: 'SURVEY'; scores: number[] };

interface FactsItem {
  facts: Map<string, StoredFact>;
  rev: number;
}

interface FactWrite {
  name: string;
  value: StoredFact;
}

/**
 * The figures' rollup in memory, as the DynamoDB store (src/dynamo/figures/rollup-store.ts) keeps it:
 * per service-day a facts item whose every write (40 facts at a time, one by one once a chunk is
 * refused) sets facts unless one is older than the stored one (a survey is set as is) and bumps `rev`;
 * summaries (the day's and its satisfaction) stored unless one of a higher revision is there; complaint
 * facts unless a newer version is there. Reads by period return what the store's one Query returns:
 * an agency's days and complaints by date (GSI2), a mall's days, complaints and satisfaction (GSI1).
 */
export class InMemoryRollup implements RollupRepository, FiguresReader {
  readonly dayFacts = new Map<string, FactsItem>();
  readonly summaries = new Map<string, { summary: ServiceDaySummary; rev: number }>();
  readonly satisfaction = new Map<string, { key: ServiceDayKey; counts: SatisfactionCounts; rev: number }>();
  readonly complaintFacts = new Map<string, ComplaintFact>();
  readonly calls = { recordDayFacts: 0, putSummary: 0, putComplaintFact: 0, reads: 0 };

  private dayKey(key: Pick<ServiceDayKey, 'serviceId' | 'date'>): string {
    return `${key.serviceId}#${key.date}`;
  }

  async recordDayFacts(key: ServiceDayKey, changes: DayFactChanges): Promise<DayFacts | null> {
    this.calls.recordDayFacts++;
    await roundTrip();
    const writes: FactWrite[] = [
      ...changes.tickets.map((t) => ({
        name: `t#${t.ticketId}`,
        value: {
          kind: 'TICKET' as const,
          v: t.version,
          fact: {
            issued: t.issued,
            transferredOut: t.transferredOut,
            outcome: t.outcome,
            waitMs: t.waitMs,
            serviceMs: t.serviceMs,
          },
        },
      })),
      ...changes.appointments.map((a) => ({
        name: `a#${a.appointmentId}`,
        value: {
          kind: 'APPOINTMENT' as const,
          v: a.version,
          fact: { status: a.status, lateUntil: a.lateUntil },
        },
      })),
      ...changes.surveys.map((s) => ({
        name: `s#${s.ticketId}`,
        value: { kind: 'SURVEY' as const, scores: [...s.scores] },
      })),
    ];
    const item = this.dayFacts.get(this.dayKey(key)) ?? { facts: new Map<string, StoredFact>(), rev: 0 };
    const allowed = (w: FactWrite) => {
      const stored = item.facts.get(w.name);
      return w.value.kind === 'SURVEY' || !stored || stored.kind === 'SURVEY' || stored.v <= w.value.v;
    };
    let wrote = false;
    const apply = (chunk: FactWrite[]) => {
      for (const w of chunk) item.facts.set(w.name, copy(w.value));
      item.rev++;
      wrote = true;
    };
    for (let i = 0; i < writes.length; i += FACTS_PER_UPDATE) {
      const chunk = writes.slice(i, i + FACTS_PER_UPDATE);
      if (chunk.every(allowed)) apply(chunk);
      else for (const one of chunk) if (allowed(one)) apply([one]);
    }
    if (!wrote) return null;
    this.dayFacts.set(this.dayKey(key), item);
    const facts: DayFacts = { tickets: [], surveys: [], appointments: [], revision: item.rev };
    for (const f of item.facts.values()) {
      if (f.kind === 'TICKET') facts.tickets.push(copy(f.fact));
      else if (f.kind === 'APPOINTMENT') facts.appointments.push(copy(f.fact));
      else facts.surveys.push([...f.scores]);
    }
    return facts;
  }

  async putSummary(summary: ServiceDaySummary, revision: number): Promise<void> {
    this.calls.putSummary++;
    await roundTrip();
    const key = this.dayKey(summary);
    if ((this.summaries.get(key)?.rev ?? -Infinity) < revision) {
      this.summaries.set(key, { summary: copy(summary), rev: revision });
    }
    if ((this.satisfaction.get(key)?.rev ?? -Infinity) < revision) {
      const { mallId, agencyId, serviceId, date, served, responses, scoreSums } = summary;
      this.satisfaction.set(key, {
        key: { mallId, agencyId, serviceId, date },
        counts: { served, responses, scoreSums: [...scoreSums] },
        rev: revision,
      });
    }
  }

  async putComplaintFact(fact: ComplaintFact): Promise<void> {
    this.calls.putComplaintFact++;
    await roundTrip();
    const stored = this.complaintFacts.get(fact.complaintId);
    if (!stored || stored.version <= fact.version) this.complaintFacts.set(fact.complaintId, copy(fact));
  }

  async agencyPeriod(agencyId: string, from: string, to: string): Promise<PeriodRollup> {
    this.calls.reads++;
    await roundTrip();
    const within = (date: string) => from <= date && date <= to;
    return {
      days: [...this.summaries.values()]
        .map((s) => s.summary)
        .filter((s) => s.agencyId === agencyId && within(s.date))
        .map(copy),
      complaints: [...this.complaintFacts.values()]
        .filter((c) => c.agencyId === agencyId && within(c.date))
        .map(copy),
    };
  }

  async mallPeriod(mallId: string, from: string, to: string): Promise<PeriodRollup> {
    this.calls.reads++;
    await roundTrip();
    const within = (date: string) => from <= date && date <= to;
    return {
      days: [...this.summaries.values()]
        .map((s) => s.summary)
        .filter((s) => s.mallId === mallId && within(s.date))
        .map(copy),
      complaints: [...this.complaintFacts.values()]
        .filter((c) => c.mallId === mallId && within(c.date))
        .map(copy),
    };
  }

  async mallSatisfaction(mallId: string, from: string, to: string): Promise<SatisfactionCounts[]> {
    this.calls.reads++;
    await roundTrip();
    return [...this.satisfaction.values()]
      .filter((s) => s.key.mallId === mallId && from <= s.key.date && s.key.date <= to)
      .map((s) => copy(s.counts));
  }
}

/** Surveys in memory: one per ticket, a second refused as the store refuses it. */
export class InMemorySurveyRepository implements SurveyRepository {
  readonly surveys = new Map<string, Survey>();

  async createSurvey(survey: Survey): Promise<void> {
    await roundTrip();
    if (this.surveys.has(survey.ticketId)) throw new ConflictError('This ticket has already been rated.');
    this.surveys.set(survey.ticketId, copy(survey));
  }
}
