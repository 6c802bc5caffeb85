import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LOKET_METRICS, METRICS_NAMESPACE } from '../src/app/metrics.js';

/** Properties of {@link LoketMonitoring}. */
export interface LoketMonitoringProps {
  /** The GraphQL function. */
  readonly graphqlFunction: IFunction;
  /** Its timeout: the p99 duration alarm fires well before invocations time out. */
  readonly graphqlTimeout: Duration;
  /** The HTTP API's stage. */
  readonly stage: IHttpStage;
  /** Loket's table. */
  readonly table: ITable;
  /**
   * An address that receives the alarms by email (it must confirm the subscription once).
   *
   * @default - none: subscribe to the topic yourself (chat, paging, email)
   */
  readonly alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/** The table operations the API sends (see TABLE_ACTIONS in api-stack.ts); an alarm sums at most 10 metrics. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/** One of Loket's own metrics (src/app/metrics.ts), as Powertools writes it: dimension `service`. */
function loketMetric(metricName: string, extra: Record<string, string> = {}): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: 'loket', ...extra },
    statistic: 'Sum',
    period: FIVE_MINUTES,
  });
}

/** Every series of a metric counted by error code, whatever the codes seen. */
function byCode(metricName: string, label: string): MathExpression {
  return new MathExpression({
    expression: `SEARCH('{${METRICS_NAMESPACE},${LOKET_METRICS.codeDimension},service} MetricName="${metricName}"', 'Sum', 300)`,
    label,
    period: FIVE_MINUTES,
  });
}

/**
 * Loket's alarms and dashboard: each alarm notifies one SNS topic (encrypted with a key of its own, which
 * CloudWatch may use), and the dashboard shows the API, the function, the table and Loket's own metrics.
 *
 * The stream consumer of the figures, and its dead-letter queue, are added with
 * {@link LoketMonitoring.monitorStreamConsumer} by the stack that defines them.
 */
export class LoketMonitoring extends Construct {
  /** The topic every alarm notifies. */
  readonly topic: Topic;

  /** Every alarm, by construct id. */
  readonly alarms = new Map<string, Alarm>();

