import { fileURLToPath } from 'node:url';
import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventSourceMapping, FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { FIGURES_SOURCE_TYPES } from '../src/dynamo/figures/stream-changes.js';
import { LoketFunction } from './loket-function.js';

/** Properties of the {@link FiguresStack}. */
export interface FiguresStackProps extends StackProps {
  /** Loket's table, with its stream (NEW_AND_OLD_IMAGES). */
  readonly table: ITable;
}

/**
 * The actions the consumer needs and nothing more: the catalog's Query (targets, schedules, service
 * prefixes), and the rollup's writes (UpdateItem of a day's facts, PutItem of summaries and
 * complaint facts). No index, no Scan, no delete.
 */
export const FIGURES_TABLE_ACTIONS = ['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:PutItem'] as const;

/** The records the consumer reads from the stream (GetRecords and friends), on the table's stream only. */
export const STREAM_ACTIONS = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
] as const;

/**
 * The figures off the hot path (docs/data-model.md, 'Figures'): a second function, the stream
 * consumer, fed by an event source mapping on the table's stream. Only ticket, survey, booking and
 * complaint records reach it (an event filter); a failed record is retried from where it failed
 * (batch item failures), the batch halved around it (bisect), a limited number of times; what still
 * fails is described in an encrypted dead-letter queue, from which it can be replayed (the consumer is
 * idempotent).
 */
export class FiguresStack extends Stack {
  /** The stream consumer. */
  readonly consumer: LoketFunction;
  /** Where batches that failed every retry are described. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: FiguresStackProps) {
    super(scope, id, props);
    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error('The figures need the table stream (TABLE_DEFINITION.stream)');

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Stream records are kept 24 h: two weeks is time to notice, fix and replay by hand.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the figures stream consumer; a queue of failures needs no queue of its own.',
    });

    this.consumer = new LoketFunction(this, 'ConsumerFunction', {
      entry: fileURLToPath(new URL('../src/app/figures-lambda.ts', import.meta.url)),
      description: 'Loket: keeps the figures rollup from the table stream',
      // A batch of 100 records is a few UpdateItem and PutItem requests per service-day it touches.
      timeout: Duration.seconds(60),
      memorySize: 512,
      environment: { LOKET_TABLE: props.table.tableName, NODE_ENV: 'production' },
    });

    // Named, not Table.grant*: those add index and stream wildcards and actions the consumer never sends.
    this.consumer.addToRolePolicy(
      new PolicyStatement({ actions: [...FIGURES_TABLE_ACTIONS], resources: [props.table.tableArn] }),
    );
    // The stream by its exact ARN (the one the mapping reads), ListStreams included: the IAM example of the
    // DynamoDB guide grants these four on the table's streams, and no wildcard is needed for one stream.
    this.consumer.addToRolePolicy(
      new PolicyStatement({ actions: [...STREAM_ACTIONS], resources: [streamArn] }),
    );

    const dlq = new SqsDlq(this.deadLetters);
    new EventSourceMapping(this, 'StreamMapping', {
      target: this.consumer,
      eventSourceArn: streamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(1),
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: 5,
      // Older than a day and the stream has trimmed it anyway.
      maxRecordAge: Duration.hours(24),
      onFailure: dlq,
      filters: [
        FilterCriteria.filter({
          dynamodb: { NewImage: { type: { S: FilterRule.or(...FIGURES_SOURCE_TYPES) } } },
        }),
      ],
    });
  }
}
