/**
 * Phase (e): growth. The kiosk catalog query on malls of 10, 100 and 1,000 agencies (each a copy of one of
 * the seed mall's agencies, with its full service standards, schedules and counters), and the hall board of
 * malls whose day has 10, 100 and 1,000 called tickets. Requests must stay flat where the design says so (one
 * Query per MB of catalog; one Query for the board), and latency must grow no worse than linearly in the
 * bytes returned. Also, as information: the position of a ticket behind 10, 100 and 1,000 waiting tickets,
 * which reads the agency's whole live queue.
 */
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { Agency, Counter, MallCatalog, Service } from '../src/domain/catalog/catalog.js';
import type { Ticket } from '../src/domain/queue/ticket.js';
import { formatTicketNumber } from '../src/domain/queue/ticket-number.js';
import { DynamoTicketStore } from '../src/dynamo/queue/ticket-store.js';
import { catalogKeys } from '../src/dynamo/shared/keys.js';
import { fixtureCatalog } from '../tests/support/fixture-catalog.js';
import { REAL_OPERATIONS } from '../tests/support/operations.js';
import type { BenchOptions } from './main.js';
import type { Check, SectionResult, Table } from './report.js';
import { formatBytes, median, round } from './stats.js';
import { type Api, callHandler, createApi, OPENING, seedMall } from './support.js';

const SIZES = [10, 100, 1000] as const;
/** Where the answer grew: how far the growth exponent of latency in bytes may pass 1 (linear). */
const EXPONENT_TOLERANCE = 0.1;
/** Where the answer hardly grew: how much latency may grow anyway. */
const LINEAR_TOLERANCE = 1.25;
/** Absolute slack for figures of a few ms, where scheduling noise dominates. */
const NOISE_MS = 2;
/** DynamoDB returns at most 1 MB of items per Query page. */
const PAGE_BYTES = 1024 * 1024;

/** A mall of `n` agencies, each a copy of a seed agency (round robin) with its services and counters. */
function grownCatalog(template: MallCatalog, n: number): MallCatalog {
  const mallId = `growth-${n}`;
  const agencies: Agency[] = [];
  const services: Service[] = [];
  const counters: Counter[] = [];
  let prefix = 0;
  for (let i = 0; i < n; i++) {
    const source = template.agencies[i % template.agencies.length] as Agency;
    const slug = source.id.slice(source.id.indexOf(':') + 1);
    const agencyId = `${mallId}:${slug}-${i + 1}`;
    agencies.push({ ...source, id: agencyId, mallId, name: `${source.name} ${i + 1}` });
    const serviceIds = new Map<string, string>();
    for (const s of template.services.filter((x) => x.agencyId === source.id)) {
      const id = `${agencyId}:${s.id.slice(s.id.lastIndexOf(':') + 1)}`;
      serviceIds.set(s.id, id);
      services.push({
        ...s,
        id,
        mallId,
        agencyId,
        ticketPrefix: (prefix++).toString(36).toUpperCase().padStart(3, '0'),
      });
    }
    for (const c of template.counters.filter((x) => x.agencyId === source.id)) {
      counters.push({
        ...c,
        id: `${agencyId}:${c.id.slice(c.id.lastIndexOf(':') + 1)}`,
        mallId,
        agencyId,
        serviceIds: c.serviceIds.map((id) => serviceIds.get(id) ?? id),
      });
    }
  }
  return {
    mall: { ...template.mall, id: mallId, name: `MPP Uji ${n} instansi` },
    agencies,
    services,
    counters,
  };
}

/** Tickets of a fixture mall's first service on the bench's day: `status` DONE (called) or WAITING. */
function tickets(mallId: string, n: number, status: 'DONE' | 'WAITING'): Ticket[] {
  const agencyId = `${mallId}:agency`;
  const counterId = `${agencyId}:loket-1`;
  const day = OPENING.getTime() - 3600_000;
  return Array.from({ length: n }, (_, i) => {
    const issuedAt = new Date(day + i * 1000).toISOString();
    const calledAt = new Date(day + i * 1000 + 500).toISOString();
    const done = status === 'DONE';
    return {
      id: `t${mallId.replace(/[^a-z0-9]/g, '')}${String(i).padStart(6, '0')}`,
      mallId,
      agencyId,
      serviceId: `${agencyId}:svc1`,
      date: '2026-12-01',
      sequence: i + 1,
      number: formatTicketNumber('A', i + 1),
      status,
      priority: 'NONE',
      issuedAt,
      queuedAt: issuedAt,
      appointmentId: null,
      holderCodeHash: null,
      calledAt: done ? calledAt : null,
      startedAt: done ? calledAt : null,
      finishedAt: done ? calledAt : null,
      counterId: done ? counterId : null,
      recallCount: 0,
      history: [
        { at: issuedAt, status: 'WAITING', action: 'ISSUED', counterId: null },
        ...(done
          ? ([
              { at: calledAt, status: 'CALLED', action: 'CALLED', counterId },
              { at: calledAt, status: 'SERVING', action: 'STARTED', counterId },
              { at: calledAt, status: 'DONE', action: 'FINISHED', counterId },
            ] as const)
          : []),
      ],
      version: done ? 4 : 1,
    };
  });
}

