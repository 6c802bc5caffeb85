/**
 * Fuzzing the API (issue 5): thousands of generated operations, each a valid
 * shape of a contract operation with hostile values (huge strings, wrong
 * types, unicode, nulls, deep nesting, out-of-range numbers, malformed
 * dates, ids, tracking codes and cursors, unknown enum values, random
 * tokens), plus malformed HTTP requests. No answer may be a 5xx, show a
 * stack trace or an internal name, or carry a code outside the closed list;
 * and where the input was invalid, the table must be unchanged.
 *
 * Deterministic: the cases come from a seeded PRNG (only the ids of the
 * tickets and complaint made in set-up differ from run to run).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from '../../src/domain/complaints/complaint.js';
import { PRIORITY_GROUPS } from '../../src/domain/queue/ticket.js';
import { ERROR_CODES } from '../../src/domain/shared/errors.js';
import { localLambdaContext } from '../../src/local/local-event.js';
import { LocalIssuer } from '../../src/local/local-issuer.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { type HttpEventOptions, httpEvent } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';

const SEED = 20_261_201;
const GENERATED_CASES = 2_200;
const CONCURRENCY = 20;
const MALL = 'fuzz-mall';
const OTHER_MALL = 'fuzz-other';
const AGENCY = `${MALL}:agency`;
// Tuesday 2026-12-01 09:00 WIB; the fixture malls are open all day.
const START = new Date('2026-12-01T02:00:00Z');

const ALLOWED_CODES = new Set<string>([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

// ---------------------------------------------------------------------------
// A seeded PRNG (mulberry32).

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

// ---------------------------------------------------------------------------
// Hostile values. None contains a word the answers are checked for (stack,
// pk, sk, gsi1, MALL#, DynamoDB, …), so an echo of the input is never mistaken for a leak.

const HUGE = 'x'.repeat(100_000);
const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b\u0000c',
  '\uD800',
  '\uDC00abc',
  'ab\uD83D',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍👩‍👧‍👦',
  '🇮🇩'.repeat(50),
  'Ω≈ç√∫˜µ≤≥÷',
  'Z̸̢͉̈́a̵l̷o̶',
  '\uFEFF\u200B\u200D',
  '\u2028\u2029',
  "' OR '1'='1",
  '"; DROP TABLE x; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload of a log-injection attack, as sent
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '%00%0d%0a',
  '../../../../etc/passwd',
  '\\\\\\',
  '__proto__',
  'constructor',
  '{"$gt":""}',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '9'.repeat(400),
  ' '.repeat(1_000),
  HUGE,
  // Over the body limit once encoded: 120,000 bytes of UTF-8.
  'ā'.repeat(60_000),
  '😀'.repeat(20_000),
];

const RANDOM_ALPHABET = [
  ...'abcdefhijlmnoqrtuvwxzABCEFHIJLNOQRTUVWXZ0123456789-_:.~!$&*()+,;=@ '.split(''),
  'é',
  'ñ',
  'ß',
  '中',
  '文',
  '🙂',
  '\u0301',
  '\u200D',
  '\u202E',
  '\u0000',
  '\u0007',
  '\uFFFF',
  '\uD800',
  'ع',
];

function randomString(r: Random, maxLength = 300): string {
  const length = r.int(0, maxLength);
  let s = '';
  for (let n = 0; n < length; n++) s += r.pick(RANDOM_ALPHABET);
  return s;
}

const WORDS = [
  'antrean',
  'loket',
  'lama',
  'petugas',
  'ramah',
  'mohon',
  'dibantu',
  'terima',
  'kasih',
  'pelayanan',
];
/** Unusual but valid text (docs/domain-rules.md, 'Complaint desk': no controls, bidi overrides or lone surrogates). */
const EXOTIC = ['🙂', '👩‍👩‍👧‍👦', 'مرحبا', 'e\u0301', '中文', 'é', '\u00A0', 'Z̸̢͉̈́', '🇮🇩', '\u200B'];

/** Text whose trimmed length is within [min, max]: words, spaces and exotic characters. */
function validText(r: Random, min: number, max: number): string {
  const target = r.int(min, Math.min(max, min + 200));
  let s = r.pick(WORDS);
  while (s.length < target) s += r.chance(0.3) ? r.pick(EXOTIC) : ` ${r.pick(WORDS)}`;
  s = s.slice(0, target);
  // Keep surrogate pairs whole, and the edges free of spaces, so that trimming keeps it in range.
  if (/[\uD800-\uDBFF]$/.test(s)) s = `${s.slice(0, -1)}x`;
  s = `${s.trimEnd()}`;
  // Lengths count code points.
  while ([...s].length < min) s += 'a';
  return s;
}

function nested(r: Random): unknown {
  const depth = r.int(100, 1_500);
  const array = r.chance(0.5);
  let value: unknown = array ? [] : { a: 1 };
  for (let n = 0; n < depth; n++) value = array ? [value] : { a: value };
  return value;
}

const WRONG_TYPES: readonly unknown[] = [
  0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  true,
  false,
  {},
  [],
  ['a'],
  { a: 1 },
  [[[[]]]],
  JSON.parse('{"__proto__":{"polluted":true}}'),
];

// ---------------------------------------------------------------------------
// The contract's operations, as specs of their arguments.

type IdOf = 'mall' | 'agency' | 'service' | 'counter' | 'ticket' | 'complaint';

type Scalar =
  | { kind: 'id'; of: IdOf }
  | { kind: 'trackingCode' }
  /** `blankIsNull`: a blank value means "not given" (the reporter's fields), so blank is valid. */
  | { kind: 'text'; min: number; max: number; blankIsNull?: boolean }
  | { kind: 'phone' }
  | { kind: 'nik' }
  | { kind: 'key' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'date' }
  | { kind: 'cursor' };

interface InputSpec {
  kind: 'input';
  fields: Record<string, Position>;
}

interface Position {
  /** The GraphQL type, e.g. `ID!`; `!` makes it required. */
  type: string;
  spec: Scalar | InputSpec;
}

const P = (type: string, spec: Scalar | InputSpec): Position => ({ type, spec });
const id = (of: IdOf): Scalar => ({ kind: 'id', of });
const text = (min: number, max: number, blankIsNull = false): Scalar => ({
  kind: 'text',
  min,
  max,
  blankIsNull,
});
const PRIORITIES = PRIORITY_GROUPS;
const CATEGORIES = COMPLAINT_CATEGORIES;
const STATUSES = COMPLAINT_STATUSES;

