/**
 * Phase (d): the opening rush on the real local server (`npm start`'s entry, its own DynamoDB Local in
 * memory, clock at 09:00 on a Tuesday), driven by autocannon over HTTP: kiosks taking tickets on the
 * services of four agencies, one officer per counter calling, serving and finishing, hall displays polling
 * the board, citizens following their tickets. Afterwards the table is read back (Queries of the live queues
 * and of the board, no Scan) to check that no number was issued twice per service and date, that numbers run
 * 1..issued without gaps, and that every ticket and counter is in a valid state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import autocannon, { type AutocannonRequest, type Instance } from 'autocannon';
import { createDocumentClient } from '../src/dynamo/shared/client.js';
import { GSI1, GSI2, queueKeys } from '../src/dynamo/shared/keys.js';
import { postGraphQL, startLocalServer } from '../tests/support/local-server.js';
import { REAL_OPERATIONS } from '../tests/support/operations.js';
import type { BenchOptions } from './main.js';
import type { Check, SectionResult } from './report.js';
import { type Latency, latencyOf, round } from './stats.js';
import { OPENING_RFC3339, SEED_MALL } from './support.js';

const TABLE = 'loket';
const DATE = OPENING_RFC3339.slice(0, 10);
/** The agencies of the rush: 11 counters between them. */
const RUSH_AGENCIES = ['disdukcapil', 'polres', 'bpjs-kesehatan', 'dpmptsp'].map((a) => `${SEED_MALL}:${a}`);

interface CatalogView {
  mall: {
    agencies: {
      id: string;
      services: { id: string; dailyQuota: number | null }[];
      counters: { id: string; services: { id: string }[] }[];
    }[];
  };
}

interface Role {
  name: string;
  connections: number;
  /** Requests per second over all its connections; 0 is as fast as the server answers. */
  rate: number;
  requests: AutocannonRequest[];
}

interface RoleResult {
  role: string;
  connections: number;
  requests: number;
  throughput: number;
  latency: Latency;
  errors: number;
  graphqlErrors: number;
  non2xx: number;
  timeouts: number;
}

type StoredTicket = {
  id: string;
  serviceId: string;
  agencyId: string;
  date: string;
  sequence: number;
  number: string;
  status: string;
  counterId: string | null;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  history: { action: string; status: string; counterId: string | null }[];
};

