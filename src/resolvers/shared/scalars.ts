/**
 * The scalars of the contract. A malformed value is refused as
 * BAD_USER_INPUT, as a variable or as a literal.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isLocalDate, isLocalTime } from '../../domain/time/local-time.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

function stringScalar(name: string, description: string, valid: (v: string) => boolean, hint: string) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} must be ${hint}.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => {
      if (value instanceof Date) return value.toISOString();
      return check(value);
    },
    parseValue: check,
    parseLiteral: (ast: ValueNode) => check(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const DateTimeScalar = stringScalar(
  'DateTime',
  'An instant, RFC 3339 with offset, e.g. 2026-12-01T08:15:00+07:00 or ...Z.',
  (v) => RFC3339.test(v) && !Number.isNaN(Date.parse(v)),
  'an RFC 3339 instant with offset, e.g. 2026-12-01T08:15:00+07:00',
);

export const DateScalar = stringScalar(
  'Date',
  "A calendar date in the mall's own time zone, YYYY-MM-DD.",
  isLocalDate,
  'a real calendar date YYYY-MM-DD',
);

export const LocalTimeScalar = stringScalar(
  'LocalTime',
  "A wall-clock time in the mall's own time zone, HH:mm (24 h).",
  (v) => isLocalTime(v) || v === '24:00',
  'a time HH:mm on a 24-hour clock',
);