const TAKE_TICKET_INPUT: InputSpec = {
  kind: 'input',
  fields: {
    serviceId: P('ID!', id('service')),
    priority: P('PriorityGroup', { kind: 'enum', values: PRIORITIES }),
    idempotencyKey: P('String', { kind: 'key' }),
  },
};

const REPORTER_INPUT: InputSpec = {
  kind: 'input',
  fields: {
    name: P('String', text(2, 100, true)),
    phone: P('String', { kind: 'phone' }),
    nik: P('String', { kind: 'nik' }),
  },
};

const SUBMIT_COMPLAINT_INPUT: InputSpec = {
  kind: 'input',
  fields: {
    mallId: P('ID!', id('mall')),
    category: P('ComplaintCategory!', { kind: 'enum', values: CATEGORIES }),
    agencyId: P('ID', id('agency')),
    serviceId: P('ID', id('service')),
    ticketId: P('ID', id('ticket')),
    subject: P('String!', text(5, 150)),
    description: P('String!', text(10, 5_000)),
    anonymous: P('Boolean', { kind: 'bool' }),
    confidential: P('Boolean', { kind: 'bool' }),
    reporter: P('ReporterInput', REPORTER_INPUT),
    idempotencyKey: P('String', { kind: 'key' }),
  },
};

type Args = Record<string, string | undefined>;

interface OpSpec {
  name: string;
  operation: 'query' | 'mutation';
  args: Record<string, Position>;
  /** The root field with its selection; `a` holds each argument rendered (or undefined when left out). */
  render(a: Args, extra: string): string;
  /** The type of the root field, for selections deeper than the limit. */
  type?: 'Mall' | 'Agency' | 'Service' | 'Counter' | 'Ticket';
}

/** `(name: value, …)` of the arguments given, or nothing. */
function call(a: Args, names: string[], extra = ''): string {
  const parts = names.filter((n) => a[n] !== undefined).map((n) => `${n}: ${a[n]}`);
  if (extra) parts.push(extra);
  return parts.length ? `(${parts.join(', ')})` : '';
}

const TICKET_OUT = 'id number status';
const COMPLAINT_OUT = 'id trackingCode status';
const ticketMove = (name: string): OpSpec => ({
  name,
  operation: 'mutation',
  args: { id: P('ID!', id('ticket')) },
  render: (a, x) => `${name}${call(a, ['id'], x)} { ${TICKET_OUT} }`,
});

const OPERATIONS: readonly OpSpec[] = [
  {
    name: 'malls',
    operation: 'query',
    args: {},
    render: (_, x) => `malls${call({}, [], x)} { id name timeZone agencies { id services { id } } }`,
  },
  {
    name: 'mall',
    operation: 'query',
    type: 'Mall',
    args: { id: P('ID!', id('mall')) },
    render: (a, x) => `mall${call(a, ['id'], x)} { id name openNow agencies { id name } }`,
  },
  {
    name: 'board',
    operation: 'query',
    args: { id: P('ID!', id('mall')), limit: P('Int', { kind: 'int', min: 1, max: 50 }) },
    render: (a, x) =>
      `mall${call(a, ['id'], x)} { id board${call(a, ['limit'])} { id number status counter { name } } }`,
  },
  {
    name: 'days',
    operation: 'query',
    args: { id: P('ID!', id('mall')), from: P('Date!', { kind: 'date' }), to: P('Date!', { kind: 'date' }) },
    render: (a, x) =>
      `mall${call(a, ['id'], x)} { schedule { days${call(a, ['from', 'to'])} { date reason intervals { opens closes } } } }`,
  },
  {
    name: 'exceptions',
    operation: 'query',
    args: { id: P('ID!', id('agency')), from: P('Date', { kind: 'date' }), to: P('Date', { kind: 'date' }) },
    render: (a, x) =>
      `agency${call(a, ['id'], x)} { schedule { timeZone exceptions${call(a, ['from', 'to'])} { date reason } } }`,
  },
  {
    name: 'agency',
    operation: 'query',
    type: 'Agency',
    args: { id: P('ID!', id('agency')) },
    render: (a, x) => `agency${call(a, ['id'], x)} { id name openNow services { id } counters { id } }`,
  },
  {
    name: 'service',
    operation: 'query',
    type: 'Service',
    args: { id: P('ID!', id('service')), date: P('Date', { kind: 'date' }) },
    render: (a, x) =>
      `service${call(a, ['id'], x)} { id name queue${call(a, ['date'])} { issued waiting remainingQuota estimatedWaitMinutes nowServing { number } } }`,
  },
  {
    name: 'counter',
    operation: 'query',
    type: 'Counter',
    args: { id: P('ID!', id('counter')) },
    render: (a, x) => `counter${call(a, ['id'], x)} { id name currentTicket { id number } services { id } }`,
  },
  {
    name: 'me',
    operation: 'query',
    args: {},
    render: (_, x) => `me${call({}, [], x)} { role mallId agencyId }`,
  },
  {
    name: 'ticket',
    operation: 'query',
    type: 'Ticket',
    args: { id: P('ID!', id('ticket')) },
    render: (a, x) =>
      `ticket${call(a, ['id'], x)} { id number status position estimatedWaitMinutes history { action status } }`,
  },
  {
    name: 'complaint',
    operation: 'query',
    args: { trackingCode: P('String!', { kind: 'trackingCode' }) },
    render: (a, x) =>
      `complaint${call(a, ['trackingCode'], x)} { trackingCode status subject description reporter { name phone nik } timeline { status } }`,
  },
  {
    name: 'complaints',
    operation: 'query',
    args: {
      status: P('ComplaintStatus', { kind: 'enum', values: STATUSES }),
      agencyId: P('ID', id('agency')),
      first: P('Int', { kind: 'int', min: 1, max: 100 }),
      after: P('String', { kind: 'cursor' }),
      mallId: P('ID', id('mall')),
    },
    render: (a, x) =>
      `complaints${call(a, ['status', 'agencyId', 'first', 'after', 'mallId'], x)} { edges { cursor node { id status reporter { name } } } pageInfo { hasNextPage endCursor } }`,
  },
  {
    name: 'takeTicket',
    operation: 'mutation',
    args: { input: P('TakeTicketInput!', TAKE_TICKET_INPUT) },
    render: (a, x) => `takeTicket${call(a, ['input'], x)} { ${TICKET_OUT} position }`,
  },
  ticketMove('cancelTicket'),
  {
    name: 'callNextTicket',
    operation: 'mutation',
    args: { counterId: P('ID!', id('counter')) },
    render: (a, x) => `callNextTicket${call(a, ['counterId'], x)} { ${TICKET_OUT} }`,
  },
  {
    name: 'callTicket',
    operation: 'mutation',
    args: { id: P('ID!', id('ticket')), counterId: P('ID!', id('counter')) },
    render: (a, x) => `callTicket${call(a, ['id', 'counterId'], x)} { ${TICKET_OUT} }`,
  },
  ticketMove('recallTicket'),
  ticketMove('startServing'),
  ticketMove('finishTicket'),
  ticketMove('markNoShow'),
  ticketMove('reactivateTicket'),
  {
    name: 'transferTicket',
    operation: 'mutation',
    args: { id: P('ID!', id('ticket')), toServiceId: P('ID!', id('service')) },
    render: (a, x) => `transferTicket${call(a, ['id', 'toServiceId'], x)} { ${TICKET_OUT} }`,
  },
  {
    name: 'submitComplaint',
    operation: 'mutation',
    args: { input: P('SubmitComplaintInput!', SUBMIT_COMPLAINT_INPUT) },
    render: (a, x) => `submitComplaint${call(a, ['input'], x)} { ${COMPLAINT_OUT} dueAt }`,
  },
  {
    name: 'verifyComplaint',
    operation: 'mutation',
    args: { id: P('ID!', id('complaint')), message: P('String', text(1, 2_000)) },
    render: (a, x) => `verifyComplaint${call(a, ['id', 'message'], x)} { ${COMPLAINT_OUT} }`,
  },
  {
    name: 'assignComplaint',
    operation: 'mutation',
    args: {
      id: P('ID!', id('complaint')),
      agencyId: P('ID!', id('agency')),
      message: P('String', text(1, 2_000)),
    },
    render: (a, x) => `assignComplaint${call(a, ['id', 'agencyId', 'message'], x)} { ${COMPLAINT_OUT} }`,
  },
  {
    name: 'rejectComplaint',
    operation: 'mutation',
    args: { id: P('ID!', id('complaint')), reason: P('String!', text(5, 500)) },
    render: (a, x) => `rejectComplaint${call(a, ['id', 'reason'], x)} { ${COMPLAINT_OUT} }`,
  },
  {
    name: 'respondToComplaint',
    operation: 'mutation',
    args: {
      id: P('ID!', id('complaint')),
      status: P('ComplaintStatus!', { kind: 'enum', values: ['IN_PROGRESS', 'RESOLVED'] }),
      message: P('String!', text(1, 2_000)),
    },
    render: (a, x) => `respondToComplaint${call(a, ['id', 'status', 'message'], x)} { ${COMPLAINT_OUT} }`,
  },
  {
    name: 'replyToComplaint',
    operation: 'mutation',
    args: { trackingCode: P('String!', { kind: 'trackingCode' }), message: P('String!', text(1, 2_000)) },
    render: (a, x) => `replyToComplaint${call(a, ['trackingCode', 'message'], x)} { ${COMPLAINT_OUT} }`,
  },
  {
    name: 'rateComplaint',
    operation: 'mutation',
    args: {
      trackingCode: P('String!', { kind: 'trackingCode' }),
      rating: P('Int!', { kind: 'int', min: 1, max: 5 }),
    },
    render: (a, x) => `rateComplaint${call(a, ['trackingCode', 'rating'], x)} { ${COMPLAINT_OUT} rating }`,
  },
];

