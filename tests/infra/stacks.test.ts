/**
 * CDK assertions on the stacks `cdk deploy` would deploy: the same builder as infra/app.ts, the same
 * cdk.json context (feature flags, pinned region), the real Lambda entry bundled by local esbuild.
 * No AWS account, Docker or network is needed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { buildLoketApp, LOKET_CONTEXT } from '../../infra/build-loket-app.js';
import { TABLE_DEFINITION } from '../../src/dynamo/shared/table-definition.js';
import { loketApp, WITHOUT_BUNDLING } from './loket-app.js';

/** The actions the GraphQL API may perform on the table: the spec, spelled out independently of infra/. */
const API_TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:TransactWriteItems',
  'dynamodb:UpdateItem',
];

interface PolicyStatement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

const app = loketApp();
const { data, auth, api } = buildLoketApp(app);
const dataTemplate = Template.fromStack(data);
const authTemplate = Template.fromStack(auth);
const apiTemplate = Template.fromStack(api);

/** The properties of the only resource of `type` in `template`. */
function onlyResource(
  template: Template,
  type: string,
): { Properties: Record<string, unknown> } & Record<string, unknown> {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  return resources[0] as { Properties: Record<string, unknown> } & Record<string, unknown>;
}

function statementsOf(template: Template): PolicyStatement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: PolicyStatement[] } } }).Properties
        .PolicyDocument.Statement,
  );
}

function actionsOf(statement: PolicyStatement): string[] {
  return typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
}

