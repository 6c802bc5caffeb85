/**
 * CDK assertions on what makes Loket operable (issue 15): Node.js 24 everywhere, least-privilege roles,
 * reserved concurrency and per-route throttles, the alarms and their encrypted topic, the dashboard, the
 * AWS WAF web ACL in us-east-1 and the CloudFront distribution in front of the API, no cross-stack export,
 * and the stage setting.
 */
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { TABLE_ACTIONS } from '../../infra/api-stack.js';
import { buildLoketApp, LOKET_CONTEXT } from '../../infra/build-loket-app.js';
import { DEFAULT_WAF_RATE_LIMIT } from '../../infra/edge-stack.js';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../src/app/edge-headers.js';
import { LOKET_METRICS } from '../../src/app/metrics.js';
import { STALE_CLAIM_MS } from '../../src/domain/shared/idempotency.js';
import { loketApp, WITHOUT_BUNDLING } from './loket-app.js';

type Resource = { Type: string; Properties: Record<string, unknown> } & Record<string, unknown>;

const app = loketApp(WITHOUT_BUNDLING);
const stacks = buildLoketApp(app);
const { api, edge } = stacks;
const allStacks = app.node.children.filter(Stack.isStack);
const apiTemplate = Template.fromStack(api);
const edgeTemplate = Template.fromStack(edge);

function resources(template: Template, type: string): Resource[] {
  return Object.values(template.findResources(type)) as Resource[];
}

function statements(template: Template): { Action: string | string[]; Resource: unknown }[] {
  return resources(template, 'AWS::IAM::Policy').flatMap(
    (policy) => (policy.Properties.PolicyDocument as { Statement: never[] }).Statement,
  );
}

const actionsOf = (statement: { Action: string | string[] }) =>
  typeof statement.Action === 'string' ? [statement.Action] : statement.Action;

describe('every Lambda function', () => {
  const functions = allStacks.flatMap((stack) =>
    resources(Template.fromStack(stack), 'AWS::Lambda::Function').map((fn) => ({ stack, fn })),
  );

  it('runs Node.js 24 on arm64, without X-Ray (nothing is instrumented for it)', () => {
    expect(functions.length).toBeGreaterThanOrEqual(2);
    for (const { fn } of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
      expect(fn.Properties.TracingConfig).toBeUndefined();
    }
  });

  it('has a role of its own without AWSLambdaBasicExecutionRole, writing only to its own log group', () => {
    for (const stack of allStacks) {
      const template = Template.fromStack(stack);
      for (const role of resources(template, 'AWS::IAM::Role')) {
        expect(JSON.stringify(role.Properties.ManagedPolicyArns ?? [])).not.toContain(
          'AWSLambdaBasicExecutionRole',
        );
      }
      for (const { fn } of functions.filter((f) => f.stack === stack)) {
        const logGroupId = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
        const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
        const logStatements = resources(template, 'AWS::IAM::Policy')
          .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
          .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: never[] }).Statement)
          .filter((statement) => actionsOf(statement).some((action: string) => action.startsWith('logs:')));
        expect(logStatements).toEqual([
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
          },
        ]);
      }
    }
  });

  it('grants no action on a "*" resource, in any stack', () => {
    for (const stack of allStacks) {
      const wildcards = statements(Template.fromStack(stack)).filter((statement) =>
        JSON.stringify(statement.Resource).match(/"\*"|:\*"/),
      );
      expect(wildcards, stack.stackName).toEqual([]);
    }
  });
});

describe('the GraphQL function', () => {
  const fnId = api.getLogicalId(api.graphqlFunction.node.defaultChild as CfnFunction);
  const fn = apiTemplate.toJSON().Resources[fnId] as Resource;
  const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

  it('has 50 concurrent executions reserved, or what the context says', () => {
    expect(fn.Properties.ReservedConcurrentExecutions).toBe(50);
    const other = buildLoketApp(loketApp({ ...WITHOUT_BUNDLING, [LOKET_CONTEXT.reservedConcurrency]: '20' }));
    Template.fromStack(other.api).hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 20,
    });
  });

  it('may send the table only the commands src/dynamo sends', () => {
    expect([...TABLE_ACTIONS].sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:TransactWriteItems',
      'dynamodb:UpdateItem',
    ]);
    const dynamo = statements(apiTemplate).filter((statement) =>
      actionsOf(statement).some((action: string) => action.startsWith('dynamodb:')),
    );
    expect(dynamo.flatMap(actionsOf).sort()).toEqual([...TABLE_ACTIONS].sort());
  });

  it('writes metrics to the Loket namespace, logs at INFO under the service loket', () => {
    expect(variables).toMatchObject({
      POWERTOOLS_METRICS_NAMESPACE: 'Loket',
      POWERTOOLS_SERVICE_NAME: 'loket',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
    expect(variables).not.toHaveProperty('LOKET_LOG_LEVEL');
  });

  it('times out well before an idempotency claim goes stale', () => {
    expect((fn.Properties.Timeout as number) * 1000 * 2).toBeLessThanOrEqual(STALE_CLAIM_MS);
  });

  it('gets the origin secret by a dynamic reference, never as text in the template', () => {
    expect(JSON.stringify(variables.LOKET_ORIGIN_SECRET)).toContain('{{resolve:secretsmanager:');
  });
});

