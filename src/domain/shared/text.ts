/**
 * Text as people type it, made safe to store and show (docs/domain-rules.md, 'Text'): Unicode NFC,
 * no control characters (a multi-line field keeps newlines and tabs), no bidi overrides or isolates
 * (they make a line read differently from what is stored), no lone surrogates, lengths in code points,
 * and never a value made only of invisible characters. Pure, for every room that takes free text.
 */
import { BadInputError } from './errors.js';

/** How one free-text field is checked. */
export interface TextRule {
  /** The input path named in the error, e.g. `input.subject`. */
  field: string;
  /** How the message names the field, e.g. `The subject`. */
  what: string;
  /** Fewest code points, after trimming. */
  min: number;
  /** Most code points, after trimming. */
  max: number;
  /** Whether newlines and tabs are allowed (a description, a message). @default false */
  multiline?: boolean;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** C0 and C1 controls and DEL (Unicode category Cc). */
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_NEWLINE_AND_TAB = /[^\P{Cc}\n\t]/u;
/** Separators, format characters (zero-width space, joiners, BOM) and other marks that show nothing. */
const INVISIBLE = /[\p{Z}\p{Cf}\s\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** The number of Unicode code points of `value` (what a person counts as characters, near enough). */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * The stored form of a free-text value: NFC, trimmed, line breaks as `\n`.
 * @throws BadInputError naming `rule.field` for a lone surrogate, a control character, a bidi override,
 *   a value of only invisible characters, or a length outside `rule.min` to `rule.max` code points.
 */
export function cleanText(value: string, rule: TextRule): string {
  if (LONE_SURROGATE.test(value)) {
    throw new BadInputError(`${rule.what} contains a broken character (a lone surrogate).`, rule.field);
  }
  const text = (rule.multiline ? value.replace(/\r\n?/g, '\n') : value).normalize('NFC').trim();
  if ((rule.multiline ? CONTROL_EXCEPT_NEWLINE_AND_TAB : CONTROL).test(text)) {
    throw new BadInputError(
      rule.multiline
        ? `${rule.what} may not contain control characters other than new lines and tabs.`
        : `${rule.what} may not contain control characters, new lines or tabs.`,
      rule.field,
    );
  }
  if (BIDI_CONTROL.test(text)) {
    throw new BadInputError(`${rule.what} may not contain text-direction override characters.`, rule.field);
  }
  if (rule.min > 0 && text !== '' && text.replace(INVISIBLE, '') === '') {
    throw new BadInputError(`${rule.what} must contain visible characters.`, rule.field);
  }
  const length = codePointLength(text);
  if (length < rule.min || length > rule.max) {
    throw new BadInputError(`${rule.what} must be ${rule.min} to ${rule.max} characters.`, rule.field);
  }
  return text;
}
