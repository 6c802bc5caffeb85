/**
 * The queue use cases: take a ticket, move it through its states, and read
 * positions, estimates, queues and the hall display. Receives its ports;
 * knows nothing of DynamoDB or GraphQL.
 */

import { assertCanIssueTicket, assertCanOperateQueue, isStaffOfAgency } from '../access/access.js';
import type { Viewer } from '../access/viewer.js';
import { type Counter, isPlausibleId, type Mall, mallIdOf, type Service } from '../catalog/catalog.js';
import type { CatalogLookups, IndexedCatalog } from '../catalog/catalog-reader.js';
import { intervalAt } from '../catalog/schedule.js';
import {
  AgencyClosedError,
  BadInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../shared/errors.js';
import { assertIdempotencyKey, claimOrAwait, type IdempotencyRepository } from '../shared/idempotency.js';
import { type RandomSource, randomFraction } from '../shared/random.js';
import type { Secrets } from '../shared/secrets.js';
import { StaleWriteError } from '../shared/stale-write-error.js';
import type { Sleeper } from '../time/clock.js';
import { type LocalDate, localDateOf, minutesOfDay, toZoned } from '../time/local-time.js';
import { callOrder, contendedPick, nextStreak, positionOf } from './call-order.js';
import { derivedHolderCode, holderCodeFrom, holderCodeHash } from './holder-code.js';
import { newWaitingTicket } from './new-ticket.js';
import { isPriority, type PriorityGroup, type Ticket } from './ticket.js';
import type { LiveQueue, MoveEffects, TicketRepository } from './ticket-repository.js';
import { applyMove, type TicketMove } from './ticket-state.js';
import { averageServiceMinutes, estimateWaitMinutes } from './wait-estimate.js';

/** Makes unguessable ids; injected so tests can predict them. */
export interface IdSource {
  ticketId(): string;
}

/** A request to take a ticket. */
export interface TakeTicketInput {
  serviceId: string;
  priority: PriorityGroup;
  idempotencyKey: string | null;
}

/** A service's queue on one date. */
export interface QueueSummary {
  service: Service;
  date: LocalDate;
  issued: number;
  waiting: number;
  remainingQuota: number | null;
  estimatedWaitMinutes: number;
  nowServing: Ticket[];
}

/** Where a waiting ticket stands. */
export interface WaitInfo {
  position: number;
  estimatedWaitMinutes: number;
}

/** Rounds of re-reading the queue when other counters keep winning the next ticket. */
const CALL_NEXT_ROUNDS = 10;
/** Candidates tried per round before the queue is read again. */
const CALL_NEXT_TRIES_PER_ROUND = 4;
/** The longest hall display. */
export const MAX_BOARD_LIMIT = 50;

/**
 * Made per request (its repository caches that request's reads), so memos
 * here never outlive a request.
 */
export class QueueService {
  private readonly waitInfos = new Map<string, Promise<WaitInfo | null>>();

  constructor(
    private readonly tickets: TicketRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly catalog: CatalogLookups,
    private readonly ids: IdSource,
    private readonly sleeper: Sleeper,
    private readonly random: RandomSource,
    private readonly secrets: Secrets,
  ) {}

  /** A ticket's service may since have been deactivated: its tickets still resolve. */
  private catalogOfService(serviceId: string): Promise<{ catalog: IndexedCatalog; service: Service }> {
    return this.catalog.requireService(serviceId, false);
  }

  private async catalogOfCounter(counterId: string): Promise<{ catalog: IndexedCatalog; counter: Counter }> {
    const catalog = await this.catalog.catalogOf(counterId);
    const counter = catalog?.counters.get(counterId);
    if (!catalog || !counter?.active) throw new NotFoundError('No such counter.');
    return { catalog, counter };
  }

  /** The mall-local date of an instant. */
  today(mall: Mall, now: Date): LocalDate {
    return localDateOf(now, mall.timeZone);
  }

  /**
   * Refuses a ticket outside the agency's hours or after the service's cut-off.
   * @throws AgencyClosedError
   */
  private assertIssuing(catalog: IndexedCatalog, service: Service, now: Date): LocalDate {
    const agency = catalog.agencies.get(service.agencyId);
    if (!agency?.active || !service.active) throw new NotFoundError('No such service.');
    const { date, time } = toZoned(now, catalog.mall.timeZone);
    const interval = intervalAt(catalog.agencySchedule(agency).chain, date, time);
    if (!interval) throw new AgencyClosedError(`${agency.shortName ?? agency.name} is closed now.`);
    if (minutesOfDay(time) >= minutesOfDay(interval.closes) - service.cutoffMinutes) {
      throw new AgencyClosedError(
        `Tickets for ${service.name} are issued until ${service.cutoffMinutes} minutes before closing (${interval.closes}).`,
      );
    }
    return date;
  }

  /**
   * Takes a walk-in ticket, from a kiosk of the mall or by its staff. The same caller with the same
   * idempotency key always gets the same ticket, holder code included.
   * @throws UnauthenticatedError, ForbiddenError, NotFoundError, BadInputError, AgencyClosedError,
   *   QuotaExhaustedError, ConflictError
   */
  async takeTicket(viewer: Viewer, input: TakeTicketInput, now: Date): Promise<Ticket> {
    const key = input.idempotencyKey;
    // Who may issue comes first, before anything is read.
    const mallId = mallIdOf(input.serviceId);
    // An id that names no mall is no service: NOT_FOUND below, for anyone who may issue somewhere.
    if (mallId !== null || viewer.role === 'PUBLIC') assertCanIssueTicket(viewer, mallId ?? '');
    if (key !== null) assertIdempotencyKey(key, 'input.idempotencyKey');
    const { catalog, service } = await this.catalogOfService(input.serviceId);
    const { hasher } = this.secrets;
    // What a replay must repeat: who asked, and for what.
    const request = [callerOf(viewer), service.id, input.priority];
    const holderCode =
      key === null ? holderCodeFrom(this.random.bytes(10)) : derivedHolderCode(hasher, [...request, key]);
    const codeHash = holderCodeHash(hasher, holderCode);

    if (key !== null) {
      const load = (id: string) => this.tickets.getTicket(id);
      const existing = await claimOrAwait(
        this.sleeper,
        this.idempotency,
        'takeTicket',
        key,
        hasher.hash('idempotency', request.join('\u0000')),
        now,
        load,
        'input.idempotencyKey',
      );
      if (existing) return existing.holderCodeHash === codeHash ? { ...existing, holderCode } : existing;
    }
    try {
      const date = this.assertIssuing(catalog, service, now);
      const sequence = await this.tickets.nextSequence(
        service.id,
        service.agencyId,
        date,
        service.dailyQuota,
      );
      const at = now.toISOString();
      const ticket = newWaitingTicket({
        id: this.ids.ticketId(),
        service,
        date,
        sequence,
        priority: input.priority,
        issuedAt: at,
        queuedAt: at,
        appointmentId: null,
        holderCodeHash: codeHash,
        actor: viewer,
      });
      await this.tickets.createTicket(ticket, key);
      return { ...ticket, holderCode };
    } catch (error) {
      if (key !== null) await this.idempotency.release('takeTicket', key);
      throw error;
    }
  }

  /**
   * Cancels a ticket: its holder, with the holder code, while it is WAITING; or staff of its agency.
   * A ticket's id alone authorizes nothing.
   * @throws UnauthenticatedError, ForbiddenError, NotFoundError, InvalidTransitionError, ConflictError
   */
  async cancel(viewer: Viewer, id: string, holderCode: string | null, now: Date): Promise<Ticket> {
    const ticket = await this.requireTicket(id);
    if (holderCode === null || holderCode === '') {
      if (!isStaffOfAgency(viewer, ticket.agencyId)) {
        if (viewer.role === 'PUBLIC') {
          throw new UnauthenticatedError(
            'Give the ticket’s holder code (printed on the ticket) to cancel it.',
          );
        }
        throw new ForbiddenError('You may not cancel this agency’s tickets.');
      }
      return this.move(viewer, ticket, { kind: 'CANCEL' }, now);
    }
    if (
      ticket.holderCodeHash === null ||
      holderCodeHash(this.secrets.hasher, holderCode) !== ticket.holderCodeHash
    ) {
      throw new ForbiddenError('The holder code does not match this ticket.');
    }
    if (ticket.status !== 'WAITING') {
      throw new InvalidTransitionError(
        'A ticket can be cancelled with its holder code only while it is waiting.',
      );
    }
    return this.move(viewer, ticket, { kind: 'CANCEL' }, now, 0, true);
  }

  /** A ticket by id, or null. */
  ticket(id: string): Promise<Ticket | null> {
    return isPlausibleId(id) ? this.tickets.getTicket(id) : Promise.resolve(null);
  }

  private async requireTicket(id: string): Promise<Ticket> {
    const ticket = await this.ticket(id);
    if (!ticket) throw new NotFoundError('No such ticket.');
    return ticket;
  }

  /** Averages and counters behind a service's estimate. */
  private estimateFor(catalog: IndexedCatalog, service: Service, queue: LiveQueue, position: number): number {
    const stats = queue.stats.get(service.id);
    const average = averageServiceMinutes(stats?.serviceMinutes ?? [], service.averageServiceMinutes);
    const counters = catalog
      .activeCountersOf(service.agencyId)
      .filter((c) => c.serviceIds.includes(service.id)).length;
    return estimateWaitMinutes(position, average, counters);
  }

  /** Position and estimate of a WAITING ticket; null otherwise. Computed once per ticket and version. */
  waitInfo(ticket: Ticket): Promise<WaitInfo | null> {
    const key = `${ticket.id}@${ticket.version}`;
    let info = this.waitInfos.get(key);
    if (!info) {
      info = this.computeWaitInfo(ticket);
      this.waitInfos.set(key, info);
    }
    return info;
  }

  private async computeWaitInfo(ticket: Ticket): Promise<WaitInfo | null> {
    if (ticket.status !== 'WAITING') return null;
    const { catalog, service } = await this.catalogOfService(ticket.serviceId);
    const queue = await this.tickets.liveQueue(ticket.agencyId, ticket.date);
    const sameService = queue.waiting.filter((t) => t.serviceId === ticket.serviceId);
    if (!sameService.some((t) => t.id === ticket.id)) sameService.push(ticket); // index lag on AWS
    const limit = catalog.mall.settings.priorityStreakLimit;
    const position = positionOf(ticket.id, sameService, { priorityStreak: 0, limit }) ?? 0;
    return { position, estimatedWaitMinutes: this.estimateFor(catalog, service, queue, position) };
  }

  /** A service's queue on a date (today when null). */
  async serviceQueue(service: Service, date: LocalDate | null, now: Date): Promise<QueueSummary> {
    const { catalog } = await this.catalogOfService(service.id);
    const day = date ?? this.today(catalog.mall, now);
    const queue = await this.tickets.liveQueue(service.agencyId, day);
    const waiting = queue.waiting.filter((t) => t.serviceId === service.id).length;
    const stats = queue.stats.get(service.id);
    const issued = stats?.issued ?? 0;
    // Bookings hold their places of the quota from the moment they are made, walk-ins from issue.
    const committed = stats?.committed ?? issued;
    return {
      service,
      date: day,
      issued,
      waiting,
      remainingQuota: service.dailyQuota === null ? null : Math.max(0, service.dailyQuota - committed),
      estimatedWaitMinutes: this.estimateFor(catalog, service, queue, waiting),
      nowServing: queue.active.filter((t) => t.serviceId === service.id),
    };
  }

  /** The ticket CALLED or SERVING at a counter, if any. */
  async currentTicket(counterId: string): Promise<Ticket | null> {
    const state = await this.tickets.getCounterState(counterId);
    return state.currentTicketId ? this.tickets.getTicket(state.currentTicketId) : null;
  }

  /**
   * The tickets a counter may call now, in the order `callNext` would take them (the officer console).
   * @throws UnauthenticatedError, ForbiddenError (not staff of the counter's agency), NotFoundError, BadInputError
   */
  async waitingAt(viewer: Viewer, counterId: string, first: number, now: Date): Promise<Ticket[]> {
    assertPageSize(first, 'first');
    const { catalog, counter } = await this.catalogOfCounter(counterId);
    assertCanOperateQueue(viewer, counter.agencyId);
    const [queue, state] = await Promise.all([
      this.tickets.liveQueue(counter.agencyId, this.today(catalog.mall, now)),
      this.tickets.getCounterState(counterId),
    ]);
    const mine = queue.waiting.filter((t) => counter.serviceIds.includes(t.serviceId));
    const limit = catalog.mall.settings.priorityStreakLimit;
    return callOrder(mine, { priorityStreak: state.priorityStreak, limit }).slice(0, first);
  }

  /**
   * Today's no-shows of a service, latest first, so an officer can reactivate one (staff only).
   * @throws UnauthenticatedError, ForbiddenError, BadInputError
   */
  async noShows(viewer: Viewer, summary: QueueSummary, first: number): Promise<Ticket[]> {
    assertPageSize(first, 'first');
    assertCanOperateQueue(viewer, summary.service.agencyId);
    return this.tickets.noShows(summary.service.id, summary.date, first);
  }

  /** The hall display: the tickets now called or being served in the mall today, latest call first. */
  async board(mall: Mall, limit: number, now: Date): Promise<Ticket[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BOARD_LIMIT) {
      throw new BadInputError(`limit must be between 1 and ${MAX_BOARD_LIMIT}.`, 'limit');
    }
    return this.tickets.board(mall.id, this.today(mall, now), limit);
  }

  /**
   * Calls the next ticket at a counter, across every service it serves;
   * null when nobody waits. Two counters never get the same ticket.
   * @throws NotFoundError, InvalidTransitionError (the counter still holds a ticket), ConflictError
   */
  async callNext(viewer: Viewer, counterId: string, now: Date): Promise<Ticket | null> {
    const { catalog, counter } = await this.catalogOfCounter(counterId);
    assertCanOperateQueue(viewer, counter.agencyId);
    const state = await this.tickets.getCounterState(counterId);
    if (state.currentTicketId) {
      throw new InvalidTransitionError(
        `${counter.name} still holds a ticket; finish, cancel, transfer or mark it before calling the next.`,
      );
    }
    const mall = catalog.mall;
    const date = this.today(mall, now);
    const ctx = {
      now,
      today: date,
      minRecallsBeforeNoShow: mall.settings.minRecallsBeforeNoShow,
      actor: viewer,
    };
    const opts = { priorityStreak: state.priorityStreak, limit: mall.settings.priorityStreakLimit };
    const serves = (serviceId: string) => counter.serviceIds.includes(serviceId);
    // Counters that could be calling the same tickets right now, this one included.
    const contenders = catalog
      .activeCountersOf(counter.agencyId)
      .filter((c) => c.serviceIds.some(serves)).length;
    const lost = new Set<string>();
    // Tries other counters won (or collided with) during this call: each is a call made at the same moment.
    let losses = 0;
    for (let round = 0; round < CALL_NEXT_ROUNDS; round++) {
      const queue = await this.tickets.liveQueue(counter.agencyId, date);
      const mine = queue.waiting.filter((t) => serves(t.serviceId));
      for (let tries = 0; tries < CALL_NEXT_TRIES_PER_ROUND; tries++) {
        // Ordered afresh each try: only this counter's own call moves its priority streak.
        const candidates = callOrder(
          mine.filter((t) => !lost.has(t.id)),
          opts,
        );
        if (candidates.length === 0) {
          if (tries === 0) return null;
          break; // every ticket of this read was lost: read the queue again
        }
        // Never pass over more waiting tickets than the calls seen made meanwhile, nor than there are counters.
        const spread = Math.min(contenders, losses + 1);
        const ticket =
          candidates[losses === 0 ? 0 : contendedPick(candidates, spread, () => randomFraction(this.random))];
        if (!ticket) return null; // unreachable: candidates is not empty
        const after = applyMove(ticket, { kind: 'CALL', counterId }, ctx);
        try {
          await this.tickets.saveMove(ticket, after, {
            takeCounter: {
              counterId,
              priorityStreak: nextStreak(state.priorityStreak, isPriority(ticket.priority)),
            },
          });
          return after;
        } catch (error) {
          if (!(error instanceof StaleWriteError)) throw error;
          if (error.reason === 'COUNTER') {
            throw new ConflictError(`${counter.name} was just used by another call. Try again.`);
          }
          losses++;
          if (error.reason === 'TICKET') {
            lost.add(ticket.id); // another counter called it first: try another
          } else {
            // Two transactions collided and both were cancelled: back off a little and read again.
            await this.backOff(round);
            break;
          }
        }
      }
    }
    throw new ConflictError('Other counters kept calling the same tickets. Try again.');
  }

  /**
   * Calls a given WAITING ticket at a counter now, out of turn.
   * @throws NotFoundError, BadInputError, InvalidTransitionError, ConflictError
   */
  async callTicket(viewer: Viewer, id: string, counterId: string, now: Date): Promise<Ticket> {
    const { counter } = await this.catalogOfCounter(counterId);
    assertCanOperateQueue(viewer, counter.agencyId);
    const ticket = await this.requireTicket(id);
    if (!counter.serviceIds.includes(ticket.serviceId)) {
      throw new BadInputError(`${counter.name} does not serve this ticket's service.`, 'counterId');
    }
    const state = await this.tickets.getCounterState(counterId);
    if (state.currentTicketId) {
      throw new InvalidTransitionError(
        `${counter.name} still holds a ticket; finish, cancel, transfer or mark it before calling another.`,
      );
    }
    return this.move(viewer, ticket, { kind: 'CALL', counterId }, now, state.priorityStreak);
  }

  /** Recalls, starts, finishes, marks no-show or reactivates a ticket. */
  async moveById(
    viewer: Viewer,
    id: string,
    kind: 'RECALL' | 'START' | 'FINISH' | 'NO_SHOW' | 'REACTIVATE',
    now: Date,
  ): Promise<Ticket> {
    return this.move(viewer, await this.requireTicket(id), { kind }, now);
  }

  /**
   * Moves a CALLED or SERVING ticket to another service's queue, same number.
   * @throws NotFoundError, BadInputError, InvalidTransitionError, ConflictError
   */
  async transfer(viewer: Viewer, id: string, toServiceId: string, now: Date): Promise<Ticket> {
    const ticket = await this.requireTicket(id);
    assertCanOperateQueue(viewer, ticket.agencyId);
    const target = await this.catalog.service(toServiceId);
    if (!target?.active || target.mallId !== ticket.mallId) {
      throw new NotFoundError('No such service in this mall.');
    }
    // The target may be another agency's service of the same mall (e.g. Disdukcapil to DPMPTSP).
    return this.move(viewer, ticket, { kind: 'TRANSFER', toServiceId, toAgencyId: target.agencyId }, now);
  }

  /** Full-jitter exponential back-off before the next read of the queue: up to 10, 20, 40 … 320 ms. */
  private backOff(round: number): Promise<void> {
    const ceiling = 10 * 2 ** Math.min(round, 5);
    return this.sleeper.sleep(randomFraction(this.random) * ceiling);
  }

  private async move(
    viewer: Viewer,
    ticket: Ticket,
    move: TicketMove,
    now: Date,
    streak = 0,
    byHolder = false,
  ): Promise<Ticket> {
    if (!byHolder) assertCanOperateQueue(viewer, ticket.agencyId);
    const { catalog } = await this.catalogOfService(ticket.serviceId);
    const mall = catalog.mall;
    const ctx = {
      now,
      today: this.today(mall, now),
      minRecallsBeforeNoShow: mall.settings.minRecallsBeforeNoShow,
      actor: viewer,
    };
    const after = applyMove(ticket, move, ctx);
    try {
      await this.tickets.saveMove(ticket, after, effectsOf(ticket, after, move, streak));
      return after;
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      if (error.reason === 'TICKET') {
        // Someone moved it first: tell the caller whether its move still makes sense.
        const current = await this.requireTicket(ticket.id);
        applyMove(current, move, ctx);
      }
      throw new ConflictError('The ticket or counter was changed by someone else just now. Try again.', {
        cause: error,
      });
    }
  }
}

