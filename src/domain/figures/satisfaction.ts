/**
 * The community satisfaction index of a period (SKM/IKM, PermenPANRB 14/2017;
 * docs/domain-rules.md, 'Figures and IKM'), from whole-number sums of the days in it.
 */
import { type IkmGrade, ikmOf, krejcieMorganSample, roundRatio } from './figures-math.js';
import { SURVEY_ELEMENTS, type SurveyElement } from './survey.js';

/** What a day (or any part of a period) adds to the index. */
export interface SatisfactionCounts {
  /** Tickets served (DONE): the population the minimum sample is for. */
  served: number;
  responses: number;
  /** Per element, in `SURVEY_ELEMENTS` order. */
  scoreSums: readonly number[];
}

/** The mean score of one element, 2 decimals. */
export interface ElementScore {
  element: SurveyElement;
  average: number;
}

/** The index of a period as published. */
export interface SatisfactionIndex {
  from: string;
  to: string;
  responses: number;
  /** The Krejcie-Morgan minimum sample for the tickets served in the period. */
  requiredSample: number;
  /** Each element's mean; empty with no responses. */
  elements: ElementScore[];
  /** 25 × the mean of the element means, rounded once to 2 decimals; null with no responses. */
  ikm: number | null;
  grade: IkmGrade | null;
}

/** The index of a period from the counts of its parts. */
export function satisfactionOf(
  from: string,
  to: string,
  parts: readonly SatisfactionCounts[],
): SatisfactionIndex {
  let served = 0;
  let responses = 0;
  const sums = SURVEY_ELEMENTS.map(() => 0);
  for (const part of parts) {
    served += part.served;
    responses += part.responses;
    for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] ?? 0) + (part.scoreSums[i] ?? 0);
  }
  const ikm = ikmOf(sums, responses);
  return {
    from,
    to,
    responses,
    requiredSample: krejcieMorganSample(served),
    elements:
      responses === 0
        ? []
        : SURVEY_ELEMENTS.map((element, i) => ({
            element,
            average: roundRatio(sums[i] ?? 0, responses, 2) ?? 0,
          })),
    ikm: ikm?.rounded ?? null,
    grade: ikm?.grade ?? null,
  };
}
