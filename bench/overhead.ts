/**
 * Phase (c): what the API costs on top of the database. For each hot operation, the latency of the
 * GraphQL request through the real handler against the latency of the very DynamoDB requests it made,
 * replayed directly with a document client: every request the handler's client sends is recorded
 * (command and input) and sent again, in the same order, concurrently where the handler overlapped them.
 * Handler and replay alternate, so both see the same table and the same machine.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomIds } from '../src/app/ids.js';
import { createDocumentClient } from '../src/dynamo/shared/client.js';
import { REAL_OPERATIONS } from '../tests/support/operations.js';
import type { BenchOptions } from './main.js';
import type { Check, SectionResult } from './report.js';
import { type Latency, latencyOf, round } from './stats.js';
import { type Answer, type Api, createApi, dataOf, SEED_MALL, seedCatalogs } from './support.js';

export const OVERHEAD_LIMIT = 1.5;

type Command = { input: unknown; constructor: new (input: never) => Command };
type Send = (this: DynamoDBDocumentClient, command: Command, ...rest: unknown[]) => Promise<unknown>;

interface Recorded {
  ctor: new (input: never) => Command;
  input: unknown;
  start: number;
  end: number;
}

/** Records what document clients send while `active`. */
class Recorder {
  active = false;
  requests: Recorded[] = [];
  private readonly original: Send;
  private readonly ownSend: boolean;

  constructor() {
    const proto = DynamoDBDocumentClient.prototype as unknown as { send: Send };
    this.ownSend = Object.hasOwn(proto, 'send');
    this.original = proto.send;
    const original = this.original;
    const recorder = this;
    proto.send = function (this: DynamoDBDocumentClient, command: Command, ...rest: unknown[]) {
      if (!recorder.active) return original.call(this, command, ...rest);
      const entry: Recorded = {
        ctor: command.constructor,
        input: structuredClone(command.input),
        start: performance.now(),
        end: Number.POSITIVE_INFINITY,
      };
      recorder.requests.push(entry);
      return original.call(this, command, ...rest).finally(() => {
        entry.end = performance.now();
      });
    };
  }

  restore(): void {
    const proto = DynamoDBDocumentClient.prototype as unknown as { send?: Send };
    if (this.ownSend) proto.send = this.original;
    else delete proto.send; // back to the inherited Client.prototype.send
  }
}

/** Requests that overlapped in time go in one group; groups ran one after the other. */
function groups(requests: Recorded[]): Recorded[][] {
  const out: Recorded[][] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const r of [...requests].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && r.start < groupEnd) last.push(r);
    else out.push([r]);
    groupEnd = Math.max(groupEnd, r.end);
  }
  return out;
}

interface HotOperation {
  name: string;
  /** One call through the handler; `i` numbers the iteration. */
  call(i: number): Promise<Answer<Record<string, unknown>>>;
  /** Rewrites a recorded input for its replay (fresh ids where the handler's write would collide). */
  rewrite?(input: unknown, answer: Answer<Record<string, unknown>>, i: number): unknown;
}

export interface OverheadResult {
  operation: string;
  requestsPerCall: number;
  sequentialSteps: number;
  handler: Latency;
  raw: Latency;
  ratioP50: number;
  overheadP50Ms: number;
}

export async function measureOverhead(endpoint: string, options: BenchOptions): Promise<SectionResult> {
  const api = await createApi(endpoint, await seedCatalogs());
  const recorder = new Recorder();
  const replay = createDocumentClient({ endpoint });
  try {
    const ops = await prepare(api);
    const iterations = options.quick ? 30 : 200;
    const warmup = options.quick ? 5 : 30;
    const results: OverheadResult[] = [];
    for (const op of ops) {
      const handlerMs: number[] = [];
      const rawMs: number[] = [];
      let requestsPerCall = 0;
      let steps = 0;
      for (let i = 0; i < warmup + iterations; i++) {
        const runHandler = async () => {
          recorder.requests = [];
          recorder.active = true;
          let answer: Answer<Record<string, unknown>>;
          try {
            answer = await op.call(i);
          } finally {
            recorder.active = false;
          }
          return { answer, requests: recorder.requests };
        };
        const runRaw = async (requests: Recorded[], answer: Answer<Record<string, unknown>>) => {
          const plan = groups(requests).map((g) =>
            g.map((r) => ({ ctor: r.ctor, input: op.rewrite ? op.rewrite(r.input, answer, i) : r.input })),
          );
          const start = performance.now();
          for (const group of plan) {
            await Promise.all(
              group.map((r) => replay.send(new r.ctor(structuredClone(r.input) as never) as never)),
            );
          }
          return performance.now() - start;
        };
        const { answer, requests } = await runHandler();
        const raw = await runRaw(requests, answer);
        if (i >= warmup) {
          handlerMs.push(answer.ms);
          rawMs.push(raw);
        }
        requestsPerCall = requests.length;
        steps = groups(requests).length;
      }
      const handler = latencyOf(handlerMs);
      const raw = latencyOf(rawMs);
      results.push({
        operation: op.name,
        requestsPerCall,
        sequentialSteps: steps,
        handler,
        raw,
        ratioP50: round(handler.p50 / raw.p50),
        overheadP50Ms: round(handler.p50 - raw.p50),
      });
    }
    // The floor: a request that touches nothing (parse, validate, execute, serialize, the event round trip).
    const floor: number[] = [];
    for (let i = 0; i < warmup + iterations; i++) {
      const answer = await api.call('{ __typename }');
      if (i >= warmup) floor.push(answer.ms);
    }
    return report(results, latencyOf(floor), iterations);
  } finally {
    recorder.restore();
    replay.destroy();
    await api.close();
  }
}