  /** The dashboard `<stack>-operations`. */
  readonly dashboard: Dashboard;

  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: LoketMonitoringProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic under the AWS-managed SNS key: a key of its own lets it.
    const key = new Key(this, 'TopicKey', {
      description: 'Loket alarms topic',
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: 'Loket alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail !== undefined) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);

    const fn = props.graphqlFunction;
    const p99Limit = Math.round(props.graphqlTimeout.toMilliseconds() * 0.3);
    this.alarm(
      'FunctionErrors',
      fn.metricErrors({ period: FIVE_MINUTES }),
      5,
      'GraphQL function: invocations that failed (not GraphQL errors)',
    );
    this.alarm(
      'FunctionThrottles',
      fn.metricThrottles({ period: FIVE_MINUTES }),
      1,
      'GraphQL function: invocations throttled (reserved concurrency reached)',
    );
    this.alarm(
      'FunctionDurationP99',
      fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' }),
      p99Limit,
      `GraphQL function: p99 duration over ${p99Limit} ms for 15 minutes`,
      3,
    );
    this.alarm(
      'Api5xx',
      props.stage.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      5,
      'API: 5xx answers',
    );
    this.alarm(
      'ApiLatencyP99',
      props.stage.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
      2000,
      'API: p99 latency over 2 s for 15 minutes',
      3,
    );
    const tableThrottles = props.table.metricThrottledRequestsForOperations({
      operations: TABLE_OPERATIONS,
      period: FIVE_MINUTES,
    });
    this.alarm('TableThrottles', tableThrottles, 1, 'DynamoDB: requests throttled');
    const tableSystemErrors = props.table.metricSystemErrorsForOperations({
      operations: TABLE_OPERATIONS,
      period: FIVE_MINUTES,
    });
    this.alarm('TableSystemErrors', tableSystemErrors, 1, 'DynamoDB: system errors (HTTP 500 from DynamoDB)');
    this.alarm(
      'MaskedErrors',
      loketMetric(LOKET_METRICS.errors, { [LOKET_METRICS.codeDimension]: 'INTERNAL_SERVER_ERROR' }),
      5,
      'Loket: answers with INTERNAL_SERVER_ERROR (find the cause by its correlation id in the logs)',
    );

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      defaultInterval: Duration.hours(3),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Loket\nAlarms notify the SNS topic of this stack. A masked error names a correlation id: it is the ' +
          '`requestId` of the API access log and of every log line of that request.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      graph('API requests and errors', [
        props.stage.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
        props.stage.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }),
        props.stage.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      ]),
      graph('API latency (ms)', [
        props.stage.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }),
        props.stage.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
        props.stage.metricIntegrationLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
      ]),
      graph('Function', [
        fn.metricInvocations({ period: FIVE_MINUTES }),
        fn.metricErrors({ period: FIVE_MINUTES }),
        fn.metricThrottles({ period: FIVE_MINUTES }),
        fn.metric('ConcurrentExecutions', { period: FIVE_MINUTES, statistic: 'Maximum' }),
      ]),
      graph('Function duration (ms)', [
        fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p50' }),
        fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' }),
      ]),
    );
    this.dashboard.addWidgets(
      graph('Tickets', [loketMetric(LOKET_METRICS.ticketsIssued), loketMetric(LOKET_METRICS.ticketsCalled)]),
      graph('Refusals', [
        byCode(LOKET_METRICS.movesRefused, 'moves refused'),
        loketMetric(LOKET_METRICS.transactionConflicts),
        loketMetric(LOKET_METRICS.rateLimited),
      ]),
      graph('Errors by code', [byCode(LOKET_METRICS.errors, 'errors')]),
      graph('Catalog cache', [
        loketMetric(LOKET_METRICS.catalogCacheHits),
        loketMetric(LOKET_METRICS.catalogCacheMisses),
      ]),
    );
    this.dashboard.addWidgets(
      graph('DynamoDB capacity', [
        props.table.metricConsumedReadCapacityUnits({ period: FIVE_MINUTES }),
        props.table.metricConsumedWriteCapacityUnits({ period: FIVE_MINUTES }),
      ]),
      // One expression per graph: both name their inner metrics by operation.
      graph('DynamoDB throttled requests', [tableThrottles]),
      graph('DynamoDB system errors', [tableSystemErrors]),
    );
  }

  /**
   * Watches a DynamoDB Streams consumer: an alarm when it falls behind the stream (iterator age), when it
   * fails, and when a batch lands in its dead-letter queue; and a dashboard row.
   *
   * @param consumer the function of the event source mapping
   * @param deadLetterQueue where failed batches go
   * @param maxIteratorAge how far behind the stream the consumer may fall before the alarm
   */
  monitorStreamConsumer(
    consumer: IFunction,
    deadLetterQueue: IQueue,
    maxIteratorAge = Duration.minutes(5),
  ): void {
    const iteratorAge = consumer.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' });
    const errors = consumer.metricErrors({ period: FIVE_MINUTES });
    const dlqDepth = deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    });
    this.alarm(
      'StreamConsumerIteratorAge',
      iteratorAge,
      maxIteratorAge.toMilliseconds(),
      `Stream consumer: more than ${maxIteratorAge.toHumanString()} behind the table's stream`,
      5,
    );
    this.alarm('StreamConsumerErrors', errors, 1, 'Stream consumer: failed invocations (batches retried)');
    this.alarm(
      'StreamConsumerDeadLetters',
      dlqDepth,
      1,
      'Stream consumer: batches given up on, in the dead-letter queue',
    );
    this.dashboard.addWidgets(
      graph('Stream consumer: iterator age (ms)', [iteratorAge]),
      graph('Stream consumer: errors and dead letters', [errors, dlqDepth]),
    );
  }

  private alarm(
    id: string,
    metric: IMetric,
    threshold: number,
    description: string,
    evaluationPeriods = 1,
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data is no traffic: nothing is wrong at night.
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.set(id, alarm);
    return alarm;
  }
}

function graph(title: string, metrics: IMetric[]): GraphWidget {
  return new GraphWidget({ title, left: metrics, width: 6, height: 6 });
}