// ---------------------------------------------------------------------------
// Values for a position: valid, anything (valid or hostile), or poison (sure to be refused).

const OMIT = Symbol('omit');
type Value = unknown;

/** The real things of the set-up, for valid values. */
interface World {
  ids: Record<IdOf, string[]>;
  otherMallIds: Record<IdOf, string[]>;
  trackingCode: string;
  cursor: string;
  tokens: { valid: string[]; hostile: string[] };
}

const NONEXISTENT: Record<IdOf, readonly string[]> = {
  mall: ['no-such-mall', 'fuzz-mall-2', 'FUZZ_MALL', 'a'.repeat(60)],
  agency: [`${MALL}:nope`, `${MALL}:`, ':::', 'no-such-mall:agency'],
  service: [`${AGENCY}:svc99`, `${AGENCY}:`, `${MALL}::svc1`, 'x:y:z'],
  counter: [`${AGENCY}:loket-99`, `${AGENCY}:loket-0`, `${AGENCY}::`, 'x:y:z'],
  ticket: ['0'.repeat(26), 'Z'.repeat(26), 't_does_not_exist', '01JZZZZZZZZZZZZZZZZZZZZZZZ'],
  complaint: [`c${'0'.repeat(32)}`, `c${'f'.repeat(32)}`, 'c123', `C${'A'.repeat(32)}`],
};

