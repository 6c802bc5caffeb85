/**
 * The text rules of free text (docs/domain-rules.md, 'Complaint desk'): stored as NFC and trimmed;
 * control characters (but newline and tab in multi-line fields), bidi embeddings, overrides and isolates,
 * and lone surrogates refused with BAD_USER_INPUT naming the field; lengths in code points; nothing made
 * only of invisible characters.
 */
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/domain/shared/errors.js';
import { cleanText, codePointLength, type TextRule } from '../../src/domain/shared/text.js';

const LINE: TextRule = { field: 'input.subject', what: 'The subject', min: 2, max: 5 };
const LINES: TextRule = { ...LINE, field: 'input.description', what: 'The description', multiline: true };

function refusal(value: string, rule: TextRule = LINE): BadInputError {
  try {
    cleanText(value, rule);
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return error as BadInputError;
  }
  return expect.fail(`accepted ${JSON.stringify(value)}`);
}

describe('cleanText', () => {
  it('stores NFC, trimmed: a decomposed é becomes one code point', () => {
    expect(cleanText('  Cafe\u0301 ', LINE)).toBe('Caf\u00e9');
    expect(cleanText('Cafe\u0301', LINE)).toHaveLength(4);
  });

  it('counts code points, so an emoji is one character, not two', () => {
    expect(cleanText('😀😀😀😀😀', LINE)).toBe('😀😀😀😀😀');
    expect(refusal('😀😀😀😀😀😀').message).toBe('The subject must be 2 to 5 characters.');
    expect(codePointLength('😀é\u0301')).toBe(3);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['BEL', 'a\u0007b'],
    ['DEL', 'a\u007Fb'],
    ['a C1 control', 'a\u0085b'],
    ['a newline on one line', 'a\nb'],
    ['a tab on one line', 'a\tb'],
  ])('refuses %s, naming the field', (_what, value) => {
    const error = refusal(value);
    expect(error.field).toBe('input.subject');
    expect(error.code).toBe('BAD_USER_INPUT');
  });

  it('keeps newlines and tabs where several lines are allowed, and makes CRLF and CR newlines', () => {
    expect(cleanText('a\r\n\tb', LINES)).toBe('a\n\tb');
    expect(refusal('a\u0000b', LINES).field).toBe('input.description');
    expect(cleanText('a\rb', LINES)).toBe('a\nb'); // an old Mac line break is a line break too
  });

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'refuses the bidi control U+%s',
    (mark) => {
      expect(refusal(`ab${mark}c`).message).toMatch(/text-direction/);
    },
  );

  it('refuses lone surrogates, high or low, and keeps a whole pair', () => {
    expect(refusal('a\uD800b').message).toMatch(/lone surrogate/);
    expect(refusal('a\uDC00b').message).toMatch(/lone surrogate/);
    expect(refusal('ab\uD83D').message).toMatch(/lone surrogate/);
    expect(cleanText('a\uD83D\uDE00b', LINE)).toBe('a😀b');
  });

  it('refuses a value of only invisible characters, and accepts them inside visible text', () => {
    for (const invisible of ['\u200B\u200B', '\u200D\uFEFF\u2060', '\u3164\u3164']) {
      expect(refusal(invisible).message).toBe('The subject must contain visible characters.');
    }
    expect(cleanText('a\u200Db', LINE)).toBe('a\u200Db');
  });

  it('says a blank value is too short rather than invisible', () => {
    expect(refusal('   ').message).toBe('The subject must be 2 to 5 characters.');
  });
});
