import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ParamsAndSecretsLayerVersion, ParamsAndSecretsVersions } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { AUTH_ENV } from '../src/app/auth/authenticator.js';
import { METRICS_NAMESPACE } from '../src/app/metrics.js';
import { TABLE_DEFINITION } from '../src/dynamo/shared/table-definition.js';
import { LoketFunction } from './loket-function.js';

/** The Lambda handler of the GraphQL API: `handler`, exported by this file. */
const GRAPHQL_HANDLER_ENTRY = fileURLToPath(new URL('../src/app/lambda.ts', import.meta.url));

/**
 * Everything the API does to the table, and nothing more. Not `grantReadWriteData`: it adds `Scan`, which
 * no use case needs and which would let one bug read the whole table, plus stream reads and DescribeTable.
 *
 * The commands src/dynamo sends (Get, BatchGet, Query, Put, Update, Delete, TransactWrite) and the
 * ConditionCheck inside its transactions: IAM authorizes each operation of a transaction through the
 * underlying action, and TransactWriteItems is listed too, so the policy reads as the list of calls the
 * code makes. No BatchWriteItem or TransactGetItems: nothing sends them.
 */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:TransactWriteItems',
] as const;

/** Default throttling of the API's stage, for all routes together. */
const DEFAULT_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const satisfies ThrottleSettings;

/** Concurrent executions reserved for the GraphQL function unless the props say otherwise. */
export const DEFAULT_RESERVED_CONCURRENCY = 50;

/**
 * Where the API finds the Cognito user pool and app clients whose access tokens it verifies: SSM parameters
 * written by the auth stack and read at deploy time, so the stacks share no CloudFormation export.
 */
export interface ApiAuthProps {
  /** Name of the parameter that holds the user pool id. */
  readonly userPoolId: string;
  /** Name of the parameter that holds the comma-separated app client ids. */
  readonly clientIds: string;
}

/** Properties of the {@link ApiStack}. */
export interface ApiStackProps extends StackProps {
  /** Loket's single table, from the data stack. */
  readonly table: ITable;

  /** Whose access tokens the API accepts, from the auth stack. */
  readonly auth: ApiAuthProps;

  /**
   * Throttling of the default stage, in requests per second (steady rate) and requests (burst). Beyond it
   * clients get 429s before any Lambda is invoked, which caps the bill and protects the table.
   *
   * @default - rateLimit 200, burstLimit 400, each applying when its field is undefined
   */
  readonly throttle?: ThrottleSettings;

  /**
   * Throttling of each route, over the stage's: `GET /graphql` serves the read-only queries that hall
   * displays and kiosks poll, `POST /graphql` every mutation and the other queries.
   *
   * @default - POST as the stage; GET at half the stage's rate and burst
   */
  readonly routeThrottle?: Partial<Record<'GET /graphql' | 'POST /graphql', ThrottleSettings>>;

  /**
   * Concurrent executions reserved for (and capping) the GraphQL function: a flood can use no more, and
   * nothing else in the account can starve it. The account must keep 100 unreserved.
   *
   * @default 50
   */
  readonly reservedConcurrency?: number;

  /**
   * Origins allowed to call the API from a browser. The API authenticates with a bearer token, not
   * cookies, so any origin is safe by default.
   *
   * @default ['*']
   */
  readonly allowOrigins?: string[];

  /**
   * Path to the TypeScript entry of the GraphQL Lambda handler, which exports `handler`.
   *
   * @default - src/app/lambda.ts
   */
  readonly handlerEntry?: string;
}

/**
 * The stateless half of Loket: the GraphQL Lambda function behind an API Gateway HTTP API at `/graphql`.
 */
export class ApiStack extends Stack {
  /** The Lambda function that runs Apollo Server. */
  readonly graphqlFunction: LoketFunction;

  /** The HTTP API. */
  readonly httpApi: HttpApi;

  /** The API's `$default` stage, which serves it at the root of its URL. */
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    // The key of keyed hashes (NIK, codes) and sealed personal data: outside the table, so a copy of the
    // table alone reveals none of them. Stack-local: no other stack imports it.
    const secretKey = new Secret(this, 'SecretKey', {
      description: 'Loket: HMAC and sealing key (never rotate: stored hashes would no longer match)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(secretKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A static HMAC key by design: rotating it would orphan every stored NIK hash and booking code lookup. Re-keying is a migration, not a rotation.',
    });