export async function measureLoad(_endpoint: string, options: BenchOptions): Promise<SectionResult> {
  const duration = options.quick ? 6 : 25;
  console.log('Starting the local server (npm start, LOKET_MEMORY=1)...');
  const server = await startLocalServer({
    DYNAMODB_ENDPOINT: '',
    LOKET_TABLE: TABLE,
    LOKET_MEMORY: '1',
    LOKET_CLOCK: OPENING_RFC3339,
    LOKET_RATE_LIMIT_TAKE_TICKET: '1000000',
    LOKET_RATE_LIMIT_SUBMIT_COMPLAINT: '1000000',
    // As on Lambda: one log line per request.
    POWERTOOLS_LOG_LEVEL: 'INFO',
    NODE_ENV: 'development',
  });
  try {
    const catalog = await postGraphQL<CatalogView>(server.url, REAL_OPERATIONS.KIOSK_CATALOG, {
      mallId: SEED_MALL,
    });
    const agencies = catalog.body.data?.mall.agencies.filter((a) => RUSH_AGENCIES.includes(a.id)) ?? [];
    if (agencies.length !== RUSH_AGENCIES.length)
      throw new Error('The seed mall lacks the agencies of the rush');
    // Services with a daily quota would answer QUOTA_EXHAUSTED during a long rush: right, but not load.
    const services = agencies.flatMap((a) =>
      a.services.filter((s) => s.dailyQuota === null).map((s) => s.id),
    );
    const counters = agencies.flatMap((a) => a.counters.map((c) => ({ id: c.id, agencyId: a.id })));

    const issued: { id: string; number: string; serviceId: string }[] = [];
    const calledIds: string[] = [];
    const graphqlErrors = new Map<string, number>();
    const errorCodes = new Map<string, number>();
    const latencies = new Map<string, number[]>();
    const noteErrors = (role: string, body: string): Record<string, unknown> | null => {
      let parsed: { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = { errors: [{ extensions: { code: 'NOT_JSON' } }] };
      }
      if (parsed.errors?.length) {
        graphqlErrors.set(role, (graphqlErrors.get(role) ?? 0) + 1);
        const code = String(parsed.errors[0]?.extensions?.code ?? 'UNKNOWN');
        errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
        return null;
      }
      return parsed.data ?? null;
    };
    const post = (body: unknown, token?: string): AutocannonRequest => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

    // Each kiosk its own device token, as in a mall: they count apart for the rate limits too.
    const kioskTokens = await Promise.all(
      Array.from({ length: 16 }, (_, k) =>
        server.token({ role: 'KIOSK', mallId: SEED_MALL }, { subject: `rush-kiosk-${k}` }),
      ),
    );
    let kioskTurn = 0;
    const roles: Role[] = [
      {
        name: 'kiosks: takeTicket (TakeTicket, with idempotency key)',
        connections: 16,
        rate: 0,
        requests: [
          {
            ...post({}),
            setupRequest: (req) => {
              const turn = kioskTurn++;
              const serviceId = services[turn % services.length];
              return {
                ...req,
                headers: {
                  ...req.headers,
                  authorization: `Bearer ${kioskTokens[turn % kioskTokens.length]}`,
                },
                body: JSON.stringify({
                  query: REAL_OPERATIONS.TAKE_TICKET,
                  variables: { input: { serviceId, idempotencyKey: `rush-kiosk-${turn}-${Date.now()}` } },
                }),
              };
            },
            onResponse: (_status, body) => {
              const data = noteErrors('kiosks', body);
              const t = data?.takeTicket as
                | { id: string; number: string; service: { id: string } }
                | undefined;
              if (t) issued.push({ id: t.id, number: t.number, serviceId: t.service.id });
            },
          },
        ],
      },
      {
        name: 'hall displays: board (HallBoard, limit 10)',
        connections: 4,
        rate: 40,
        requests: [
          {
            ...post({ query: REAL_OPERATIONS.HALL_BOARD, variables: { mallId: SEED_MALL, limit: 10 } }),
            onResponse: (_s, body) => void noteErrors('displays', body),
          },
        ],
      },
      {
        name: 'citizens: follow a ticket (FollowTicket)',
        connections: 8,
        rate: 80,
        requests: [
          {
            ...post({}),
            setupRequest: (req) => {
              const ticket = issued[Math.floor(Math.random() * issued.length)];
              return {
                ...req,
                body: JSON.stringify({
                  query: REAL_OPERATIONS.FOLLOW_TICKET,
                  variables: { id: ticket?.id ?? 'tnone' },
                }),
              };
            },
            onResponse: (_s, body) => void noteErrors('citizens', body),
          },
        ],
      },
    ];
    // One officer per counter, each on one connection: call next, start serving, finish; again.
    const officerRoles: Role[] = [];
    for (const counter of counters) {
      const token = await server.token({ role: 'OFFICER', mallId: SEED_MALL, agencyId: counter.agencyId });
      const move = (name: string): AutocannonRequest => ({
        ...post({}, token),
        setupRequest: (req, context) =>
          typeof context.ticketId === 'string'
            ? {
                ...req,
                body: JSON.stringify({
                  query: `mutation($id: ID!) { ${name}(id: $id) { id status } }`,
                  variables: { id: context.ticketId },
                }),
              }
            : undefined,
        onResponse: (_s, body) => void noteErrors('counters', body),
      });
      officerRoles.push({
        name: counter.id,
        connections: 1,
        // A call, a start and a finish every 0.4 s at most: an officer who serves at top speed.
        rate: 7.5,
        requests: [
          {
            ...post({ query: REAL_OPERATIONS.CALL_NEXT_TICKET, variables: { counterId: counter.id } }, token),
            onResponse: (_s, body, context) => {
              const data = noteErrors('counters', body);
              const ticket = data?.callNextTicket as { id: string } | null | undefined;
              context.ticketId = ticket?.id;
              if (ticket) calledIds.push(ticket.id);
            },
          },
          move('startServing'),
          move('finishTicket'),
        ],
      });
    }

    console.log(
      `Rush: ${duration} s, ${services.length} services of ${agencies.length} agencies, ${counters.length} counters...`,
    );
    const cpuBefore = cpuByProcess();
    const benchCpuBefore = process.cpuUsage();
    const started = performance.now();
    const run = (role: Role, bucket: string) => {
      const instance: Instance = autocannon({
        url: server.url,
        connections: role.connections,
        duration,
        timeout: 30,
        ...(role.rate > 0 ? { overallRate: role.rate } : {}),
        requests: role.requests,
      });
      instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
        let list = latencies.get(bucket);
        if (!list) {
          list = [];
          latencies.set(bucket, list);
        }
        list.push(ms);
      });
      return Promise.resolve(instance);
    };
    const [kiosks, displays, citizens, ...officers] = await Promise.all([
      run(roles[0] as Role, 'kiosks'),
      run(roles[1] as Role, 'displays'),
      run(roles[2] as Role, 'citizens'),
      ...officerRoles.map((r) => run(r, 'counters')),
    ]);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = cpuShares(cpuBefore, cpuByProcess(), process.cpuUsage(benchCpuBefore), elapsed);
    // Requests cut off by the end of the run may still be finishing on the server.
    await new Promise((r) => setTimeout(r, 2000));

    const sum = (rs: typeof officers, f: (r: (typeof officers)[number]) => number) =>
      rs.reduce((n, r) => n + f(r), 0);
    const roleResult = (role: string, connections: number, rs: typeof officers, key: string): RoleResult => {
      const samples = latencies.get(key) ?? [];
      return {
        role,
        connections,
        requests: samples.length,
        throughput: round(samples.length / elapsed, 1),
        latency: latencyOf(samples),
        errors: sum(rs, (r) => r.errors),
        graphqlErrors: graphqlErrors.get(key) ?? 0,
        non2xx: sum(rs, (r) => r.non2xx),
        timeouts: sum(rs, (r) => r.timeouts),
      };
    };
    const results = [
      roleResult(roles[0]?.name ?? '', 16, kiosks ? [kiosks] : [], 'kiosks'),
      roleResult(
        `counters: callNextTicket, startServing, finishTicket (${counters.length} officers)`,
        counters.length,
        officers,
        'counters',
      ),
      roleResult(roles[1]?.name ?? '', 4, displays ? [displays] : [], 'displays'),
      roleResult(roles[2]?.name ?? '', 8, citizens ? [citizens] : [], 'citizens'),
    ];
    const all: number[] = [...latencies.values()].flat();
    const total = {
      role: 'all',
      requests: all.length,
      throughput: round(all.length / elapsed, 1),
      latency: latencyOf(all),
      errors: results.reduce((n, r) => n + r.errors + r.graphqlErrors + r.non2xx + r.timeouts, 0),
    };

    const verification = await verify(server.dynamoEndpoint, agencies, services, counters, issued, calledIds);
    return report(duration, results, total, Object.fromEntries(errorCodes), verification, cpu);
  } finally {
    await server.stop();
  }
}