describe('the HTTP API stage', () => {
  const stage = resources(apiTemplate, 'AWS::ApiGatewayV2::Stage')[0] as Resource;

  it('throttles each route: POST as the stage, GET at half', () => {
    expect(stage.Properties.RouteSettings).toEqual({
      'POST /graphql': { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      'GET /graphql': { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
    expect(stage.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/POSTgraphql/)]));
  });

  it("names in the access log the request id and the integration's (Lambda's) request id", () => {
    const format = JSON.parse((stage.Properties.AccessLogSettings as { Format: string }).Format);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      integrationRequestId: '$context.integration.requestId',
    });
  });
});

describe('the alarms', () => {
  const alarms = resources(apiTemplate, 'AWS::CloudWatch::Alarm');
  const topicId = Object.keys(apiTemplate.findResources('AWS::SNS::Topic'))[0] as string;

  it('cover the function, the API, the table, masked errors and the figures consumer', () => {
    const names = alarms.map((alarm) => alarm.Properties.MetricName ?? 'math').sort();
    expect(names).toEqual(
      [
        'ApproximateNumberOfMessagesVisible',
        'Duration',
        'Errors',
        'Errors',
        'Errors',
        'IteratorAge',
        'Latency',
        'Throttles',
        '5xx',
        'math',
        'math',
      ].sort(),
    );
    const duration = alarms.find((alarm) => alarm.Properties.MetricName === 'Duration');
    expect(duration?.Properties).toMatchObject({ ExtendedStatistic: 'p99', Threshold: 3000 });
    const masked = alarms.find((alarm) => alarm.Properties.Namespace === 'Loket');
    expect(masked?.Properties.Dimensions).toEqual(
      expect.arrayContaining([{ Name: LOKET_METRICS.codeDimension, Value: 'INTERNAL_SERVER_ERROR' }]),
    );
    const tableAlarms = alarms.filter((alarm) => alarm.Properties.Metrics !== undefined);
    expect(JSON.stringify(tableAlarms)).toContain('ThrottledRequests');
    expect(JSON.stringify(tableAlarms)).toContain('SystemErrors');
  });

  it('notify one topic, on alarm and on recovery, and treat no data (a closed mall) as fine', () => {
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
    }
  });

  it('go to a topic encrypted with a key CloudWatch may use, over TLS only', () => {
    const topic = resources(apiTemplate, 'AWS::SNS::Topic')[0] as Resource;
    const keyId = (topic.Properties.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const key = apiTemplate.toJSON().Resources[keyId] as Resource;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(JSON.stringify(key.Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
    apiTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
  });

  it('email the address the context names', () => {
    const withEmail = buildLoketApp(
      loketApp({ ...WITHOUT_BUNDLING, [LOKET_CONTEXT.alarmEmail]: 'ops@mpp.example.go.id' }),
    );
    Template.fromStack(withEmail.api).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@mpp.example.go.id',
    });
    apiTemplate.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('sit beside a dashboard of the API, the function, the table and Loket metrics', () => {
    const dashboard = resources(apiTemplate, 'AWS::CloudWatch::Dashboard')[0] as Resource;
    const body = JSON.stringify(api.resolve(dashboard.Properties.DashboardBody));
    for (const metric of [
      LOKET_METRICS.ticketsIssued,
      LOKET_METRICS.ticketsCalled,
      LOKET_METRICS.movesRefused,
      LOKET_METRICS.transactionConflicts,
      LOKET_METRICS.rateLimited,
      LOKET_METRICS.errors,
      LOKET_METRICS.catalogCacheHits,
      'IteratorAge',
      'ConsumedReadCapacityUnits',
    ]) {
      expect(body).toContain(metric);
    }
  });
});

describe('the edge', () => {
  it('is a web ACL for CloudFront in us-east-1: IP reputation, common rules, bad inputs, a rate per IP', () => {
    expect(edge.region).toBe('us-east-1');
    const acl = resources(edgeTemplate, 'AWS::WAFv2::WebACL')[0] as Resource;
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
    const rules = acl.Properties.Rules as { Name: string; Statement: Record<string, unknown> }[];
    expect(rules.map((rule) => rule.Name)).toEqual([
      'AWS-AWSManagedRulesAmazonIpReputationList',
      'AWS-AWSManagedRulesCommonRuleSet',
      'AWS-AWSManagedRulesKnownBadInputsRuleSet',
      'RatePerIp',
    ]);
    expect(rules[3]?.Statement).toEqual({
      RateBasedStatement: { Limit: DEFAULT_WAF_RATE_LIMIT, EvaluationWindowSec: 300, AggregateKeyType: 'IP' },
    });
  });

  it('puts CloudFront, with that web ACL, in front of the HTTP API, caching nothing', () => {
    const distribution = resources(apiTemplate, 'AWS::CloudFront::Distribution')[0] as Resource;
    const config = distribution.Properties.DistributionConfig as Record<string, unknown>;
    // Read from the edge stack's output in us-east-1 when the API stack deploys: no export.
    expect(config.WebACLId).toEqual({
      'Fn::GetStackOutput': expect.objectContaining({ StackName: edge.stackName, Region: 'us-east-1' }),
    });
    const [origin] = config.Origins as { DomainName: unknown; OriginCustomHeaders: unknown[] }[];
    expect(JSON.stringify(origin?.DomainName)).toContain('.execute-api.');
    expect(origin?.OriginCustomHeaders).toEqual([
      {
        HeaderName: ORIGIN_VERIFY_HEADER,
        HeaderValue: expect.objectContaining({ 'Fn::Join': expect.anything() }),
      },
    ]);
    expect(JSON.stringify(origin?.OriginCustomHeaders)).toContain('{{resolve:secretsmanager:');
    const behavior = config.DefaultCacheBehavior as Record<string, unknown>;
    expect(behavior).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      // Managed policies CachingDisabled and AllViewerExceptHostHeader.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
    });
    expect(behavior.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'OPTIONS']));
  });

  it('outputs the URL clients use, on the distribution', () => {
    const [output] = Object.values(apiTemplate.findOutputs('ApiUrl'));
    expect(JSON.stringify(output?.Value)).toMatch(/https:\/\/.*DomainName.*\/graphql/);
  });

  it("writes the viewer's address into the header Loket's limits read, at the viewer request", () => {
    const fn = resources(apiTemplate, 'AWS::CloudFront::Function')[0] as Resource;
    expect(String(fn.Properties.FunctionCode)).toContain(`'${VIEWER_ADDRESS_HEADER}'`);
    expect(String(fn.Properties.FunctionCode)).toContain('event.viewer.ip');
  });

  it('takes the WAF rate limit from the context', () => {
    const other = buildLoketApp(loketApp({ ...WITHOUT_BUNDLING, [LOKET_CONTEXT.wafRateLimit]: '1000' }));
    expect(JSON.stringify(Template.fromStack(other.edge).toJSON())).toContain('"Limit":1000');
  });
});