function poisonScalar(r: Random, spec: Scalar, required: boolean): Value {
  const common: Value[] = [
    ...WRONG_TYPES.filter((v) => typeof v !== 'number'),
    ...(required ? [null, OMIT] : []),
  ];
  switch (spec.kind) {
    case 'id':
      return r.pick<Value>([
        ...NONEXISTENT[spec.of],
        // An optional id left blank may fairly mean "none".
        ...HOSTILE_STRINGS.filter((s) => required || s.trim() !== ''),
        randomString(r),
        ...common,
        r.pick(WRONG_TYPES),
      ]);
    case 'trackingCode':
      return r.pick<Value>([
        'AAAA-AAAA-AAAA-A',
        'K7QX-M3RP-9WHT-0',
        'kkkk',
        '2222-2222-2222-2',
        ...HOSTILE_STRINGS,
        randomString(r),
        ...common,
      ]);
    case 'text': {
      const blank = spec.blankIsNull ? [] : ['', '   ', ' \t\n\u00a0\u3000 '];
      return r.pick<Value>([
        ...blank,
        'x'.repeat(spec.min - 1) || (spec.blankIsNull ? 'x' : ''),
        'y'.repeat(spec.max + 1),
        `${'ā'.repeat(spec.max)}z`,
        HUGE,
        ...common,
        r.pick([1, -1, 1.5, 2 ** 31]),
      ]);
    }
    case 'phone':
      return r.pick<Value>([
        '12345',
        'abc',
        '+1 202 555 0100',
        '٠٨١٢٣٤٥٦٧٨٩٠',
        '0812345678901234567',
        '0'.repeat(500),
        '0812\u00003456789',
        ...common,
        81234567890,
      ]);
    case 'nik':
      return r.pick<Value>([
        '1'.repeat(15),
        '1'.repeat(17),
        '１８０２１２３４５６７８９０１２',
        'abcdefghijklmnop',
        '1802 1234 5678 9012',
        '٠'.repeat(16),
        ...common,
        1802123456789012,
      ]);
    case 'key':
      return r.pick<Value>([
        'short',
        'x'.repeat(129),
        'has space key',
        'ключ-ключ-ключ',
        'abc\u0000defgh',
        'emoji🙂emoji',
        HUGE,
        ...common,
        12345678,
      ]);
    case 'int':
      return r.pick<Value>([
        spec.min - 1,
        spec.max + 1,
        -1,
        2 ** 31 - 1,
        -(2 ** 31),
        2 ** 31,
        2 ** 53 + 2,
        1.5,
        String(spec.min),
        ...common,
      ]);
    case 'bool':
      return r.pick<Value>(['true', 'false', 1, 0, {}, [], 'yes']);
    case 'enum':
      return r.pick<Value>([
        `${spec.values[0]}X`,
        spec.values[0]?.toLowerCase(),
        '',
        ` ${spec.values[0]}`,
        `${spec.values[0]}\u0000`,
        'DONE',
        '__proto__',
        0,
        ...common,
      ]);
    case 'date':
      return r.pick<Value>([
        '2026-13-01',
        '2026-02-30',
        '2026-1-1',
        '20261201',
        '2026-12-01T00:00:00Z',
        '',
        '9999999-01-01',
        '-001-01-01',
        '２０２６-12-01',
        '2026-12-01\u0000',
        ...common,
        20261201,
      ]);
    case 'cursor':
      return r.pick<Value>([
        '!!!!',
        Buffer.from('2026-12-01T00:00:00.000Z#c123').toString('base64url'),
        Buffer.from(randomString(r, 60)).toString('base64url'),
        randomString(r),
        HUGE,
        ...common,
      ]);
  }
}

function validScalar(r: Random, spec: Scalar, world: World): Value {
  switch (spec.kind) {
    case 'id':
      return r.pick(world.ids[spec.of]);
    case 'trackingCode':
      return r.pick([
        world.trackingCode,
        world.trackingCode.toLowerCase(),
        world.trackingCode.replace(/-/g, ' '),
      ]);
    case 'text':
      return validText(r, spec.min, spec.max);
    case 'phone':
      return r.pick(['081234567890', '+62 812 3456 7890', '0812-3456-7890', '(0725) 123456']);
    case 'nik':
      return r.pick(['1802123456789012', ' 3201987654321098 ']);
    case 'key':
      return `fuzz-${r.int(0, 1e9).toString(16)}-${r.int(0, 1e9).toString(16)}`;
    case 'int':
      return r.int(spec.min, spec.max);
    case 'bool':
      return r.chance(0.5);
    case 'enum':
      return r.pick(spec.values);
    case 'date':
      return r.pick(['2026-12-01', '2026-12-02', '2026-12-25', '2027-01-01', '2026-02-28', '2028-02-29']);
    case 'cursor':
      return world.cursor;
  }
}

/** Something hostile that may or may not be valid. */
function hostileScalar(r: Random, spec: Scalar, required: boolean, world: World): Value {
  const roll = r.next();
  if (roll < 0.35) return poisonScalar(r, spec, required);
  if (roll < 0.5) return r.pick(HOSTILE_STRINGS);
  if (roll < 0.6) return r.pick(WRONG_TYPES);
  if (roll < 0.65) return nested(r);
  if (roll < 0.7) return null;
  switch (spec.kind) {
    case 'id': {
      const real = r.pick(world.ids[spec.of]);
      return r.pick([
        ` ${real}`,
        `${real} `,
        real.toUpperCase(),
        `${real}\u0000`,
        `${real}/../x`,
        r.pick(world.otherMallIds[spec.of]),
        r.pick(world.ids[r.pick<IdOf>(['mall', 'agency', 'service', 'counter', 'ticket', 'complaint'])]),
      ]);
    }
    case 'date':
      return r.pick(['0001-01-01', '9999-12-31', '1970-01-01', '2026-12-31', '2100-02-29', '2000-02-29']);
    case 'int':
      return r.pick([0, -(2 ** 31), 2 ** 31 - 1, spec.max, spec.min]);
    default:
      return randomString(r, 2_000);
  }
}

function valueFor(r: Random, position: Position, mode: 'valid' | 'any', world: World): Value {
  const required = position.type.endsWith('!');
  if (!required && r.chance(0.15)) return OMIT;
  const spec = position.spec;
  if (spec.kind === 'input') {
    if (mode === 'any' && r.chance(0.08)) return r.pick<Value>([...WRONG_TYPES, 'input', null, nested(r)]);
    const object: Record<string, Value> = {};
    for (const [name, field] of Object.entries(spec.fields)) {
      const v = valueFor(r, field, mode, world);
      if (v !== OMIT) object[name] = v;
    }
    return object;
  }
  if (mode === 'valid' || r.chance(0.5)) return validScalar(r, spec, world);
  return hostileScalar(r, spec, required, world);
}

/** A value sure to be refused at `position`; the rest of an input object is anything. */
function poisonFor(r: Random, position: Position, world: World): Value {
  const required = position.type.endsWith('!');
  const spec = position.spec;
  if (spec.kind !== 'input') return poisonScalar(r, spec, required);
  if (r.chance(0.15)) {
    const structural: Value[] = [
      ...WRONG_TYPES.filter((v) => v !== null && typeof v !== 'object'),
      'input',
      nested(r),
    ];
    return r.pick([...structural, ...(required ? [null, OMIT] : [])]);
  }
  const object: Record<string, Value> = {};
  const names = Object.keys(spec.fields);
  const poisoned = r.chance(0.1) ? null : r.pick(names);
  for (const name of names) {
    const field = spec.fields[name] as Position;
    const v = name === poisoned ? poisonFor(r, field, world) : valueFor(r, field, 'any', world);
    if (v !== OMIT) object[name] = v;
  }
  // Else the poison is a field the input type does not have.
  if (poisoned === null)
    object[r.pick(['nope', '__proto__', 'key', 'mallID'])] = r.pick<Value>([1, 'x', null]);
  return object;
}