/** CPU seconds (user + system) of the local server and its DynamoDB Local, from /proc (Linux only). */
function cpuByProcess(): Map<string, number> | null {
  if (process.platform !== 'linux') return null;
  const ticks = 100; // USER_HZ on Linux
  const procs: { pid: number; ppid: number; cmd: string; cpu: number }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      procs.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        cmd,
        cpu: (Number(fields[11]) + Number(fields[12])) / ticks,
      });
    } catch {
      // The process ended meanwhile.
    }
  }
  const server = procs.find((p) => p.ppid === process.pid && p.cmd.includes('src/local/local-server.ts'));
  if (!server) return null;
  const java = procs.find((p) => p.ppid === server.pid && p.cmd.startsWith('java'));
  const out = new Map<string, number>([['local server (Node)', server.cpu]]);
  if (java) out.set('its DynamoDB Local (Java)', java.cpu);
  return out;
}

function cpuShares(
  before: Map<string, number> | null,
  after: Map<string, number> | null,
  bench: NodeJS.CpuUsage,
  seconds: number,
): Record<string, number> | null {
  if (!before || !after) return null;
  const shares: Record<string, number> = {};
  for (const [name, cpu] of after) shares[name] = round((cpu - (before.get(name) ?? 0)) / seconds, 2);
  shares['autocannon and the bench (Node)'] = round((bench.user + bench.system) / 1e6 / seconds, 2);
  return shares;
}

interface Verification {
  ticketsInTable: number;
  ticketsAnswered: number;
  answeredMissing: number;
  duplicateNumbers: number;
  sequenceGaps: number;
  issuedMismatch: number;
  invalidTickets: string[];
  calledTwice: number;
  counterStateErrors: string[];
  byStatus: Record<string, number>;
}

