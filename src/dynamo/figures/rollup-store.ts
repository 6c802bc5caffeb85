/**
 * The figures' rollup on the table (docs/data-model.md, 'Figures'): the stream consumer's writes
 * (`RollupRepository`) and the API's reads (`FiguresReader`), one Query per period.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ComplaintFact } from '../../domain/figures/complaint-facts.js';
import type {
  DayFactChanges,
  DayFacts,
  FiguresReader,
  PeriodRollup,
  RollupRepository,
} from '../../domain/figures/figures-repository.js';
import type { SatisfactionCounts } from '../../domain/figures/satisfaction.js';
import type {
  AppointmentFact,
  ServiceDayKey,
  ServiceDaySummary,
  TicketFactCounts,
} from '../../domain/figures/service-day.js';
import type { TicketFact, TicketOutcome } from '../../domain/figures/ticket-facts.js';
import { figuresKeys, GSI1, GSI2 } from '../shared/keys.js';

/** Facts written per UpdateItem: keeps each expression well under DynamoDB's 4 KB. */
const FACTS_PER_UPDATE = 40;

const OUTCOME_CODES: Record<TicketOutcome, string> = { DONE: 'D', NO_SHOW: 'N', CANCELLED: 'C' };
const OUTCOMES_BY_CODE: Record<string, TicketOutcome> = { D: 'DONE', N: 'NO_SHOW', C: 'CANCELLED' };

/** A ticket's fact as stored: `issued|transferredOut|outcome|waitMs|serviceMs`, empty for none (about 20 bytes). */
function encodeTicketFact(f: TicketFact): string {
  return [
    f.issued,
    f.transferredOut,
    f.outcome ? OUTCOME_CODES[f.outcome] : '',
    f.waitMs ?? '',
    f.serviceMs ?? '',
  ].join('|');
}

function decodeTicketFact(text: string): TicketFactCounts {
  const [issued, out, outcome, wait, service] = text.split('|');
  return {
    issued: Number(issued ?? 0),
    transferredOut: Number(out ?? 0),
    outcome: OUTCOMES_BY_CODE[outcome ?? ''] ?? null,
    waitMs: wait ? Number(wait) : null,
    serviceMs: service ? Number(service) : null,
  };
}

/** One attribute of the facts item to set; `version` guards it against an older fact. */
interface FactWrite {
  name: string;
  value: unknown;
  version: number | null;
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as { name?: string }).name === 'ConditionalCheckFailedException'
  );
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function factsOf(item: Record<string, unknown>): DayFacts {
  const tickets: TicketFactCounts[] = [];
  const surveys: number[][] = [];
  const appointments: DayFacts['appointments'] = [];
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith('t#')) tickets.push(decodeTicketFact(String((value as { f?: unknown }).f ?? '')));
    else if (name.startsWith('s#')) surveys.push([...String(value)].map(Number));
    else if (name.startsWith('a#')) {
      const [status, lateUntil] = String((value as { f?: unknown }).f ?? '').split('|');
      appointments.push({
        status: (status ?? 'BOOKED') as AppointmentFact['status'],
        lateUntil: lateUntil ?? '',
      });
    }
  }
  return { tickets, surveys, appointments, revision: Number(item.rev ?? 0) };
}

const SUMMARY_FIELDS = [
  'issued',
  'served',
  'noShow',
  'cancelled',
  'transferredOut',
  'called',
  'waitSumMs',
  'waitP50Ms',
  'waitP90Ms',
  'withinTarget',
  'targetWaitMinutes',
  'finished',
  'serviceSumMs',
  'serviceP50Ms',
  'serviceP90Ms',
  'bookings',
  'bookingNoShows',
  'bookedUntil',
  'responses',
  'scoreSums',
] as const satisfies readonly (keyof ServiceDaySummary)[];