/** What a move changes besides the ticket. */
function effectsOf(before: Ticket, after: Ticket, move: TicketMove, streak: number): MoveEffects {
  switch (move.kind) {
    case 'CALL':
      return {
        takeCounter: {
          counterId: move.counterId,
          priorityStreak: nextStreak(streak, isPriority(before.priority)),
        },
      };
    case 'FINISH':
      return {
        ...(before.counterId ? { releaseCounter: { counterId: before.counterId } } : {}),
        ...(after.startedAt && after.finishedAt
          ? { finishedMinutes: (Date.parse(after.finishedAt) - Date.parse(after.startedAt)) / 60_000 }
          : {}),
      };
    case 'NO_SHOW':
    case 'CANCEL':
    case 'TRANSFER':
      return before.counterId && before.status !== 'WAITING'
        ? { releaseCounter: { counterId: before.counterId } }
        : {};
    case 'RECALL':
    case 'START':
    case 'REACTIVATE':
      return {};
  }
}

/** Who a caller is for idempotency and holder codes: the token's subject, else its scope. */
function callerOf(viewer: Viewer): string {
  return viewer.subject ?? `${viewer.role}:${viewer.mallId ?? ''}:${viewer.agencyId ?? ''}`;
}

/** The longest list of the officer console. */
export const MAX_CONSOLE_LIST = 100;

function assertPageSize(first: number, field: string): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_CONSOLE_LIST) {
    throw new BadInputError(`${field} must be between 1 and ${MAX_CONSOLE_LIST}.`, field);
  }
}
