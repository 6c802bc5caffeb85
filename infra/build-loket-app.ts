import { type App, Duration, type Environment, Validations } from 'aws-cdk-lib';
import type { ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiEdge } from './api-edge.js';
import { ApiStack } from './api-stack.js';
import { AuthStack, authParameterNames } from './auth-stack.js';
import { DataStack } from './data-stack.js';
import { EdgeStack } from './edge-stack.js';
import { FiguresStack } from './figures-stack.js';
import { LoketMonitoring } from './monitoring.js';
import { LOKET_STAGES, makeDisposable } from './stage.js';

/** The region of the edge stack: AWS WAF web ACLs for CloudFront exist only there. */
const EDGE_REGION = 'us-east-1';

/** Region when neither the `loket:region` context nor CDK_DEFAULT_REGION says: Jakarta, near the users. */
const DEFAULT_REGION = 'ap-southeast-3';

/**
 * Context keys that configure a deployment, e.g. `cdk deploy -c loket:stackPrefix=LoketStaging`. Values given with `-c`
 * arrive as strings, values from cdk.json as JSON.
 */
export const LOKET_CONTEXT = {
  /** Prefix of the stack names: `<prefix>Data`, `<prefix>Auth` and `<prefix>Api`. Default `Loket`. */
  stackPrefix: 'loket:stackPrefix',
  /** AWS account. Default CDK_DEFAULT_ACCOUNT, else none: the stacks are account-agnostic. */
  account: 'loket:account',
  /**
   * AWS region. cdk.json pins it to ap-southeast-3: the CDK CLI sets CDK_DEFAULT_REGION to us-east-1 when the
   * deployer has no region configured, and the table must not land wherever a profile happens to point.
   * Without this key: CDK_DEFAULT_REGION, else ap-southeast-3.
   */
  region: 'loket:region',
  /** Steady-state requests per second of the API stage. Default: ApiStack's. */
  throttleRateLimit: 'loket:throttleRateLimit',
  /** Burst of requests of the API stage. Default: ApiStack's. */
  throttleBurstLimit: 'loket:throttleBurstLimit',
  /**
   * Prefix of the Cognito domain (`<prefix>.auth.<region>.amazoncognito.com`), unique per region across AWS.
   * Default `<stack prefix in lowercase>-auth`, i.e. `loket-auth`.
   */
  authDomainPrefix: 'loket:authDomainPrefix',
  /**
   * `prod` (default): the table and the user pool are retained when their stack is deleted and protected
   * from deletion. `dev`: everything is deleted with its stack, for throw-away deployments.
   */
  stage: 'loket:stage',
  /** Concurrent executions reserved for the GraphQL function. Default: ApiStack's (50). */
  reservedConcurrency: 'loket:reservedConcurrency',
  /** Requests per client IP per 5 minutes before the WAF blocks it. Default: EdgeStack's (3000). */
  wafRateLimit: 'loket:wafRateLimit',
  /** An email address subscribed to the alarms topic. Default: none. */
  alarmEmail: 'loket:alarmEmail',
} as const;

/** A Cognito domain prefix: lowercase letters, digits and inner hyphens, 1 to 63 characters. */
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The stacks of one Loket deployment. */
export interface LoketStacks {
  /** The table. */
  readonly data: DataStack;
  /** The Cognito user pool. */
  readonly auth: AuthStack;
  /** The GraphQL API. */
  readonly api: ApiStack;
  /** The figures' stream consumer. */
  readonly figures: FiguresStack;
  /** The AWS WAF web ACL of the API's distribution, in us-east-1. */
  readonly edge: EdgeStack;
  /** CloudFront in front of the API, in the API stack. */
  readonly apiEdge: ApiEdge;
  /** The alarms, their topic and the dashboard, in the API stack. */
  readonly monitoring: LoketMonitoring;
}

/**
 * Adds Loket's stacks to `app`, configured from the app's context and the CDK CLI's environment variables.
 * `infra/app.ts` calls it for `cdk synth` and `cdk deploy`, and the infra tests call it, so the tests
 * check what is deployed.
 *
 * It also registers cdk-nag's AwsSolutions pack as a validation plugin: a synth (hence a deploy) with any
 * unacknowledged finding, error or warning, fails. Findings are acknowledged one by one, next to the
 * resource, with the reason.
 *
 * Throws when a context value is malformed, so that a typo fails the synth instead of deploying defaults.
 */
