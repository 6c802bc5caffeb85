/**
 * What one complaint contributes to the complaint figures of its agency and mall
 * (docs/domain-rules.md, 'Figures and IKM'): when it was received, the agency's first answer against
 * the deadline of the stage it answered in, the working hours that took, and when it becomes
 * overdue if nobody acts. Recomputed whole from each newer version of the complaint.
 */
import type { IndexedCatalog } from '../catalog/catalog-reader.js';
import {
  type Complaint,
  type ComplaintEvent,
  isAwaitingAction,
  STAGE_WORKING_DAYS,
} from '../complaints/complaint.js';
import { localDateOf } from '../time/local-time.js';
import { workingDayDeadline } from '../time/working-days.js';
import { workingMsBetween } from '../time/working-hours.js';
import { MS_PER_HOUR, median, roundRatio } from './figures-math.js';

/** One complaint as the figures see it. */
export interface ComplaintFact {
  complaintId: string;
  mallId: string;
  /** The agency that answers it (assigned, else named); null while the mall holds it. */
  agencyId: string | null;
  /** Mall-local date of submission: the period it is counted in. */
  date: string;
  version: number;
  /** The agency's first answer; null while unanswered. */
  firstAnswerAt: string | null;
  /** Whether that answer came by the deadline of its stage; null while unanswered. */
  answeredOnTime: boolean | null;
  /** Working time (ms) from submission to the first answer, by the agency's resolved schedule. */
  firstAnswerWorkingMs: number | null;
  /** The deadline of the stage it waits in, while it awaits action; null otherwise. */
  overdueAfter: string | null;
}

/** Who wrote a timeline entry, once the complaint desk records it; older entries say nothing. */
function authorOf(event: ComplaintEvent): string | undefined {
  const author = (event as { author?: unknown }).author;
  return typeof author === 'string' ? author : undefined;
}

/** The agency's first answer: the first IN_PROGRESS or RESOLVED entry after an assignment, and when that stage began. */
function firstAnswer(c: Complaint): { at: string; stageStartedAt: string } | null {
  let assignedAt: string | null = null;
  for (const event of c.timeline) {
    if (event.status === 'ASSIGNED') assignedAt = event.at;
    else if (
      assignedAt !== null &&
      (event.status === 'IN_PROGRESS' || event.status === 'RESOLVED') &&
      (authorOf(event) === undefined || authorOf(event) === 'AGENCY')
    ) {
      return { at: event.at, stageStartedAt: assignedAt };
    }
  }
  return null;
}

/** The fact of a complaint, reading its mall's schedule from `catalog`. */
export function complaintFact(c: Complaint, catalog: IndexedCatalog): ComplaintFact {
  const agencyId = c.assignedAgencyId ?? c.agencyId;
  const mall = catalog.mallSchedule();
  const agency = agencyId ? catalog.agencies.get(agencyId) : undefined;
  const agencyChain = agency ? catalog.agencySchedule(agency).chain : mall.chain;
  const answer = firstAnswer(c);
  let answeredOnTime: boolean | null = null;
  let firstAnswerWorkingMs: number | null = null;
  if (answer) {
    // The same deadline the desk promised for that stage: its working days by the mall's calendar.
    const due = workingDayDeadline(
      mall.chain,
      mall.timeZone,
      new Date(answer.stageStartedAt),
      STAGE_WORKING_DAYS.ASSIGNED ?? 5,
    );
    answeredOnTime = Date.parse(answer.at) <= due.getTime();
    firstAnswerWorkingMs = workingMsBetween(
      agencyChain,
      mall.timeZone,
      new Date(c.submittedAt),
      new Date(answer.at),
    );
  }
  return {
    complaintId: c.id,
    mallId: c.mallId,
    agencyId,
    date: localDateOf(new Date(c.submittedAt), mall.timeZone),
    version: c.version,
    firstAnswerAt: answer?.at ?? null,
    answeredOnTime,
    firstAnswerWorkingMs,
    overdueAfter: isAwaitingAction(c.status) ? c.dueAt : null,
  };
}

/** Complaint figures of a period. */
export interface ComplaintFigures {
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Received in the period, awaiting action and past their stage's deadline at `now`. */
  overdueNow: number;
  /** Median working hours to the agency's first answer, 2 decimals; null with no answer. */
  medianFirstAnswerHours: number | null;
}

/** The figures of the complaints received in a period. */
export function complaintFigures(facts: readonly ComplaintFact[], now: Date): ComplaintFigures {
  const nowIso = now.toISOString();
  const hours = facts
    .map((f) => f.firstAnswerWorkingMs)
    .filter((ms): ms is number => ms !== null)
    .sort((a, b) => a - b);
  const middle = median(hours);
  return {
    received: facts.length,
    answeredOnTime: facts.filter((f) => f.answeredOnTime === true).length,
    answeredLate: facts.filter((f) => f.answeredOnTime === false).length,
    overdueNow: facts.filter((f) => f.overdueAfter !== null && nowIso > f.overdueAfter).length,
    // A median of an even count is a half-millisecond at most: doubled, it stays a whole number.
    medianFirstAnswerHours: middle === null ? null : roundRatio(middle * 2, 2 * MS_PER_HOUR, 2),
  };
}
