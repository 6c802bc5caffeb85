/**
 * Phase (f): how long the figures take to catch up after a burst. 1,000 moves (250 walk-in tickets
 * taken, called, started and finished at one counter of a test mall) go through the real handler on
 * DynamoDB Local; then the figures' consumer is fed the stream the way the local server feeds it
 * (StreamPoller: DescribeStream, GetShardIterator, GetRecords, batches of 100), and the time until every
 * record is applied is measured, with the figures checked against what was done. Also the size of the
 * busiest rollup item at the end: the facts item of the service-day.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createFiguresConsumer } from '../src/app/figures-consumer.js';
import { figuresKeys } from '../src/dynamo/shared/keys.js';
import { StreamPoller } from '../src/local/stream-poller.js';
import { fixtureCatalog } from '../tests/support/fixture-catalog.js';
import type { BenchOptions } from './main.js';
import type { SectionResult } from './report.js';
import { round } from './stats.js';
import { createApi, dataOf } from './support.js';

/** Approximate stored size of an item (DynamoDB counts names and values in UTF-8). */
function itemBytes(item: Record<string, unknown> | undefined): number {
  if (!item) return 0;
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(JSON.stringify(value));
  }
  return bytes;
}

export async function measureFiguresStream(endpoint: string, options: BenchOptions): Promise<SectionResult> {
  // A mall of its own, open all day and without a quota: 250 tickets of one service in one day.
  const api = await createApi(endpoint, [fixtureCatalog({ mallId: 'bench-figures', counters: 1 })]);
  const poller = new StreamPoller({
    endpoint,
    tableName: api.table.tableName,
    consumer: createFiguresConsumer({
      tableName: api.table.tableName,
      dynamoEndpoint: endpoint,
      clock: api.clock,
    }),
  });
  try {
    const mallId = 'bench-figures';
    const polres = `${mallId}:agency`;
    const skck = `${polres}:svc1`;
    const counter = `${polres}:loket-1`;
    const kiosk = await api.token({ role: 'KIOSK', mallId });
    const officer = await api.token({ role: 'OFFICER', mallId, agencyId: polres });
    await poller.catchUp(); // the load of the catalog: the stream starts empty of figures
    const tickets = options.quick ? 50 : 250;
    const burstStart = performance.now();
    for (let i = 0; i < tickets; i++) {
      const id = dataOf(
        await api.call<{ takeTicket: { id: string } }>(
          'mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id } }',
          { input: { serviceId: skck } },
          kiosk,
        ),
      ).takeTicket.id;
      api.clock.advance(30_000);
      await api.call(`mutation { callTicket(id: "${id}", counterId: "${counter}") { id } }`, {}, officer);
      await api.call(`mutation { startServing(id: "${id}") { id } }`, {}, officer);
      api.clock.advance(60_000 + (i % 7) * 1_000);
      await api.call(`mutation { finishTicket(id: "${id}") { id } }`, {}, officer);
    }
    const burstMs = performance.now() - burstStart;
    const catchUpStart = performance.now();
    const records = await poller.catchUp();
    const catchUpMs = performance.now() - catchUpStart;
    const date = '2026-12-01';
    const figures = dataOf(
      await api.call<{
        agency: { figures: { days: { service: { id: string }; issued: number; served: number }[] } };
      }>(
        `{ agency(id: "${polres}") { figures(from: "${date}", to: "${date}") { days { service { id } issued served } } } }`,
        {},
        officer,
      ),
    ).agency.figures.days.find((d) => d.service.id === skck);
    const current = figures?.issued === tickets && figures.served === tickets;
    const facts = await api.table.client.send(
      new GetCommand({ TableName: api.table.tableName, Key: figuresKeys.dayFacts(skck, date) }),
    );
    const factsBytes = itemBytes(facts.Item);
    const data = {
      moves: tickets * 4,
      records,
      burstMs: round(burstMs, 0),
      catchUpMs: round(catchUpMs, 0),
      recordsPerSecond: round((records / catchUpMs) * 1000, 0),
      current,
      factsItemBytes: factsBytes,
      factsBytesPerTicket: round(factsBytes / tickets, 1),
    };
    return {
      data,
      tables: [
        {
          title: 'Figures current after a burst (DynamoDB Local, local stream poller)',
          headers: [
            'moves',
            'stream records',
            'burst',
            'catch-up',
            'records/s',
            'figures current',
            'facts item',
          ],
          rows: [
            [
              data.moves,
              records,
              `${data.burstMs} ms`,
              `${data.catchUpMs} ms`,
              data.recordsPerSecond,
              current ? 'yes' : 'NO',
              `${round(factsBytes / 1024, 1)} KB (${data.factsBytesPerTicket} B/ticket)`,
            ],
          ],
          notes: [
            'catch-up: from the end of the burst until the consumer has applied every record of it (one poller, batches of 100).',
          ],
        },
      ],
      checks: [
        {
          section: 'figures',
          name: 'figures current after the burst',
          value: current ? 'yes' : 'no',
          target: 'yes',
          pass: current,
        },
        {
          section: 'figures',
          name: `catch-up after ${data.moves} moves`,
          value: `${data.catchUpMs} ms`,
          target: 'informational',
          pass: true,
          informational: true,
        },
      ],
    };
  } finally {
    await poller.stop();
    await api.close();
  }
}