/** A ticket in a queue of 20, a board of 10 calls, a complaint, and kiosks taking tickets. */
async function prepare(api: Api): Promise<HotOperation[]> {
  const ops = REAL_OPERATIONS;
  const mallId = SEED_MALL;
  const polres = `${mallId}:polres`;
  const admin = await api.token({ role: 'ADMIN', mallId });
  const kiosk = await api.token({ role: 'KIOSK', mallId });
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    api.clock.advance(1000);
    const taken = await api.call<{ takeTicket: { id: string } }>(
      ops.TAKE_TICKET,
      { input: { serviceId: `${polres}:skck` } },
      kiosk,
    );
    ids.push(dataOf(taken).takeTicket.id);
  }
  for (let i = 0; i < 10; i++) {
    const called = await api.call<{ callNextTicket: { id: string } }>(
      ops.CALL_NEXT_TICKET,
      { counterId: `${polres}:loket-1` },
      admin,
    );
    const id = dataOf(called).callNextTicket.id;
    await api.call('mutation($id: ID!) { startServing(id: $id) { id } }', { id }, admin);
    await api.call('mutation($id: ID!) { finishTicket(id: $id) { id } }', { id }, admin);
  }
  const following = ids[19] ?? '';
  const submitted = await api.call<{ submitComplaint: { trackingCode: string } }>(ops.SUBMIT_COMPLAINT, {
    input: {
      mallId,
      category: 'COMPLAINT',
      agencyId: polres,
      subject: 'Antrean SKCK terlalu lama',
      description: 'Saya menunggu lebih dari dua jam di loket SKCK tanpa kejelasan.',
      reporter: { name: 'Pelapor Contoh', phone: '081200000000' },
    },
  });
  const code = dataOf(submitted).submitComplaint.trackingCode;
  // Kiosks of seven agencies take turns, so no agency's queue grows past a morning's size.
  const kioskServices = [
    'atr-bpn:cek-sertipikat',
    'bpjs-kesehatan:pendaftaran',
    'bpjs-ketenagakerjaan:pendaftaran-bpu',
    'disdukcapil:ktp-el',
    'dpmptsp:nib-oss',
    'kejari:tilang',
    'kemenag:legalisir-ijazah',
  ].map((s) => `${mallId}:${s}`);
  return [
    {
      name: 'Query.ticket with position + estimate (FollowTicket)',
      call: () => api.call(ops.FOLLOW_TICKET, { id: following }),
    },
    { name: 'Mall.board, limit 10 (HallBoard)', call: () => api.call(ops.HALL_BOARD, { mallId, limit: 10 }) },
    {
      name: 'complaint by tracking code (TrackComplaint)',
      call: () => api.call(ops.TRACK_COMPLAINT, { code }),
    },
    {
      name: 'takeTicket with idempotency key (TakeTicket)',
      call: (i) =>
        api.call(
          ops.TAKE_TICKET,
          {
            input: {
              serviceId: kioskServices[i % kioskServices.length],
              idempotencyKey: `bench-overhead-${i}-tap`,
            },
          },
          kiosk,
        ),
      // The replay writes its own ticket and key: the same requests, which would otherwise fail their conditions.
      rewrite: (input, answer, i) => {
        const ticketId = (answer.data?.takeTicket as { id: string } | undefined)?.id ?? '';
        const key = `bench-overhead-${i}-tap`;
        const json = JSON.stringify(input)
          .replaceAll(ticketId, replayIds(ticketId))
          .replaceAll(key, `${key}-replay`);
        return JSON.parse(json);
      },
    },
  ];
}

const replayIdByTicket = new Map<string, string>();
function replayIds(ticketId: string): string {
  let id = replayIdByTicket.get(ticketId);
  if (!id) {
    id = randomIds.ticketId();
    replayIdByTicket.set(ticketId, id);
  }
  return id;
}

function report(results: OverheadResult[], floor: Latency, iterations: number): SectionResult {
  const checks: Check[] = results.map((r) => ({
    section: 'overhead',
    name: `${r.operation}: handler p50 / its DynamoDB requests p50`,
    value: `${r.ratioP50}× (${r.handler.p50} vs ${r.raw.p50} ms)`,
    target: `≤ ${OVERHEAD_LIMIT}×`,
    pass: r.ratioP50 <= OVERHEAD_LIMIT,
  }));
  return {
    data: { iterations, results, floor },
    checks,
    tables: [
      {
        title: `Overhead of the API over its DynamoDB requests (${iterations} calls each, ms)`,
        headers: [
          'operation',
          'requests (steps)',
          'handler p50',
          'p95',
          'p99',
          'raw requests p50',
          'p95',
          'p99',
          'p50 ratio',
          'p50 overhead',
        ],
        rows: [
          ...results.map((r) => [
            r.operation,
            `${r.requestsPerCall} (${r.sequentialSteps})`,
            r.handler.p50,
            r.handler.p95,
            r.handler.p99,
            r.raw.p50,
            r.raw.p95,
            r.raw.p99,
            `${r.ratioP50}×`,
            r.overheadP50Ms,
          ]),
          [
            '`{ __typename }`: the handler with no request at all',
            '0',
            floor.p50,
            floor.p95,
            floor.p99,
            '',
            '',
            '',
            '',
            '',
          ],
        ],
        notes: [
          `Limit: ${OVERHEAD_LIMIT}× at p50. "raw requests": the requests the handler sent, recorded and sent again ` +
            'with a document client, one step after the other (requests the handler overlapped run together). ' +
            'The handler figure includes the API Gateway v2 event round trip (JSON body in and out) and the ' +
            'token-free context; the request log line is off (POWERTOOLS_LOG_LEVEL=WARN).',
        ],
      },
    ],
  };
}