    // The KMS key that wraps the data key sealing names, phones and NIKs (envelope encryption,
    // src/app/personal-data-key.ts). Kept when the stack goes: without it the sealed data cannot be read.
    const personalDataKey = new Key(this, 'PersonalDataKey', {
      description: 'Loket: wraps the data key that seals personal data (names, phones, NIKs)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.graphqlFunction = new LoketFunction(this, 'GraphqlFunction', {
      description: 'Loket GraphQL API (Apollo Server)',
      entry: props.handlerEntry ?? GRAPHQL_HANDLER_ENTRY,
      handler: 'handler',
      environment: {
        LOKET_TABLE: props.table.tableName,
        // Apollo Server's defaults (introspection, stack traces) and Node libraries follow it.
        NODE_ENV: 'production',
        // Tokens are verified in the function (see the APIG4 acknowledgement) against this pool's public
        // keys, which need no IAM permission.
        [AUTH_ENV.userPoolId]: StringParameter.valueForStringParameter(this, props.auth.userPoolId),
        [AUTH_ENV.userPoolClientIds]: StringParameter.valueForStringParameter(this, props.auth.clientIds),
        // Read once per instance at INIT through the Parameters and Secrets extension (no SDK client).
        LOKET_SECRET_ID: secretKey.secretArn,
        // Unwrapped once per instance (one KMS Decrypt on a cold start), then cached in memory.
        LOKET_KMS_KEY_ID: personalDataKey.keyArn,
        // Powertools: the metrics' namespace (src/app/metrics.ts), the service of every log line, the level.
        POWERTOOLS_SERVICE_NAME: 'loket',
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      reservedConcurrentExecutions: props.reservedConcurrency ?? DEFAULT_RESERVED_CONCURRENCY,
      paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103),
    });
    secretKey.grantRead(this.graphqlFunction);
    // Only what the data key needs: make it once, unwrap it on each cold start. No Encrypt, no key admin.
    personalDataKey.grant(this.graphqlFunction, 'kms:GenerateDataKey', 'kms:Decrypt');
    // Not Table.grant: it grants `<table ARN>/index/*`, a wildcard. The indexes are named instead, from the
    // definition the data stack creates them from.
    this.graphqlFunction.addToRolePolicy(
      new PolicyStatement({
        actions: [...TABLE_ACTIONS],
        resources: [
          props.table.tableArn,
          ...TABLE_DEFINITION.globalSecondaryIndexes.map(
            (index) => `${props.table.tableArn}/index/${index.indexName}`,
          ),
        ],
      }),
    );

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${this.stackName}-graphql`,
      description: 'Loket GraphQL API',
      // The default stage is created below, because HttpApi's own cannot be given throttling or access logs.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowOrigins ?? ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        // Apollo's CSRF prevention rejects a GET (or non-JSON POST) without apollo-require-preflight.
        allowHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
        maxAge: Duration.hours(2),
      },
    });

    // GET serves queries sent as URL parameters (cacheable); mutations are POST-only, which Apollo enforces.
    const routes = this.httpApi.addRoutes({
      path: '/graphql',
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration: new HttpLambdaIntegration('GraphqlIntegration', this.graphqlFunction, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
    });
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Authorization is per GraphQL operation: PUBLIC callers (kiosks, hall displays, citizens) use the ' +
          'same route without a token, so the route cannot require one. The function verifies the bearer ' +
          'token (Cognito access token, aws-jwt-verify) and refuses an invalid one before any resolver runs.',
      });
    }

    const accessLogGroup = new LogGroup(this, 'AccessLogGroup', { retention: RetentionDays.ONE_MONTH });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: {
        rateLimit: props.throttle?.rateLimit ?? DEFAULT_THROTTLE.rateLimit,
        burstLimit: props.throttle?.burstLimit ?? DEFAULT_THROTTLE.burstLimit,
      },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogGroup),
        // One JSON object per request, with HTTP API context variables (routeKey, not REST's resourcePath).
        format: AccessLogFormat.custom(
          JSON.stringify({
            // The correlation id of masked errors and the requestId of every log line of the function.
            requestId: '$context.requestId',
            // The Lambda invocation's request id (function_request_id in the function's log lines).
            integrationRequestId: '$context.integration.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    // Each route's own throttle, over the stage's (the L2 stage has no property for it). RouteSettings is
    // untyped in the L1, so its keys are written as CloudFormation spells them.
    const stageRate = props.throttle?.rateLimit ?? DEFAULT_THROTTLE.rateLimit;
    const stageBurst = props.throttle?.burstLimit ?? DEFAULT_THROTTLE.burstLimit;
    const routeThrottle = {
      'POST /graphql': { rateLimit: stageRate, burstLimit: stageBurst },
      'GET /graphql': { rateLimit: stageRate / 2, burstLimit: Math.ceil(stageBurst / 2) },
      ...props.routeThrottle,
    };
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      Object.entries(routeThrottle).map(([routeKey, throttle]) => [
        routeKey,
        { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit },
      ]),
    );
    // A route's settings name a route that must exist first.
    for (const route of routes) this.stage.node.addDependency(route);

    new CfnOutput(this, 'GraphqlUrl', {
      description: 'URL of the GraphQL endpoint',
      value: `${this.stage.url}graphql`,
    });
  }
}
