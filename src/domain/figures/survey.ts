/**
 * The community satisfaction survey (SKM, PermenPANRB 14/2017): nine elements, each scored 1 to 4,
 * one survey per DONE ticket (docs/domain-rules.md, 'Figures and IKM'). Pure: checks and shapes.
 */
import { BadInputError } from '../shared/errors.js';
import { cleanText } from '../shared/text.js';

/** The nine elements, in the order the regulation lists them and the figures show them. */
export const SURVEY_ELEMENTS = [
  'PERSYARATAN',
  'PROSEDUR',
  'WAKTU',
  'BIAYA',
  'PRODUK',
  'KOMPETENSI',
  'PERILAKU',
  'PENGADUAN',
  'SARANA',
] as const;
export type SurveyElement = (typeof SURVEY_ELEMENTS)[number];

/** Lowest and highest score of an element. */
export const MIN_SCORE = 1;
export const MAX_SCORE = 4;
/** Longest comment kept, in characters after normalization. */
export const MAX_COMMENT_LENGTH = 1000;

/** One answer as the caller sends it. */
export interface SurveyAnswer {
  element: SurveyElement;
  score: number;
}

/** A stored survey: the ticket it rates and where that ticket was served. */
export interface Survey {
  ticketId: string;
  mallId: string;
  agencyId: string;
  serviceId: string;
  /** The ticket's mall-local date: the survey counts in that day's figures. */
  date: string;
  /** Scores in `SURVEY_ELEMENTS` order. */
  scores: number[];
  /** Stored for the mall to read; never part of any figure. */
  comment: string | null;
  submittedAt: string;
}

/**
 * The scores in `SURVEY_ELEMENTS` order.
 * @throws BadInputError (field `input.answers`) unless every element is answered exactly once with a whole number from 1 to 4.
 */
export function scoresOf(answers: readonly SurveyAnswer[]): number[] {
  const byElement = new Map<SurveyElement, number>();
  for (const answer of answers) {
    if (byElement.has(answer.element)) {
      throw new BadInputError(`The element ${answer.element} is answered more than once.`, 'input.answers');
    }
    if (!Number.isInteger(answer.score) || answer.score < MIN_SCORE || answer.score > MAX_SCORE) {
      throw new BadInputError(
        `The score of ${answer.element} must be a whole number from ${MIN_SCORE} to ${MAX_SCORE}.`,
        'input.answers',
      );
    }
    byElement.set(answer.element, answer.score);
  }
  const missing = SURVEY_ELEMENTS.filter((e) => !byElement.has(e));
  if (missing.length > 0) {
    throw new BadInputError(
      `Every element must be answered; missing: ${missing.join(', ')}.`,
      'input.answers',
    );
  }
  return SURVEY_ELEMENTS.map((e) => byElement.get(e) ?? 0);
}

/**
 * The comment as stored: NFC, trimmed, by the text rules every free-text field follows; null when
 * empty or absent.
 * @throws BadInputError (field `input.comment`) for control or bidi characters, lone surrogates, or over 1,000 characters.
 */
export function normalizeComment(comment: string | null | undefined): string | null {
  if (comment === null || comment === undefined) return null;
  const text = cleanText(comment, {
    field: 'input.comment',
    what: 'The comment',
    min: 0,
    max: MAX_COMMENT_LENGTH,
    multiline: true,
  });
  return text === '' ? null : text;
}