// ---------------------------------------------------------------------------
// Rendering an operation.

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A GraphQL literal for a JSON value; enum positions get bare names when they are names. */
function literal(value: Value, spec?: Scalar | InputSpec): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    if (spec?.kind === 'enum' && NAME.test(value) && !['true', 'false', 'null'].includes(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(', ')}]`;
  const fields = spec?.kind === 'input' ? spec.fields : {};
  const entries = Object.entries(value as Record<string, Value>).filter(([k]) => NAME.test(k));
  return `{${entries.map(([k, v]) => `${k}: ${literal(v, fields[k]?.spec)}`).join(', ')}}`;
}

const DEEP_NEXT: Record<string, [string, string][]> = {
  Mall: [['agencies', 'Agency']],
  Agency: [
    ['services', 'Service'],
    ['mall', 'Mall'],
    ['counters', 'Counter'],
  ],
  Service: [['agency', 'Agency']],
  Counter: [
    ['agency', 'Agency'],
    ['services', 'Service'],
  ],
  Ticket: [
    ['service', 'Service'],
    ['counter', 'Counter'],
  ],
};

function deepSelection(r: Random, type: string, depth: number): string {
  if (depth <= 1) return 'id';
  const [field, next] = r.pick(DEEP_NEXT[type] ?? []);
  return `id ${field} { ${deepSelection(r, next, depth - 1)} }`;
}

type Style =
  | 'variables'
  | 'inline'
  | 'deep-variable'
  | 'wrong-declaration'
  | 'missing-argument'
  | 'unknown-argument'
  | 'deep-selection'
  | 'alias-flood'
  | 'two-operations';

interface Case {
  label: string;
  body: string;
  authorization: string | undefined;
}

function generateCase(r: Random, n: number, world: World): Case {
  const op = r.pick(OPERATIONS);
  const style = r.pick<Style>([
    ...Array<Style>(12).fill('variables'),
    ...Array<Style>(5).fill('inline'),
    'deep-variable',
    'wrong-declaration',
    'missing-argument',
    'unknown-argument',
    ...(op.type ? (['deep-selection'] as Style[]) : []),
    'alias-flood',
    'two-operations',
  ]);
  // A mutation always carries one poisoned argument, so that none may write; queries get anything.
  const names = Object.keys(op.args);
  const poisoned = op.operation === 'mutation' ? r.pick(names) : null;
  const values: Record<string, Value> = {};
  for (const name of names) {
    const position = op.args[name] as Position;
    values[name] = name === poisoned ? poisonFor(r, position, world) : valueFor(r, position, 'any', world);
  }
  if (style === 'deep-variable' && names.length) values[r.pick(names)] = nested(r);

  const rendered: Args = {};
  const declarations: string[] = [];
  const variables: Record<string, Value> = {};
  const inline = style === 'inline';
  const dropped =
    style === 'missing-argument' ? names.find((k) => op.args[k]?.type.endsWith('!')) : undefined;
  const misdeclared = style === 'wrong-declaration' && names.length ? r.pick(names) : undefined;
  for (const name of names) {
    if (name === dropped) continue;
    const position = op.args[name] as Position;
    const value = values[name];
    if (inline) {
      if (value !== OMIT) rendered[name] = literal(value, position.spec);
      continue;
    }
    const type =
      name === misdeclared
        ? r.pick(['Int!', 'String', '[ID!]!', 'Boolean', 'TakeTicketInput', 'NoSuchType', 'ID!!', 'Float'])
        : position.type;
    declarations.push(`$${name}: ${type}`);
    rendered[name] = `$${name}`;
    if (value !== OMIT) variables[name] = value;
  }
  const extra =
    style === 'unknown-argument' || (style === 'missing-argument' && dropped === undefined)
      ? `${r.pick(['nope', 'where', 'first', 'limit', 'filter'])}: ${r.pick(['1', '"x"', 'null', '{a: 1}', '[1]'])}`
      : '';
  let root = op.render(rendered, extra);
  if (style === 'deep-selection' && op.type) {
    const depth = r.int(11, 40);
    root = root.replace(/\{[\s\S]*\}$/, `{ ${deepSelection(r, op.type, depth)} }`);
  }
  if (style === 'alias-flood') {
    root = Array.from({ length: r.int(31, 80) }, (_, k) => `a${k}: ${root}`).join(' ');
  }
  const head = declarations.length ? `(${declarations.join(', ')})` : '';
  let query = `${op.operation} Fuzz${head} { ${root} }`;
  const body: Record<string, Value> = { query, variables };
  if (style === 'two-operations') {
    query = `${query}\n${query.replace('Fuzz', 'Fuzz2')}`;
    body.query = query;
    const name = r.pick<Value>([OMIT, 'Fuzz', 'Nope', 5, {}, null, '']);
    if (name !== OMIT) body.operationName = name;
  }
  const authorization = r.chance(0.4)
    ? undefined
    : r.chance(0.55)
      ? `Bearer ${r.pick(world.tokens.valid)}`
      : r.pick(world.tokens.hostile);
  return {
    label: `#${n} ${op.name} (${style}${poisoned ? `, poisoned ${poisoned}` : ''})`,
    body: JSON.stringify(body),
    authorization,
  };
}