interface Point {
  size: number;
  requests: number;
  pages: number;
  bytes: number;
  p50Ms: number;
  runs: number;
}

/** `runs` calls (after one unmeasured), the requests of the last and the median latency. */
async function sample(
  api: Api,
  runs: number,
  call: () => Promise<{ bytes: number; ms: number }>,
  before?: () => void,
): Promise<{ requests: number; bytes: number; p50Ms: number }> {
  const ms: number[] = [];
  let requests = 0;
  let bytes = 0;
  for (let i = 0; i <= runs; i++) {
    before?.();
    api.table.counter.reset();
    const answer = await call();
    requests = api.table.counter.total;
    bytes = answer.bytes;
    if (i > 0) ms.push(answer.ms);
  }
  return { requests, bytes, p50Ms: round(median(ms)) };
}

/** Pages of a direct Query of a mall's catalog partition, and the bytes of its items (JSON, as a gauge). */
async function partitionPages(api: Api, mallId: string): Promise<{ pages: number; itemBytes: number }> {
  let pages = 0;
  let itemBytes = 0;
  const paginator = paginateQuery(
    { client: api.table.client },
    {
      TableName: api.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': catalogKeys.partition(mallId) },
    },
  );
  for await (const page of paginator) {
    pages++;
    itemBytes += Buffer.byteLength(JSON.stringify(page.Items ?? []));
  }
  return { pages, itemBytes };
}

/**
 * Whether latency grew no faster than linearly in the bytes returned. Where the answer grew (bytes ×2 or
 * more from the smallest size to the largest), the growth exponent, the least-squares slope of log latency
 * over log bytes, must be at most 1 + EXPONENT_TOLERANCE (1 is linear; a fixed cost per request makes it
 * lower). Where it hardly grew, latency must stay flat within LINEAR_TOLERANCE and NOISE_MS. Each step is
 * shown with its own exponent.
 */