it('shares no CloudFormation export between stacks: every reference is read from an output', () => {
  for (const stack of allStacks) {
    const template = JSON.stringify(Template.fromStack(stack).toJSON());
    expect(template, stack.stackName).not.toContain('Fn::ImportValue');
    expect(template, stack.stackName).not.toContain('"Export"');
  }
});

describe('the stage setting', () => {
  const retained = ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool'];

  it('prod (the default) retains and protects the table and the user pool', () => {
    for (const stack of [stacks.data, stacks.auth]) {
      for (const resource of retained.flatMap((type) => resources(Template.fromStack(stack), type))) {
        expect(resource.DeletionPolicy).toBe('Retain');
      }
    }
    Template.fromStack(stacks.data).hasResourceProperties('AWS::DynamoDB::Table', {
      DeletionProtectionEnabled: true,
    });
  });

  it('dev deletes everything with its stack and protects nothing', () => {
    const dev = buildLoketApp(loketApp({ ...WITHOUT_BUNDLING, [LOKET_CONTEXT.stage]: 'dev' }));
    for (const stack of [dev.data, dev.auth, dev.api]) {
      const template = Template.fromStack(stack).toJSON() as { Resources: Record<string, Resource> };
      for (const [id, resource] of Object.entries(template.Resources)) {
        if (resource.Type === 'AWS::CDK::Metadata') continue;
        expect(resource.DeletionPolicy, `${stack.stackName}/${id}`).toBe('Delete');
      }
    }
    Template.fromStack(dev.data).hasResourceProperties('AWS::DynamoDB::Table', {
      DeletionProtectionEnabled: false,
    });
    Template.fromStack(dev.auth).hasResourceProperties('AWS::Cognito::UserPool', {
      DeletionProtection: 'INACTIVE',
    });
  });

  it('refuses any other stage', () => {
    expect(() => buildLoketApp(loketApp({ ...WITHOUT_BUNDLING, [LOKET_CONTEXT.stage]: 'staging' }))).toThrow(
      /loket:stage/,
    );
  });
});