/**
 * Reads back every ticket of the day (the live queues in GSI1, what is at a counter in GSI2, and every
 * ticket the kiosks were answered or the counters called) and checks them.
 */
async function verify(
  endpoint: string | undefined,
  agencies: { id: string }[],
  services: string[],
  counters: { id: string }[],
  issued: { id: string; number: string; serviceId: string }[],
  calledIds: string[],
): Promise<Verification> {
  if (!endpoint) throw new Error('The local server did not say where its DynamoDB Local is');
  const client = createDocumentClient({ endpoint });
  try {
    const query = async (index: string, pkName: string, pk: string) => {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: TABLE,
            IndexName: index,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': pkName },
            ExpressionAttributeValues: { ':pk': pk },
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    };
    const ids = new Set<string>();
    for (const agency of agencies) {
      for (const item of await query(GSI1.name, GSI1.pk, queueKeys.liveQueue(agency.id, DATE))) {
        if (item.type === 'TICKET') ids.add(String(item.id));
      }
    }
    for (const item of await query(GSI2.name, GSI2.pk, queueKeys.board(SEED_MALL, DATE)))
      ids.add(String(item.id));
    // Finished, cancelled and no-show tickets have left both indexes: the kiosks' answers name them.
    for (const t of issued) ids.add(t.id);
    for (const id of calledIds) ids.add(id);

    // The tickets themselves, strongly consistent, from the table.
    const tickets: StoredTicket[] = [];
    const keys: Record<string, unknown>[] = [...ids].map((id) => ({ ...queueKeys.ticket(id) }));
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
      while (pending?.length) {
        const out: BatchGetCommandOutput = await client.send(
          new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: pending, ConsistentRead: true } } }),
        );
        tickets.push(...((out.Responses?.[TABLE] ?? []) as StoredTicket[]));
        pending = out.UnprocessedKeys?.[TABLE]?.Keys;
      }
    }
    const byId = new Map(tickets.map((t) => [t.id, t]));

    let duplicateNumbers = 0;
    let sequenceGaps = 0;
    let issuedMismatch = 0;
    for (const serviceId of services) {
      const own = tickets.filter((t) => t.serviceId === serviceId && t.date === DATE);
      const numbers = new Set(own.map((t) => t.number));
      const sequences = new Set(own.map((t) => t.sequence));
      duplicateNumbers += own.length - numbers.size + (own.length - sequences.size);
      const day = await client.send(
        new GetCommand({
          TableName: TABLE,
          Key: queueKeys.serviceDay(serviceId, DATE),
          ConsistentRead: true,
        }),
      );
      const count = Number(day.Item?.issued ?? 0);
      if (count !== own.length) issuedMismatch++;
      for (let n = 1; n <= count; n++) if (!sequences.has(n)) sequenceGaps++;
    }

    const states = new Map<string, string | null>();
    for (const counter of counters) {
      const state = await client.send(
        new GetCommand({ TableName: TABLE, Key: queueKeys.counterState(counter.id), ConsistentRead: true }),
      );
      states.set(
        counter.id,
        typeof state.Item?.currentTicketId === 'string' ? state.Item.currentTicketId : null,
      );
    }
    const heldBy = new Map(
      [...states].filter(([, id]) => id !== null).map(([counter, id]) => [id as string, counter]),
    );

    const invalidTickets: string[] = [];
    const byStatus: Record<string, number> = {};
    for (const t of tickets) {
      byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
      const calls = t.history.filter((e) => e.action === 'CALLED').length;
      const last = t.history.at(-1);
      const problems: string[] = [];
      if (last?.status !== t.status) problems.push('history does not end in its status');
      if (t.status === 'WAITING' && (t.counterId || t.calledAt || calls > 0))
        problems.push('waiting but called');
      if (['CALLED', 'SERVING', 'DONE'].includes(t.status) && (!t.counterId || !t.calledAt || calls !== 1)) {
        problems.push('not called exactly once');
      }
      if ((t.status === 'CALLED' || t.status === 'SERVING') && heldBy.get(t.id) !== t.counterId) {
        problems.push('its counter does not hold it');
      }
      if (t.status === 'DONE' && (!t.startedAt || !t.finishedAt || heldBy.has(t.id)))
        problems.push('done, inconsistently');
      if (!['WAITING', 'CALLED', 'SERVING', 'DONE'].includes(t.status))
        problems.push(`unexpected status ${t.status}`);
      if (problems.length) invalidTickets.push(`${t.number} (${t.id}): ${problems.join(', ')}`);
    }
    const counterStateErrors: string[] = [];
    for (const [counter, id] of states) {
      if (id === null) continue;
      const t = byId.get(id);
      if (!t || !['CALLED', 'SERVING'].includes(t.status) || t.counterId !== counter) {
        counterStateErrors.push(`${counter} holds ${id}, which is ${t?.status ?? 'missing'}`);
      }
    }
    return {
      ticketsInTable: tickets.length,
      ticketsAnswered: issued.length,
      answeredMissing: issued.filter((t) => byId.get(t.id)?.number !== t.number).length,
      duplicateNumbers,
      sequenceGaps,
      issuedMismatch,
      invalidTickets: invalidTickets.slice(0, 20),
      calledTwice: calledIds.length - new Set(calledIds).size,
      counterStateErrors,
      byStatus,
    };
  } finally {
    client.destroy();
  }
}

