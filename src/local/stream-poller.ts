/**
 * Drives the figures' stream consumer from DynamoDB Local's stream, as the event source mapping does
 * on AWS: DescribeStream for the shards, GetShardIterator from TRIM_HORIZON, GetRecords in order, a
 * batch at a time, a failed batch retried from its first failed record. Used by the local server
 * (whether it started DynamoDB Local or was pointed at one), the integration tests and the bench.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { FiguresConsumer } from '../app/figures-consumer.js';

/** What the poller reads and whom it feeds. */
export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  consumer: FiguresConsumer;
  /** Records per consumer call, as the event source mapping's batch size. @default 100 */
  batchSize?: number;
  /** Tries of a failing batch before it is given up (logged), as the mapping's retry limit. @default 3 */
  maxTries?: number;
  /** Told of a batch given up. @default console.error */
  onGiveUp?: (error: string) => void;
}

interface ShardState {
  iterator: string | undefined;
  /** The last record handed to the consumer: where a fresh iterator resumes. */
  lastSequence: string | undefined;
  closed: boolean;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A poller of one table's stream. */
export class StreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private readonly dynamo: DynamoDBClient;
  private readonly shards = new Map<string, ShardState>();
  private streamArn: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly options: StreamPollerOptions) {
    const common = { endpoint: options.endpoint, region: 'local', credentials: LOCAL_CREDENTIALS };
    this.streams = new DynamoDBStreamsClient(common);
    this.dynamo = new DynamoDBClient(common);
  }

  /**
   * Hands every record the stream holds now, from where this poller stopped (a new poller: from the
   * oldest record kept), to the consumer; resolves when it has caught up.
   * @returns how many records it read.
   */
  catchUp(): Promise<number> {
    // One pass at a time: a second caller waits for the pass in flight, then runs its own.
    const previous = this.running ?? Promise.resolve(0);
    const pass = previous.catch(() => 0).then(() => this.pass());
    this.running = pass;
    return pass;
  }

  /** Polls every `intervalMs` until `stop`. */
  start(intervalMs = 250): void {
    const tick = () => {
      this.catchUp()
        .catch((error: unknown) => console.error('Figures stream poller:', (error as Error).message))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling after the pass in flight. */
  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.running?.catch(() => 0);
    this.streams.destroy();
    this.dynamo.destroy();
  }

  private async pass(): Promise<number> {
    let read = 0;
    for (const shard of await this.listShards()) {
      let state = this.shards.get(shard.ShardId ?? '');
      if (!state) {
        state = { iterator: undefined, lastSequence: undefined, closed: false };
        this.shards.set(shard.ShardId ?? '', state);
      }
      if (state.closed) continue;
      read += await this.drainShard(shard.ShardId ?? '', state);
    }
    return read;
  }

  /** The stream's shards, parents before children (the order DescribeStream gives them). */
  private async listShards(): Promise<Shard[]> {
    if (!this.streamArn) {
      const { Table } = await this.dynamo.send(
        new DescribeTableCommand({ TableName: this.options.tableName }),
      );
      this.streamArn = Table?.LatestStreamArn;
      if (!this.streamArn) throw new Error(`Table ${this.options.tableName} has no stream`);
    }
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  private async iteratorOf(shardId: string, state: ShardState): Promise<string | undefined> {
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ...(state.lastSequence
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: state.lastSequence }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  /** Reads a shard up to its newest record; marks it closed when it has no more. */
  private async drainShard(shardId: string, state: ShardState): Promise<number> {
    let read = 0;
    for (;;) {
      state.iterator ??= await this.iteratorOf(shardId, state);
      if (!state.iterator) {
        state.closed = true;
        return read;
      }
      let page: { Records?: StreamRecord[]; NextShardIterator?: string };
      try {
        page = await this.streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: 1000 }));
      } catch (error) {
        if ((error as { name?: string }).name === 'ExpiredIteratorException') {
          state.iterator = undefined;
          continue;
        }
        throw error;
      }
      const records = page.Records ?? [];
      await this.deliver(records);
      read += records.length;
      const last = records[records.length - 1]?.dynamodb?.SequenceNumber;
      if (last) state.lastSequence = last;
      state.iterator = page.NextShardIterator;
      if (!state.iterator) {
        state.closed = true;
        return read;
      }
      if (records.length === 0) return read;
    }
  }

  /** Hands records to the consumer in batches, each retried from its first failed record. */
  private async deliver(records: readonly StreamRecord[]): Promise<void> {
    const size = this.options.batchSize ?? 100;
    const maxTries = this.options.maxTries ?? 3;
    for (let start = 0; start < records.length; start += size) {
      let batch = records.slice(start, start + size);
      for (let tries = 1; batch.length > 0; tries++) {
        const { batchItemFailures } = await this.options.consumer({ Records: batch });
        if (batchItemFailures.length === 0) break;
        const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
        const first = batch.findIndex((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
        if (tries >= maxTries) {
          (this.options.onGiveUp ?? console.error)(
            `Figures stream poller: gave up ${batch.length - Math.max(first, 0)} records after ${tries} tries`,
          );
          break;
        }
        batch = batch.slice(Math.max(first, 0));
      }
    }
  }
}
