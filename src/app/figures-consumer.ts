/**
 * The figures' stream consumer: the handler of the second Lambda, which an event source mapping on
 * the table's stream invokes on AWS and the local server's poller invokes on a laptop, with the same
 * records. It reports the records it could not apply (`batchItemFailures`), so Lambda retries from
 * the first of them and, past its retries, sends the batch's description to the dead-letter queue.
 */
import { CatalogReader } from '../domain/catalog/catalog-reader.js';
import { FiguresProjector } from '../domain/figures/figures-projector.js';
import type { Clock } from '../domain/time/clock.js';
import { DynamoCatalogStore } from '../dynamo/catalog/catalog-store.js';
import { DynamoRollupStore } from '../dynamo/figures/rollup-store.js';
import { figuresChangeOf, type StreamRecordLike } from '../dynamo/figures/stream-changes.js';
import { createDocumentClient, type RequestCounter } from '../dynamo/shared/client.js';
import { logger } from './logger.js';

/** A batch of stream records, as Lambda delivers it and as the local poller builds it. */
export interface StreamBatch {
  Records: StreamRecordLike[];
}

/** Lambda's partial batch response: the sequence numbers of the records to deliver again. */
export interface StreamBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** Applies one batch of stream records to the figures. */
export type FiguresConsumer = (batch: StreamBatch) => Promise<StreamBatchResponse>;

/** What the consumer needs from its environment. */
export interface FiguresConsumerConfig {
  tableName: string;
  dynamoEndpoint: string | undefined;
  clock: Clock;
  /** Counts the consumer's DynamoDB requests (tests, bench). */
  counter?: RequestCounter;
  /** Told of each change that could not be applied. @default the request logger, at ERROR */
  onError?: (error: unknown, what: string) => void;
}

/** The consumer over DynamoDB: the rollup store and a catalog reader with its 30 s cache. */
export function createFiguresConsumer(config: FiguresConsumerConfig): FiguresConsumer {
  const client = createDocumentClient({ endpoint: config.dynamoEndpoint, counter: config.counter });
  const catalog = new CatalogReader(new DynamoCatalogStore(client, config.tableName), config.clock);
  const onError =
    config.onError ??
    ((error: unknown, what: string) =>
      logger.error('Figures: could not apply a change', { what, error: error as Error }));
  return consumerOf(new FiguresProjector(new DynamoRollupStore(client, config.tableName), catalog, onError));
}

/** The handler over a projector. */
export function consumerOf(projector: FiguresProjector): FiguresConsumer {
  return async (batch) => {
    const changes = batch.Records.map((record, index) => ({
      record,
      index,
      change: figuresChangeOf(record),
    }));
    const relevant = changes.filter((c) => c.change !== null);
    const failed = await projector.project(relevant.map((c) => c.change as NonNullable<typeof c.change>));
    const batchItemFailures = relevant
      .filter((_, i) => failed.has(i))
      .map((c) => ({ itemIdentifier: c.record.dynamodb?.SequenceNumber ?? String(c.index) }));
    return { batchItemFailures };
  };
}