function report(
  duration: number,
  results: RoleResult[],
  total: { requests: number; throughput: number; latency: Latency; errors: number },
  errorCodes: Record<string, number>,
  v: Verification,
  cpu: Record<string, number> | null,
): SectionResult {
  const check = (name: string, value: number | string, target: string, pass: boolean): Check => ({
    section: 'load',
    name,
    value: String(value),
    target,
    pass,
  });
  const checks: Check[] = [
    check(
      'errors during the rush (socket, timeout, non-2xx, GraphQL)',
      total.errors,
      '= 0',
      total.errors === 0,
    ),
    check('numbers issued twice per service and date', v.duplicateNumbers, '= 0', v.duplicateNumbers === 0),
    check(
      'gaps in 1..issued per service, or issued ≠ tickets',
      v.sequenceGaps + v.issuedMismatch,
      '= 0',
      v.sequenceGaps + v.issuedMismatch === 0,
    ),
    check(
      'tickets answered to kiosks but not in the table as answered',
      v.answeredMissing,
      '= 0',
      v.answeredMissing === 0,
    ),
    check(
      'tickets or counters in an invalid state',
      v.invalidTickets.length + v.counterStateErrors.length,
      '= 0',
      v.invalidTickets.length + v.counterStateErrors.length === 0,
    ),
    check('tickets handed to two counters', v.calledTwice, '= 0', v.calledTwice === 0),
  ];
  const row = (r: RoleResult) => [
    r.role,
    r.requests,
    r.throughput,
    r.latency.p50,
    r.latency.p95,
    r.latency.p99,
    r.errors + r.graphqlErrors + r.non2xx + r.timeouts,
  ];
  return {
    data: { durationSeconds: duration, roles: results, total, errorCodes, verification: v, cpuCores: cpu },
    checks,
    tables: [
      {
        title: `Opening rush on the local server (${duration} s, one Node process + DynamoDB Local, same machine)`,
        headers: ['clients', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
        rows: [
          ...results.map(row),
          [
            '**all**',
            total.requests,
            total.throughput,
            total.latency.p50,
            total.latency.p95,
            total.latency.p99,
            total.errors,
          ],
        ],
        notes: [
          `Afterwards: ${v.ticketsInTable} tickets of the day in the table (${Object.entries(v.byStatus)
            .map(([s, n]) => `${n} ${s}`)
            .join(
              ', ',
            )}); ${v.ticketsAnswered} answered to kiosks; ${v.duplicateNumbers} numbers issued twice; ` +
            `${v.sequenceGaps} gaps; ${v.issuedMismatch} services whose counter disagrees with their tickets; ` +
            `${v.invalidTickets.length + v.counterStateErrors.length} invalid states; ${v.calledTwice} tickets called twice.` +
            (Object.keys(errorCodes).length ? ` Error codes: ${JSON.stringify(errorCodes)}.` : ''),
          ...(cpu
            ? [
                `CPU during the rush, in cores (of ${cpus().length}): ${Object.entries(cpu)
                  .map(([name, cores]) => `${name} ${cores}`)
                  .join(', ')}.`,
              ]
            : []),
          ...v.invalidTickets.map((t) => `- invalid: ${t}`),
          ...v.counterStateErrors.map((t) => `- counter: ${t}`),
        ],
      },
    ],
  };
}