/** Malformed HTTP requests: bodies that are not GraphQL requests, other methods and content types. */
function malformedRequests(): { label: string; event: HttpEventOptions }[] {
  const q = '{ me { role } }';
  const json = (body: string, label: string) => ({ label, event: { body } });
  const deepArray = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
  return [
    json('not json', 'body not JSON'),
    json('{', 'body cut short'),
    json('', 'empty body'),
    json('[]', 'empty batch'),
    json('[1,2]', 'batch of numbers'),
    json('null', 'null body'),
    json('1', 'number body'),
    json('"str"', 'string body'),
    json('{}', 'no query'),
    json('{"query":null}', 'null query'),
    json('{"query":5}', 'number query'),
    json(`{"query":["${q}"]}`, 'array query'),
    json(`{"query":"${q}","variables":"x"}`, 'string variables'),
    json(`{"query":"${q}","variables":[1]}`, 'array variables'),
    json(`{"query":"${q}","variables":${deepArray}}`, 'deeply nested variables'),
    json(`{"query":"${q}","operationName":5}`, 'number operationName'),
    json(`{"query":"${q}","operationName":{}}`, 'object operationName'),
    json(`{"query":"${q}","extensions":"x"}`, 'string extensions'),
    json(
      `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"${'ab'.repeat(32)}"}}}`,
      'unknown persisted query',
    ),
    json(
      `{"query":"${q}","extensions":{"persistedQuery":{"version":1,"sha256Hash":"${'cd'.repeat(32)}"}}}`,
      'persisted query with a wrong hash',
    ),
    json(`{"query":"${q}","variables":{"__proto__":{"polluted":true}}}`, 'prototype in variables'),
    json(`\uFEFF{"query":"${q}"}`, 'body with a byte-order mark'),
    json(`{"query":"${q}", "query":"{ __typename }"}`, 'duplicate keys'),
    json(`{"query":"query A { me { role } } query B { __typename }"}`, 'two operations, no name'),
    json(`{"query":"subscription { me { role } }"}`, 'subscription'),
    json(`{"query":"${'{'.repeat(40_000)}"}`, 'forty thousand braces'),
    json(`{"query":"${'a'.repeat(90_000)}"}`, 'one huge name'),
    json(`{"query":"{ me { role } } ${'#'.repeat(90_000)}"}`, 'huge comment'),
    json(`{"query":"query(${'$a: Int, '.repeat(3_000)}) { me { role } }"}`, 'three thousand variables'),
    json(`{"query":"{ me { role ${'@include(if: true) '.repeat(500)}} }"}`, 'five hundred directives'),
    json(`{"query":"fragment F on Query { ...F } { ...F }"}`, 'self-referencing fragment'),
    json(`{"query":"{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"}`, 'fragment cycle'),
    { label: 'base64 garbage', event: { body: '!!!notbase64', isBase64Encoded: true } },
    { label: 'text/plain POST', event: { contentType: 'text/plain', body: JSON.stringify({ query: q }) } },
    { label: 'application/graphql POST', event: { contentType: 'application/graphql', body: q } },
    {
      label: 'UTF-16 charset',
      event: { contentType: 'application/json; charset=utf-16', body: JSON.stringify({ query: q }) },
    },
    { label: 'no content type', event: { contentType: null, body: JSON.stringify({ query: q }) } },
    { label: 'GET without preflight', event: { method: 'GET', query: { query: q } } },
    {
      label: 'GET of a mutation',
      event: {
        method: 'GET',
        query: { query: 'mutation { cancelTicket(id: "nope") { id } }' },
        headers: { 'apollo-require-preflight': '1' },
      },
    },
    {
      label: 'GET with bad variables',
      event: {
        method: 'GET',
        query: { query: q, variables: '{' },
        headers: { 'apollo-require-preflight': '1' },
      },
    },
    { label: 'PUT', event: { method: 'PUT', body: JSON.stringify({ query: q }) } },
    { label: 'DELETE', event: { method: 'DELETE' } },
    { label: 'accept: text/html', event: { method: 'GET', headers: { accept: 'text/html' } } },
    {
      label: 'accept: graphql-response+json',
      event: { headers: { accept: 'application/graphql-response+json' }, body: '{"query":"{ me { rol } }"}' },
    },
  ];
}

// ---------------------------------------------------------------------------
// Sending.

interface Answer {
  label: string;
  status: number;
  body: string;
  /** What was sent, shortened, to report a failure. */
  sent: string;
}

async function pool<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

// ---------------------------------------------------------------------------
// Checking an answer.

interface Violation {
  rule: string;
  label: string;
  status: number;
  detail: string;
  sent: string;
}

const FRAME =
  /\bat (?:async )?[\w$.<>[\]]+ \([^()\n]*:\d+:\d+\)|^\s+at \S+.*:\d+:\d+\)?$|node:internal|file:\/\//m;

