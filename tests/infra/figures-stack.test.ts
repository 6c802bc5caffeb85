/**
 * The figures stack: the table's stream, the consumer function and its event source mapping, as
 * `cdk deploy` would deploy them.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DataStack } from '../../infra/data-stack.js';
import { FIGURES_TABLE_ACTIONS, FiguresStack, STREAM_ACTIONS } from '../../infra/figures-stack.js';
import { FIGURES_SOURCE_TYPES } from '../../src/dynamo/figures/stream-changes.js';
import { loketApp, WITHOUT_BUNDLING } from './loket-app.js';

// The two stacks as `buildLoketApp` makes them (the cdk-nag test checks the whole app).
const app = loketApp(WITHOUT_BUNDLING);
const env = { region: 'ap-southeast-3' };
const data = new DataStack(app, 'LoketData', { env });
const figures = new FiguresStack(app, 'LoketFigures', { env, table: data.table });
const dataTemplate = Template.fromStack(data);
const template = Template.fromStack(figures);

describe('LoketFigures', () => {
  it('has the table stream with the item before and after each write', () => {
    dataTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('maps the stream to the consumer: from the oldest record, batch item failures, bisect, 5 retries, a day at most, a DLQ', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 86400,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('lets only ticket, survey, booking and complaint records through the event filter', () => {
    const mapping = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'))[0] as {
      Properties: { FilterCriteria: { Filters: { Pattern: string }[] } };
    };
    const pattern = JSON.parse(mapping.Properties.FilterCriteria.Filters[0]?.Pattern ?? '{}');
    expect(pattern).toEqual({ dynamodb: { NewImage: { type: { S: [...FIGURES_SOURCE_TYPES] } } } });
  });

  it('keeps dead letters encrypted, over TLS only, for two weeks', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('grants the consumer the rollup writes and the catalog read on the table, the stream reads on the stream, and no wildcard', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
    }[];
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.map((s) => [s.Action].flat().sort())).toEqual([
      [...FIGURES_TABLE_ACTIONS].sort(),
      [...STREAM_ACTIONS].sort(),
    ]);
    for (const s of statements) expect(JSON.stringify(s.Resource)).not.toContain('*');
  });

  it('runs the consumer entry with the table name', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ LOKET_TABLE: Match.anyValue() }) },
      Timeout: 60,
    });
  });
});