function linear(points: Point[]): { pass: boolean; exponent: number | null; steps: string[] } {
  const first = points[0] as Point;
  const last = points.at(-1) as Point;
  const steps: string[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const bytesRatio = b.bytes / a.bytes;
    const latencyRatio = b.p50Ms / a.p50Ms;
    const exponent =
      bytesRatio >= 2 ? ` (exponent ${round(Math.log(latencyRatio) / Math.log(bytesRatio), 2)})` : '';
    steps.push(
      `${a.size}→${b.size}: latency ×${round(latencyRatio, 2)} for bytes ×${round(bytesRatio, 2)}${exponent}`,
    );
  }
  if (last.bytes / first.bytes < 2) {
    const flat = points.every(
      (p) => p.p50Ms <= first.p50Ms * Math.max(1, p.bytes / first.bytes) * LINEAR_TOLERANCE + NOISE_MS,
    );
    return { pass: flat, exponent: null, steps };
  }
  const xs = points.map((p) => Math.log(p.bytes));
  const ys = points.map((p) => Math.log(p.p50Ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  const exponent = round(num / den, 2);
  return { pass: exponent <= 1 + EXPONENT_TOLERANCE, exponent, steps };
}

export async function measureGrowth(endpoint: string, options: BenchOptions): Promise<SectionResult> {
  const template = await seedMall();
  const grown = SIZES.map((n) => grownCatalog(template, n));
  const boards = SIZES.map((n) => fixtureCatalog({ mallId: `board-${n}`, counters: 4 }));
  const queues = SIZES.map((n) => fixtureCatalog({ mallId: `queue-${n}`, counters: 4 }));
  console.log('Writing catalogs of 10, 100 and 1,000 agencies and 3,330 tickets...');
  const api = await createApi(endpoint, [...grown, ...boards, ...queues]);
  try {
    const store = new DynamoTicketStore(api.table.client, api.table.tableName);
    for (const n of SIZES) {
      const all = [...tickets(`board-${n}`, n, 'DONE'), ...tickets(`queue-${n}`, n, 'WAITING')];
      for (let i = 0; i < all.length; i += 50) {
        await Promise.all(all.slice(i, i + 50).map((t) => store.createTicket(t, null)));
      }
    }
    const runsFor = (n: number) => (options.quick ? 2 : n >= 1000 ? 5 : n >= 100 ? 20 : 50);

    const kioskCold: Point[] = [];
    const kioskWarm: Point[] = [];
    const board: Point[] = [];
    const position: Point[] = [];
    for (const [i, n] of SIZES.entries()) {
      const mallId = grown[i]?.mall.id ?? '';
      const runs = runsFor(n);
      // With the mall's KIOSK token, as a kiosk sends it: an answer this large is refused to a caller without one.
      const kioskToken = await api.token({ role: 'KIOSK', mallId });
      const kiosk = () => api.call(REAL_OPERATIONS.KIOSK_CATALOG, { mallId }, kioskToken);
      const { pages, itemBytes } = await partitionPages(api, mallId);
      // Cold: the instance's copy has expired, so the request reads the catalog (once).
      const cold = await sample(api, runs, kiosk, () => api.clock.advance(31_000));
      kioskCold.push({ size: n, pages, runs, ...cold });
      const warm = await sample(api, runs, kiosk);
      kioskWarm.push({ size: n, pages: 0, runs, ...warm });
      console.log(
        `  ${n} agencies: ${formatBytes(itemBytes)} of items in ${pages} page(s); kiosk answer ${formatBytes(cold.bytes)}`,
      );

      const boardRuns = options.quick ? 5 : 40;
      const b = await sample(api, boardRuns, () =>
        api.call(REAL_OPERATIONS.HALL_BOARD, { mallId: `board-${n}`, limit: 20 }),
      );
      board.push({ size: n, pages: 1, runs: boardRuns, ...b });

      const lastWaiting = tickets(`queue-${n}`, n, 'WAITING').at(-1)?.id ?? '';
      const p = await sample(api, boardRuns, () =>
        callHandler(api.handler, REAL_OPERATIONS.FOLLOW_TICKET, { id: lastWaiting }),
      );
      position.push({ size: n, pages: p.requests - 1, runs: boardRuns, ...p });
    }
    return report(kioskCold, kioskWarm, board, position);
  } finally {
    await api.close();
  }
}

function report(kioskCold: Point[], kioskWarm: Point[], board: Point[], position: Point[]): SectionResult {
  const coldLinear = linear(kioskCold);
  const warmLinear = linear(kioskWarm);
  const boardLinear = linear(board);
  const checks: Check[] = [
    {
      section: 'growth',
      name: 'kiosk catalog, cold: requests = pages of the catalog Query (nothing per agency)',
      value: kioskCold.map((p) => `${p.size}: ${p.requests}/${p.pages}`).join(', '),
      target: 'equal at each size',
      pass: kioskCold.every((p) => p.requests === p.pages),
    },
    {
      section: 'growth',
      name: 'kiosk catalog, cold: 1 request while the catalog is under 1 MB',
      value: kioskCold.map((p) => `${p.size}: ${p.requests}`).join(', '),
      target: '1 where 1 page',
      pass: kioskCold.every((p) => p.pages > 1 || p.requests === 1),
    },
    {
      section: 'growth',
      name: 'kiosk catalog, warm: requests',
      value: kioskWarm.map((p) => `${p.size}: ${p.requests}`).join(', '),
      target: '0 at each size',
      pass: kioskWarm.every((p) => p.requests === 0),
    },
    {
      section: 'growth',
      name: 'board: requests',
      value: board.map((p) => `${p.size}: ${p.requests}`).join(', '),
      target: '1 at each size',
      pass: board.every((p) => p.requests === 1),
    },
    ...(
      [
        ['kiosk catalog, cold', coldLinear],
        ['kiosk catalog, warm', warmLinear],
        ['board', boardLinear],
      ] as const
    ).map(([name, l]) => ({
      section: 'growth',
      name: `${name}: latency growth in bytes returned (exponent; flat where the answer is)`,
      value: l.exponent === null ? 'flat' : `exponent ${l.exponent}`,
      target: `exponent ≤ ${1 + EXPONENT_TOLERANCE}; flat ±${Math.round((LINEAR_TOLERANCE - 1) * 100)}% + ${NOISE_MS} ms`,
      pass: l.pass,
    })),
  ];
  const table = (title: string, points: Point[], unit: string, notes: string[]): Table => ({
    title,
    headers: [unit, 'requests', 'answer', 'p50 ms', 'runs'],
    rows: points.map((p) => [p.size.toLocaleString('en'), p.requests, formatBytes(p.bytes), p.p50Ms, p.runs]),
    notes,
  });
  return {
    data: { kioskCold, kioskWarm, board, position, linear: { coldLinear, warmLinear, boardLinear } },
    checks,
    tables: [
      table('Kiosk catalog, cache expired (one read of the catalog)', kioskCold, 'agencies', [
        `Query pages of the catalog partition: ${kioskCold.map((p) => `${p.size}: ${p.pages}`).join(', ')} ` +
          `(DynamoDB returns at most ${formatBytes(PAGE_BYTES)} of items per page). ${coldLinear.steps.join('; ')}; ` +
          `exponent of latency in bytes, least squares: ${coldLinear.exponent}.`,
      ]),
      table('Kiosk catalog, cache warm', kioskWarm, 'agencies', [
        `${warmLinear.steps.join('; ')}; exponent, least squares: ${warmLinear.exponent}.`,
      ]),
      table('Hall board (limit 20)', board, 'called tickets today', [`${boardLinear.steps.join('; ')}.`]),
      table(
        'Query.ticket with position + estimate, last of N waiting (information)',
        position,
        'waiting tickets',
        [
          'The position reads the agency’s whole live queue (one GSI1 Query, one page per MB): its cost grows with ' +
            'the queue, not with the bytes returned. No target: a queue of 1,000 in one agency is far past a mall’s day.',
        ],
      ),
    ],
  };
}