function internalNames(tableName: string): [string, RegExp][] {
  return [
    ['pk', /\bpk\b/],
    ['sk', /\bsk\b/],
    ['gsi1', /\bgsi1(?:pk|sk)?\b/],
    ['gsi2', /\bgsi2(?:pk|sk)?\b/],
    ['TICKET#', /TICKET#/],
    ['COMPLAINT#', /COMPLAINT#/],
    ['MALL#', /MALL#/],
    ['DynamoDB', /DynamoDB/i],
    ['ConditionalCheckFailed', /ConditionalCheckFailed/],
    ['TransactionCanceled', /TransactionCanceled/],
    ['ValidationException', /ValidationException/],
    ['ResourceNotFound', /ResourceNotFound/],
    ['table name', new RegExp(tableName.replace(/[-]/g, '\\-'))],
  ];
}

interface ErrorShape {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown };
}

function check(answer: Answer, tableName: string): Violation[] {
  const found: Violation[] = [];
  const add = (rule: string, detail: string) =>
    found.push({
      rule,
      label: answer.label,
      status: answer.status,
      detail: detail.slice(0, 300),
      sent: answer.sent,
    });
  if (answer.status >= 500) add('no HTTP 5xx', answer.body);
  if (/stack/i.test(answer.body) || FRAME.test(answer.body)) add('no stack trace', answer.body);
  for (const [name, pattern] of internalNames(tableName)) {
    if (pattern.test(answer.body)) add(`no internal name (${name})`, answer.body);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    if (answer.status >= 400) add('every refusal a JSON list of errors', `not JSON: ${answer.body}`);
    return found;
  }
  const errors = (parsed as { errors?: ErrorShape[] } | null)?.errors;
  if (answer.status >= 400 && !Array.isArray(errors)) add('every refusal a JSON list of errors', answer.body);
  for (const error of Array.isArray(errors) ? errors : []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !ALLOWED_CODES.has(code)) {
      add('every error coded from the closed list', `code ${String(code)}: ${String(error.message)}`);
    }
    if (code === 'INTERNAL_SERVER_ERROR') add('never INTERNAL_SERVER_ERROR', answer.body);
  }
  return found;
}

/** Violations by rule: how many, and the first few in full. */
function summary(
  violations: Violation[],
  rule: string,
): { count: number; labels: string[]; first: Violation[] } {
  const of = violations.filter((v) => v.rule === rule);
  const labels = [...new Set(of.map((v) => v.label.replace(/^#\d+ /, '')))].slice(0, 25);
  return { count: of.length, labels, first: of.slice(0, 3) };
}

// ---------------------------------------------------------------------------
// The table, seen from outside (a Scan is fine here, against DynamoDB Local).

async function snapshot(h: Harness): Promise<{ byType: Record<string, number>; digest: string }> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await h.table.client.send(
      new ScanCommand({ TableName: h.table.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const byType: Record<string, number> = {};
  for (const item of items) {
    const type = typeof item.type === 'string' ? item.type : 'UNTYPED';
    byType[type] = (byType[type] ?? 0) + 1;
  }
  const stable = (v: unknown): unknown =>
    v instanceof Set
      ? [...v].sort()
      : v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, stable(x)]),
          )
        : Array.isArray(v)
          ? v.map(stable)
          : v;
  const digest = items
    .map((i) => JSON.stringify(stable(i)))
    .sort()
    .join('\n');
  return { byType, digest };
}

// ---------------------------------------------------------------------------

describe('fuzzing the API', () => {
  let h: Harness;
  let world: World;
  let foreignKeys: string;
  const answers: Answer[] = [];
  let generatedCount = 0;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let after: Awaited<ReturnType<typeof snapshot>>;
  const roundTrips: { label: string; sent: unknown; got: unknown; code?: string; status: number }[] = [];

  const send = async (label: string, event: APIGatewayProxyEventV2): Promise<Answer> => {
    const sent = `${event.requestContext.http.method} ${event.rawQueryString} ${(event.body ?? '').slice(0, 400)}`;
    try {
      const result = await h.handler(event, localLambdaContext(`fuzz-${randomUUID()}`));
      return { label, status: result.statusCode ?? 200, body: result.body ?? '', sent };
    } catch (error) {
      // The handler itself threw: API Gateway answers 500 then.
      return { label, status: 500, body: `handler threw: ${String(error)}`, sent };
    }
  };

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [
        fixtureCatalog({ mallId: MALL, counters: 2, services: [{}, {}] }),
        fixtureCatalog({ mallId: OTHER_MALL }),
      ],
      START,
    );
    // Set-up through the API: a waiting ticket, a called ticket, a complaint.
    const kiosk = await h.token({ role: 'KIOSK', mallId: MALL });
    const take = async () =>
      (
        await h.gql<{ takeTicket: { id: string } }>(
          'mutation($i: TakeTicketInput!) { takeTicket(input: $i) { id } }',
          { i: { serviceId: `${AGENCY}:svc1` } },
          kiosk,
        )
      ).takeTicket.id;
    const called = await take();
    const waiting = await take();
    const officer = await h.token({ role: 'OFFICER', mallId: MALL, agencyId: AGENCY });
    await h.gql(`mutation { callNextTicket(counterId: "${AGENCY}:loket-1") { id } }`, undefined, officer);
    const complaint = (
      await h.gql<{ submitComplaint: { id: string; trackingCode: string; submittedAt: string } }>(
        'mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { id trackingCode submittedAt } }',
        {
          i: {
            mallId: MALL,
            category: 'COMPLAINT',
            agencyId: AGENCY,
            subject: 'Antrean lama sekali',
            description: 'Menunggu dua jam tanpa kejelasan di loket.',
            reporter: { name: 'Budi Santoso', phone: '081234567890', nik: '1802123456789012' },
          },
        },
      )
    ).submitComplaint;
    const other = (of: string) => `${OTHER_MALL}:agency${of}`;

    foreignKeys = await mkdtemp(join(tmpdir(), 'loket-fuzz-foreign-'));
    const foreign = await LocalIssuer.open(foreignKeys);
    const admin = await h.token({ role: 'ADMIN', mallId: MALL });
    const expired = await h.issuer.sign(
      { role: 'ADMIN', mallId: MALL },
      { issuedAt: new Date(Date.now() - 2 * 86_400_000), expiresInSeconds: 60 },
    );
    const [head, payload] = admin.split('.');
    const tampered = `${head}.${Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
        'loket:mall': OTHER_MALL,
      }),
    ).toString('base64url')}.${admin.split('.')[2]}`;
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const r = new Random(SEED ^ 0x5eed);
    world = {
      ids: {
        mall: [MALL],
        agency: [AGENCY],
        service: [`${AGENCY}:svc1`, `${AGENCY}:svc2`],
        counter: [`${AGENCY}:loket-1`, `${AGENCY}:loket-2`],
        ticket: [called, waiting],
        complaint: [complaint.id],
      },
      otherMallIds: {
        mall: [OTHER_MALL],
        agency: [other('')],
        service: [other(':svc1')],
        counter: [other(':loket-1')],
        ticket: [waiting],
        complaint: [complaint.id],
      },
      trackingCode: complaint.trackingCode,
      cursor: Buffer.from(`${complaint.submittedAt}#c${'0'.repeat(32)}`).toString('base64url'),
      tokens: {
        valid: [
          admin,
          officer,
          await h.token({ role: 'PARTNER', mallId: MALL, agencyId: AGENCY }),
          await h.token({ role: 'ADMIN', mallId: OTHER_MALL }),
          await h.token({ role: 'OFFICER', mallId: OTHER_MALL, agencyId: other('') }),
          kiosk,
          await h.token({ role: 'KIOSK', mallId: OTHER_MALL }),
        ],
        hostile: [
          `Bearer ${expired}`,
          `Bearer ${await foreign.sign({ role: 'ADMIN', mallId: MALL })}`,
          `Bearer ${tampered}`,
          `Bearer ${none}`,
          `bearer ${admin}`,
          admin,
          `Bearer  ${admin}`,
          `Bearer ${admin}x`,
          'Bearer',
          'Bearer ',
          'Basic dXNlcjpwYXNz',
          `Bearer ${'A'.repeat(8_000)}`,
          `Bearer ${randomString(r, 200)}`,
          `Bearer ${Buffer.from(randomString(r, 40)).toString('base64url')}.${Buffer.from(randomString(r, 80)).toString('base64url')}.${Buffer.from(randomString(r, 40)).toString('base64url')}`,
          'Bearer a.b.c',
          'Bearer ..',
          'Bearer 🙂.🙂.🙂',
          'Bearer \u0000',
          `Bearer ${await h.issuer.signClaims({ 'cognito:groups': ['ROOT'], 'loket:mall': MALL })}`,
          `Bearer ${await h.issuer.signClaims({ 'cognito:groups': ['ADMIN'], 'loket:mall': '../x' })}`,
          `Bearer ${await h.issuer.signClaims({ 'cognito:groups': ['ADMIN', 'OFFICER'], 'loket:mall': MALL })}`,
          `Bearer ${await h.issuer.signClaims({ scope: `loket/partner.read loket/agency:${other('')}`, 'loket:mall': MALL })}`,
        ],
      },
    };

    before = await snapshot(h);
    const random = new Random(SEED);
    const cases = Array.from({ length: GENERATED_CASES }, (_, n) => generateCase(random, n, world));
    generatedCount = cases.length;
    const generated = await pool(cases, CONCURRENCY, (c) =>
      send(
        c.label,
        httpEvent({
          body: c.body,
          headers: c.authorization !== undefined ? { authorization: c.authorization } : {},
        }),
      ),
    );
    const malformed = await pool(malformedRequests(), CONCURRENCY, (m) =>
      send(`malformed: ${m.label}`, httpEvent(m.event)),
    );
    answers.push(...generated, ...malformed);
    after = await snapshot(h);

    // Hostile but valid: written, and read back as sent.
    const valid = new Random(SEED + 1);
    // The first ten alternate text the rules refuse (an override, a NUL, a lone surrogate) with text they keep.
    const fixed: [string, boolean][] = [
      ['\u202Eabcde', true],
      ['🙂🙂🙂🙂🙂', false],
      ['a\u0000bcde', true],
      ['مرحبا بكم', false],
      ['ab\uD800cde', true],
    ];
    const submissions = Array.from({ length: 60 }, (_, n) => {
      const [subject, refused] =
        n < 10 ? (fixed[n % 5] as [string, boolean]) : [validText(valid, 5, 150), false];
      const description = validText(valid, 10, 5_000);
      return { subject, description, name: validText(valid, 2, 100), refused };
    });
    await pool(submissions, CONCURRENCY, async (s) => {
      const label = `valid submitComplaint ${JSON.stringify(s.subject).slice(0, 40)}`;
      const answer = await send(
        label,
        httpEvent({
          body: JSON.stringify({
            query: 'mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { trackingCode } }',
            variables: {
              i: {
                mallId: MALL,
                category: 'ASPIRATION',
                subject: s.subject,
                description: s.description,
                reporter: { name: s.name },
              },
            },
          }),
        }),
      );
      answers.push(answer);
      const parsed = JSON.parse(answer.body) as {
        data?: { submitComplaint: { trackingCode: string } } | null;
        errors?: ErrorShape[];
      };
      const code = parsed.data?.submitComplaint.trackingCode;
      if (!code) {
        const error = parsed.errors?.[0]?.extensions;
        roundTrips.push({
          label,
          // Refused text is refused as bad input naming the subject; anything else is a difference.
          sent: s.refused ? ['BAD_USER_INPUT', 'input.subject'] : s.subject,
          got: [error?.code, error?.field],
          status: answer.status,
          code: String(error?.code),
        });
        return;
      }
      const read = await h.raw<{ complaint: { subject: string; description: string } | null }>(
        'query($c: String!) { complaint(trackingCode: $c) { subject description } }',
        { c: code },
      );
      roundTrips.push({
        label,
        // Stored as Unicode NFC, trimmed.
        sent: s.refused
          ? 'refused'
          : [s.subject.normalize('NFC').trim(), s.description.normalize('NFC').trim()],
        got: [read.data?.complaint?.subject, read.data?.complaint?.description],
        status: read.status,
      });
    });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    if (foreignKeys) await rm(foreignKeys, { recursive: true, force: true });
  });

  const violations = () => answers.flatMap((a) => check(a, h.table.tableName));

  it('sends at least 2,000 generated operations, and malformed requests besides', () => {
    expect(generatedCount).toBeGreaterThanOrEqual(2_000);
    expect(answers.length).toBeGreaterThan(generatedCount);
    const byStatus: Record<number, number> = {};
    const byCode: Record<string, number> = {};
    for (const a of answers) {
      byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
      try {
        const errors = (JSON.parse(a.body) as { errors?: ErrorShape[] }).errors ?? [];
        for (const e of errors)
          byCode[String(e.extensions?.code)] = (byCode[String(e.extensions?.code)] ?? 0) + 1;
      } catch {
        byCode['(not JSON)'] = (byCode['(not JSON)'] ?? 0) + 1;
      }
    }
    console.log('answers by HTTP status', byStatus);
    console.log('errors by code', byCode);
  });

  it('answers none with HTTP 5xx', () => {
    expect(summary(violations(), 'no HTTP 5xx')).toEqual({ count: 0, labels: [], first: [] });
  });

  it('shows a stack trace in no answer', () => {
    expect(summary(violations(), 'no stack trace')).toEqual({ count: 0, labels: [], first: [] });
  });

  it('names nothing internal in any answer (keys, indexes, tables, the AWS SDK)', () => {
    const internal = violations().filter((v) => v.rule.startsWith('no internal name'));
    expect(internal.slice(0, 5)).toEqual([]);
  });

  it('codes every error from the closed list of docs/domain-rules.md and Apollo', () => {
    expect(summary(violations(), 'every error coded from the closed list')).toEqual({
      count: 0,
      labels: [],
      first: [],
    });
  });

  it('answers every refusal with a JSON list of errors, never a bare text', () => {
    expect(summary(violations(), 'every refusal a JSON list of errors')).toEqual({
      count: 0,
      labels: [],
      first: [],
    });
  });

  it('leaves the table unchanged where the input was invalid', () => {
    expect(after.byType).toEqual(before.byType);
    expect(after.digest === before.digest).toBe(true);
  });

  it('answers hostile input with a coded refusal, never INTERNAL_SERVER_ERROR', () => {
    expect(summary(violations(), 'never INTERNAL_SERVER_ERROR')).toEqual({
      count: 0,
      labels: [],
      first: [],
    });
  });

  it('stores hostile but valid text and reads it back as sent (NFC), and refuses what the text rules refuse', () => {
    expect(roundTrips.length).toBe(60);
    const differing = roundTrips.filter((t) => JSON.stringify(t.sent) !== JSON.stringify(t.got));
    expect(
      differing.map((t) => ({
        ...t,
        sent: JSON.stringify(t.sent).slice(0, 80),
        got: JSON.stringify(t.got).slice(0, 80),
      })),
    ).toEqual([]);
  });
});