function summaryFromItem(item: Record<string, unknown>): ServiceDaySummary {
  const summary: Record<string, unknown> = {
    mallId: item.mallId,
    agencyId: item.agencyId,
    serviceId: item.serviceId,
    date: item.date,
  };
  for (const f of SUMMARY_FIELDS) summary[f] = item[f] ?? null;
  summary.bookedUntil ??= {};
  summary.scoreSums ??= [];
  return summary as unknown as ServiceDaySummary;
}

const COMPLAINT_FIELDS = [
  'complaintId',
  'mallId',
  'agencyId',
  'date',
  'version',
  'firstAnswerAt',
  'answeredOnTime',
  'firstAnswerWorkingMs',
  'overdueAfter',
] as const satisfies readonly (keyof ComplaintFact)[];

function complaintFromItem(item: Record<string, unknown>): ComplaintFact {
  return Object.fromEntries(COMPLAINT_FIELDS.map((f) => [f, item[f] ?? null])) as unknown as ComplaintFact;
}

/** The rollup on DynamoDB. */
export class DynamoRollupStore implements RollupRepository, FiguresReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordDayFacts(key: ServiceDayKey, changes: DayFactChanges): Promise<DayFacts | null> {
    const writes: FactWrite[] = [
      ...changes.tickets.map((t) => ({
        name: figuresKeys.ticketFact(t.ticketId),
        value: { v: t.version, f: encodeTicketFact(t) },
        version: t.version,
      })),
      ...changes.appointments.map((a) => ({
        name: figuresKeys.appointmentFact(a.appointmentId),
        value: { v: a.version, f: `${a.status}|${a.lateUntil}` },
        version: a.version,
      })),
      // A survey never changes once stored: written as is, with no version to compare.
      ...changes.surveys.map((s) => ({
        name: figuresKeys.surveyFact(s.ticketId),
        value: s.scores.join(''),
        version: null,
      })),
    ];
    // One write per attribute (an expression may name a path once): the newest version of each.
    const byName = new Map<string, FactWrite>();
    for (const w of writes) {
      const seen = byName.get(w.name);
      if (!seen || (w.version ?? 0) >= (seen.version ?? 0)) byName.set(w.name, w);
    }
    let latest: Record<string, unknown> | null = null;
    for (const chunk of chunks([...byName.values()], FACTS_PER_UPDATE)) {
      try {
        latest = await this.writeFacts(key, chunk);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // Some fact of the chunk is older than the one stored: write them one by one, skipping those.
        for (const one of chunk) {
          try {
            latest = await this.writeFacts(key, [one]);
          } catch (inner) {
            if (!isConditionFailure(inner)) throw inner;
          }
        }
      }
    }
    return latest ? factsOf(latest) : null;
  }

  /** One UpdateItem of the facts item: sets the facts unless one is older than what is stored, bumps `rev`. */
  private async writeFacts(
    key: ServiceDayKey,
    writes: readonly FactWrite[],
  ): Promise<Record<string, unknown>> {
    const names: Record<string, string> = { '#rev': 'rev', '#type': 'type' };
    const values: Record<string, unknown> = { ':one': 1, ':type': 'FIGURES_FACTS' };
    const sets = ['#type = :type'];
    const guards: string[] = [];
    writes.forEach((w, i) => {
      names[`#f${i}`] = w.name;
      values[`:f${i}`] = w.value;
      sets.push(`#f${i} = :f${i}`);
      if (w.version !== null) {
        values[`:v${i}`] = w.version;
        names['#v'] = 'v';
        guards.push(`(attribute_not_exists(#f${i}) OR #f${i}.#v <= :v${i})`);
      }
    });
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: figuresKeys.dayFacts(key.serviceId, key.date),
        UpdateExpression: `SET ${sets.join(', ')} ADD #rev :one`,
        ...(guards.length > 0 ? { ConditionExpression: guards.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes ?? {};
  }

  async putSummary(summary: ServiceDaySummary, revision: number): Promise<void> {
    const { mallId, agencyId, serviceId, date } = summary;
    const newer = {
      ConditionExpression: 'attribute_not_exists(#rev) OR #rev < :rev',
      ExpressionAttributeNames: { '#rev': 'rev' },
      ExpressionAttributeValues: { ':rev': revision },
    };
    const satisfaction: SatisfactionCounts & Record<string, unknown> = {
      served: summary.served,
      responses: summary.responses,
      scoreSums: summary.scoreSums,
    };
    await Promise.all(
      [
        {
          ...figuresKeys.daySummary(serviceId, date),
          type: 'FIGURES_DAY',
          ...summary,
          rev: revision,
          [GSI1.pk]: figuresKeys.mall(mallId),
          [GSI1.sk]: figuresKeys.mallDaySort(date, agencyId, serviceId),
          [GSI2.pk]: figuresKeys.agency(agencyId),
          [GSI2.sk]: figuresKeys.agencyDaySort(date, serviceId),
        },
        {
          ...figuresKeys.daySatisfaction(serviceId, date),
          type: 'FIGURES_SATISFACTION',
          ...satisfaction,
          rev: revision,
          [GSI1.pk]: figuresKeys.mall(mallId),
          [GSI1.sk]: figuresKeys.mallSatisfactionSort(date, serviceId),
        },
      ].map(async (Item) => {
        try {
          await this.client.send(new PutCommand({ TableName: this.tableName, Item, ...newer }));
        } catch (error) {
          // A summary of a later revision is there already: it includes these facts.
          if (!isConditionFailure(error)) throw error;
        }
      }),
    );
  }

  async putComplaintFact(fact: ComplaintFact): Promise<void> {
    const item: Record<string, unknown> = {
      ...figuresKeys.complaint(fact.complaintId),
      type: 'FIGURES_COMPLAINT',
      ...fact,
      [GSI1.pk]: figuresKeys.mall(fact.mallId),
      [GSI1.sk]: figuresKeys.mallComplaintSort(fact.date, fact.complaintId),
    };
    // Moving to another agency is a change of this one item's index key: it never leaves a copy behind.
    if (fact.agencyId) {
      item[GSI2.pk] = figuresKeys.agency(fact.agencyId);
      item[GSI2.sk] = figuresKeys.agencyComplaintSort(fact.date, fact.complaintId);
    }
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#v) OR #v <= :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': fact.version },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async agencyPeriod(agencyId: string, from: string, to: string): Promise<PeriodRollup> {
    const [low, high] = figuresKeys.agencyRange(from, to);
    const items = await this.queryAll({
      IndexName: GSI2.name,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
      ExpressionAttributeNames: { '#pk': GSI2.pk, '#sk': GSI2.sk },
      ExpressionAttributeValues: { ':pk': figuresKeys.agency(agencyId), ':low': low, ':high': high },
    });
    return {
      days: items.filter((i) => i.type === 'FIGURES_DAY').map(summaryFromItem),
      complaints: items.filter((i) => i.type === 'FIGURES_COMPLAINT').map(complaintFromItem),
    };
  }

  async mallPeriod(mallId: string, from: string, to: string): Promise<PeriodRollup> {
    const [days, complaints] = await Promise.all([
      this.queryMall(mallId, 'D', from, to),
      this.queryMall(mallId, 'C', from, to),
    ]);
    return { days: days.map(summaryFromItem), complaints: complaints.map(complaintFromItem) };
  }

  async mallSatisfaction(mallId: string, from: string, to: string): Promise<SatisfactionCounts[]> {
    const items = await this.queryMall(mallId, 'S', from, to);
    return items.map((i) => ({
      served: Number(i.served ?? 0),
      responses: Number(i.responses ?? 0),
      scoreSums: (i.scoreSums as number[] | undefined) ?? [],
    }));
  }

  private queryMall(mallId: string, kind: 'D' | 'C' | 'S', from: string, to: string) {
    const [low, high] = figuresKeys.mallRange(kind, from, to);
    return this.queryAll({
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
      ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk },
      ExpressionAttributeValues: { ':pk': figuresKeys.mall(mallId), ':low': low, ':high': high },
    });
  }

  /** Every page of a Query (one page, one request, unless the period's items pass 1 MB). */
  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