describe('the Loket app', () => {
  it('has the data, auth, API and figures stacks in Jakarta, and the edge (WAF) stack in us-east-1', () => {
    const stacks = app.node.children.filter(Stack.isStack);
    expect(stacks.map((stack) => stack.stackName).sort()).toEqual([
      'LoketApi',
      'LoketAuth',
      'LoketData',
      'LoketEdge',
      'LoketFigures',
    ]);
    expect(stacks.find((stack) => stack.stackName === 'LoketEdge')?.region).toBe('us-east-1');
    expect(data.region).toBe('ap-southeast-3');
    expect(auth.region).toBe('ap-southeast-3');
    expect(api.region).toBe('ap-southeast-3');
  });

  it('stays in Jakarta when the CDK CLI falls back to CDK_DEFAULT_REGION=us-east-1, unless told otherwise', () => {
    vi.stubEnv('CDK_DEFAULT_REGION', 'us-east-1');
    try {
      expect(buildLoketApp(loketApp(WITHOUT_BUNDLING)).data.region).toBe('ap-southeast-3');
      const elsewhere = buildLoketApp(
        loketApp({ ...WITHOUT_BUNDLING, [LOKET_CONTEXT.region]: 'ap-southeast-1' }),
      );
      expect(elsewhere.api.region).toBe('ap-southeast-1');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('rejects a malformed throttle context value instead of deploying defaults', () => {
    expect(() => buildLoketApp(loketApp({ [LOKET_CONTEXT.throttleBurstLimit]: '40O' }))).toThrow(
      /loket:throttleBurstLimit/,
    );
  });
});

describe('LoketData', () => {
  const table = onlyResource(dataTemplate, 'AWS::DynamoDB::Table');

  it('outputs the table name, for `npm run load -- --aws`', () => {
    const [logicalId] = Object.keys(dataTemplate.findResources('AWS::DynamoDB::Table'));
    dataTemplate.hasOutput('TableName', { Value: { Ref: logicalId } });
  });

  it('has the keys of TABLE_DEFINITION, all strings', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
    ]);
    const keyNames = [
      TABLE_DEFINITION.partitionKey,
      TABLE_DEFINITION.sortKey,
      ...TABLE_DEFINITION.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    expect(table.Properties.AttributeDefinitions).toEqual(
      keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    );
  });

  it('has exactly the GSIs of TABLE_DEFINITION, projecting all attributes', () => {
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      TABLE_DEFINITION.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('expires items on the TTL attribute of TABLE_DEFINITION', () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: TABLE_DEFINITION.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it('is on-demand, with point-in-time recovery, deletion protection and AWS-managed encryption', () => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    // SSEEnabled without a key id is the AWS-managed key aws/dynamodb.
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it('is retained when the stack is deleted or the table replaced', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('lets CloudFormation name the table', () => {
    expect(table.Properties.TableName).toBeUndefined();
  });
});

describe('LoketApi', () => {
  const fn = api.graphqlFunction;
  const fnLogicalId = api.getLogicalId(fn.node.defaultChild as CfnFunction);
  const fnResource = apiTemplate.toJSON().Resources[fnLogicalId] as { Properties: Record<string, unknown> };

  describe('the GraphQL function', () => {
    it('runs the handler on Node.js 24, arm64, 1024 MB, 10 s, without X-Ray', () => {
      expect(fnResource.Properties.TracingConfig).toBeUndefined();
      expect(fnResource.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 1024,
        Timeout: 10,
      });
    });

    it('gets the data stack table name in LOKET_TABLE, production mode and source maps', () => {
      const variables = (fnResource.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      // Resolved from the API stack, the table's name is the cross-stack reference CDK wrote in the template.
      expect(variables.LOKET_TABLE).toEqual(api.resolve(data.table.tableName));
      expect(JSON.stringify(variables.LOKET_TABLE)).toContain(data.stackName);
      expect(variables.NODE_ENV).toBe('production');
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
    });

    it("verifies tokens of the auth stack's user pool and app clients, from its environment", () => {
      const variables = (fnResource.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      // From the SSM parameters the auth stack writes (resolved at deploy time), not from an export.
      expect(JSON.stringify(variables.LOKET_USER_POOL_ID)).toContain('Ref');
      expect(JSON.stringify(variables.LOKET_USER_POOL_ID)).not.toContain(auth.stackName);
      expect(auth.apiClientIds).toHaveLength(1);
      expect(JSON.stringify(variables.LOKET_USER_POOL_CLIENT_IDS)).not.toContain('ImportValue');
      expect(variables).not.toHaveProperty('LOKET_AUTH_LOCAL_JWKS');
    });

    it('logs to a log group kept for a month', () => {
      const logGroupRef = (fnResource.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(apiTemplate.toJSON().Resources[logGroupRef]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 30 },
      });
    });

    it('is bundled as minified ESM with a require shim, external source maps and the AWS SDK inside', () => {
      // The asset is staged in the cloud assembly as asset.<hash>, and uploaded as <hash>.zip.
      const { S3Key } = fnResource.Properties.Code as { S3Key: string };
      const assetDir = join(app.synth().directory, `asset.${S3Key.replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
      // Assertions on derived values: a failure must not print a megabyte of bundle.
      expect(bundle.slice(0, 100)).toMatch(
        /^import \{ createRequire \} from 'module'; const require = createRequire\(import\.meta\.url\);/,
      );
      // Minified code has long lines; esbuild's readable output averages well under 100 characters.
      expect(bundle.length / bundle.split('\n').length).toBeGreaterThan(500);
      // The AWS SDK is inside (its DynamoDB JSON protocol target), and no import of it is left to the runtime.
      expect(bundle.includes('DynamoDB_20120810')).toBe(true);
      // (esbuild writes an external as `from"@aws-sdk/...` without spaces; the SDK's own messages have spaces.)
      expect(/(?:from|import)"@aws-sdk\//.test(bundle)).toBe(false);
      expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
      const sourceMap = JSON.parse(readFileSync(join(assetDir, 'index.mjs.map'), 'utf8')) as {
        sourcesContent?: unknown;
      };
      expect(sourceMap.sourcesContent).toBeUndefined();
    });

    it('runs: the bundle, aliases included, answers an API Gateway event in a plain Node process', () => {
      const { S3Key } = fnResource.Properties.Code as { S3Key: string };
      const bundle = join(app.synth().directory, `asset.${S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
      const script = `
        const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
        const result = await handler({
          version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '',
          headers: { 'content-type': 'application/json' },
          requestContext: { http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' },
            accountId: 't', apiId: 't', domainName: 't', domainPrefix: 't', requestId: 't', routeKey: 't', stage: '$default', time: '', timeEpoch: 0 },
          body: JSON.stringify({ query: '{ __typename me { role } }' }), isBase64Encoded: false,
        }, { awsRequestId: 't', getRemainingTimeInMillis: () => 1000 });
        process.stdout.write(result.body);
        process.exit(0);`;
      // No database is reachable: the query needs none, and the INIT warm-up must not fail the start.
      // The secret key comes from a key file here, as on a laptop (on AWS, from the stack's secret).
      const keyFile = join(mkdtempSync(join(tmpdir(), 'loket-bundle-key-')), 'loket-secret.key');
      writeFileSync(keyFile, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
      const run = (env: Record<string, string>) =>
        JSON.parse(
          execFileSync(process.execPath, ['--input-type=module', '-e', script], {
            env: {
              PATH: process.env.PATH,
              LOKET_TABLE: 'loket',
              LOKET_SECRET_KEY_FILE: keyFile,
              DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
              NODE_ENV: 'production',
              AWS_REGION: 'ap-southeast-3',
              POWERTOOLS_LOG_LEVEL: 'WARN',
              ...env,
            },
            encoding: 'utf8',
            timeout: 30_000,
          }),
        );
      // The query is not one of the front ends' operations: production refuses it (trusted documents)...
      expect(run({}).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // ...and answers it with the setting off.
      expect(run({ LOKET_TRUSTED_DOCUMENTS: '0' })).toEqual({
        data: { __typename: 'Query', me: { role: 'PUBLIC' } },
      });
    });
  });

  describe('table access', () => {
    const statements = statementsOf(apiTemplate);
    const dynamoStatements = statements.filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
    );

    it('grants exactly the API table actions on the table and each of its indexes, by name', () => {
      expect(dynamoStatements).toHaveLength(1);
      const [statement] = dynamoStatements;
      expect(statement?.Effect).toBe('Allow');
      expect(actionsOf(statement as PolicyStatement).sort()).toEqual(API_TABLE_ACTIONS);
      expect(statement?.Resource).toEqual([
        api.resolve(data.table.tableArn),
        ...TABLE_DEFINITION.globalSecondaryIndexes.map((index) =>
          api.resolve(`${data.table.tableArn}/index/${index.indexName}`),
        ),
      ]);
    });

    it('never grants Scan, a dynamodb wildcard or any other DynamoDB action, in either stack', () => {
      const allActions = [...statements, ...statementsOf(dataTemplate)].flatMap(actionsOf);
      expect(allActions).not.toContain('dynamodb:Scan');
      expect(allActions).not.toContain('*');
      for (const action of allActions.filter((action) => action.toLowerCase().startsWith('dynamodb:'))) {
        expect(action).not.toContain('*');
        expect(API_TABLE_ACTIONS).toContain(action);
      }
    });

    it('grants nothing on a "*" resource, in any of these stacks', () => {
      const wildcardActions = [...statements, ...statementsOf(authTemplate), ...statementsOf(dataTemplate)]
        .filter((statement) => JSON.stringify(statement.Resource).includes('*'))
        .flatMap(actionsOf);
      expect(wildcardActions).toEqual([]);
    });

    it('attaches no DynamoDB managed policy to the function role', () => {
      const roleLogicalId = api.getLogicalId(fn.role?.node.defaultChild as CfnRole);
      const role = apiTemplate.toJSON().Resources[roleLogicalId] as {
        Properties: { ManagedPolicyArns?: unknown };
      };
      expect(JSON.stringify(role.Properties.ManagedPolicyArns ?? [])).not.toMatch(/dynamo/i);
    });
  });

  describe('the HTTP API', () => {
    it('routes GET and POST /graphql, and nothing else, to the function with payload format 2.0', () => {
      const routeKeys = Object.values(apiTemplate.findResources('AWS::ApiGatewayV2::Route')).map(
        (route) => (route as { Properties: { RouteKey: string } }).Properties.RouteKey,
      );
      expect(routeKeys.sort()).toEqual(['GET /graphql', 'POST /graphql']);
      apiTemplate.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [fnLogicalId, 'Arn'] },
        PayloadFormatVersion: '2.0',
      });
    });

    it('answers CORS preflights for GET, POST and OPTIONS with the headers Apollo clients send', () => {
      apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: Match.objectLike({
          AllowMethods: Match.arrayWith(['GET', 'POST', 'OPTIONS']),
          AllowHeaders: Match.arrayWith(['content-type', 'authorization', 'apollo-require-preflight']),
        }),
      });
    });

    it('throttles the $default stage at 200 requests/s with bursts of 400, and logs access', () => {
      const stage = onlyResource(apiTemplate, 'AWS::ApiGatewayV2::Stage');
      expect(stage.Properties).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      });
      const accessLogs = stage.Properties.AccessLogSettings as {
        DestinationArn: { 'Fn::GetAtt': [string, string] };
      };
      const [logGroupId] = accessLogs.DestinationArn['Fn::GetAtt'];
      expect(apiTemplate.toJSON().Resources[logGroupId].Type).toBe('AWS::Logs::LogGroup');
    });

    it('outputs the GraphQL URL', () => {
      const outputs = Object.values(apiTemplate.findOutputs('GraphqlUrl'));
      expect(outputs).toHaveLength(1);
      expect(JSON.stringify(outputs[0])).toMatch(/execute-api.*\/graphql/);
    });
  });

  it('takes stage throttling from the context, as strings given with -c arrive', () => {
    const throttled = buildLoketApp(
      loketApp({
        ...WITHOUT_BUNDLING,
        [LOKET_CONTEXT.throttleRateLimit]: '50',
        [LOKET_CONTEXT.throttleBurstLimit]: 100,
      }),
    );
    Template.fromStack(throttled.api).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });
});