export function buildLoketApp(app: App): LoketStacks {
  const prefix = stringContext(app, LOKET_CONTEXT.stackPrefix) ?? 'Loket';
  const env: Environment = {
    account: stringContext(app, LOKET_CONTEXT.account) ?? process.env.CDK_DEFAULT_ACCOUNT,
    region: stringContext(app, LOKET_CONTEXT.region) ?? process.env.CDK_DEFAULT_REGION ?? DEFAULT_REGION,
  };

  const data = new DataStack(app, `${prefix}Data`, {
    env,
    description: 'Loket: DynamoDB table (stateful, retained)',
  });

  const domainPrefix = stringContext(app, LOKET_CONTEXT.authDomainPrefix) ?? `${prefix.toLowerCase()}-auth`;
  if (!DOMAIN_PREFIX.test(domainPrefix) || /aws|amazon|cognito/.test(domainPrefix)) {
    throw new Error(
      `Context ${LOKET_CONTEXT.authDomainPrefix} must be lowercase letters, digits and hyphens without ` +
        `aws, amazon or cognito, got ${JSON.stringify(domainPrefix)}`,
    );
  }
  const authParameters = authParameterNames(prefix);
  const auth = new AuthStack(app, `${prefix}Auth`, {
    env,
    description: 'Loket: Cognito user pool of staff (stateful, retained)',
    domainPrefix,
    parameterNames: authParameters,
  });

  const throttle: ThrottleSettings = {
    rateLimit: positiveNumberContext(app, LOKET_CONTEXT.throttleRateLimit),
    burstLimit: positiveNumberContext(app, LOKET_CONTEXT.throttleBurstLimit, { integer: true }),
  };
  const api = new ApiStack(app, `${prefix}Api`, {
    env,
    description: 'Loket: GraphQL API (Lambda + HTTP API)',
    table: data.table,
    auth: authParameters,
    throttle,
    reservedConcurrency: positiveNumberContext(app, LOKET_CONTEXT.reservedConcurrency, { integer: true }),
  });
  // The API reads the auth stack's parameters when it deploys: the order is explicit, as no reference implies it.
  api.addDependency(auth);

  const figures = new FiguresStack(app, `${prefix}Figures`, {
    env,
    description: 'Loket: figures rollup kept from the table stream (Lambda + SQS dead-letter queue)',
    table: data.table,
  });

  const edge = new EdgeStack(app, `${prefix}Edge`, {
    env: { account: env.account, region: EDGE_REGION },
    description: 'Loket: AWS WAF web ACL of the API distribution (CloudFront scope, us-east-1)',
    rateLimitPerIp: positiveNumberContext(app, LOKET_CONTEXT.wafRateLimit, { integer: true }),
  });
  // The ARN is read from the edge stack's output in us-east-1 (a weak reference, which also orders the
  // deployment): no export to pin it.
  const apiEdge = new ApiEdge(api, 'Edge', {
    httpApi: api.httpApi,
    graphqlFunction: api.graphqlFunction,
    webAclArn: edge.webAcl.attrArn,
  });

  const monitoring = new LoketMonitoring(api, 'Monitoring', {
    graphqlFunction: api.graphqlFunction,
    graphqlTimeout: api.graphqlFunction.timeout ?? Duration.seconds(10),
    stage: api.stage,
    table: data.table,
    alarmEmail: stringContext(app, LOKET_CONTEXT.alarmEmail),
  });
  monitoring.monitorStreamConsumer(figures.consumer, figures.deadLetters);

  const stage = stringContext(app, LOKET_CONTEXT.stage) ?? 'prod';
  if (!(LOKET_STAGES as readonly string[]).includes(stage)) {
    throw new Error(
      `Context ${LOKET_CONTEXT.stage} must be one of ${LOKET_STAGES.join(', ')}, got ${JSON.stringify(stage)}`,
    );
  }
  if (stage === 'dev') makeDisposable(app);

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  return { data, auth, api, figures, edge, apiEdge, monitoring };
}

function stringContext(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`Context ${key} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

function positiveNumberContext(app: App, key: string, { integer = false } = {}): number | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !(number > 0) || !Number.isFinite(number)) {
    throw new Error(`Context ${key} must be a positive number, got ${JSON.stringify(value)}`);
  }
  if (integer && !Number.isInteger(number)) {
    throw new Error(`Context ${key} must be an integer, got ${JSON.stringify(value)}`);
  }
  return number;
}
