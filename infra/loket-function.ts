import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  NodejsFunction,
  type NodejsFunctionProps,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** The repository's lock file: it pins the dependencies esbuild bundles, and its folder is the project root. */
const REPOSITORY_LOCK_FILE = fileURLToPath(new URL('../package-lock.json', import.meta.url));
const REPOSITORY_ROOT = dirname(REPOSITORY_LOCK_FILE);

/**
 * Modules the bundle takes from elsewhere (esbuild's `alias`), each to shorten cold starts:
 * - `@as-integrations/aws-lambda` is CommonJS and `require`s `@apollo/server`, which would pull Apollo
 *   Server's CommonJS build (and its CommonJS graphql-tools) beside the ESM build Loket imports: the
 *   ESM build serves both.
 * - Apollo hashes each query; with `node:crypto`, instead of sha.js in JavaScript (see the module).
 * - Usage reporting to Apollo GraphOS is never on (see the stub).
 * - lru-cache ships CommonJS and ESM builds; Apollo's key-value cache `require`s it while Apollo Server
 *   imports it, which bundled both (19 kB each): the ESM build serves both.
 * - On Lambda the AWS credentials are in the environment: the SDK's default chain (SSO, STS, files,
 *   instance metadata) is replaced by the environment's provider.
 * - graphql-armor imports `graphql/language/parser` without an extension, which resolves to graphql-js's
 *   CommonJS file and with it a second copy of the lexer, parser and AST beside the ESM build
 *   everything else uses. Its token limit, the only user, is off (graphql-js's own limit is used).
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@apollo/server': join(REPOSITORY_ROOT, 'node_modules/@apollo/server/dist/esm'),
  '@apollo/utils.createhash': join(REPOSITORY_ROOT, 'infra/bundle/apollo-createhash.mjs'),
  '@apollo/usage-reporting-protobuf': join(REPOSITORY_ROOT, 'infra/bundle/apollo-usage-reporting-stub.mjs'),
  '@apollo/utils.usagereporting': join(REPOSITORY_ROOT, 'infra/bundle/apollo-usage-reporting-stub.mjs'),
  '@aws-sdk/credential-provider-node': join(REPOSITORY_ROOT, 'infra/bundle/aws-lambda-credentials.mjs'),
  'graphql/language/parser': join(REPOSITORY_ROOT, 'node_modules/graphql/language/parser.mjs'),
  'lru-cache': join(REPOSITORY_ROOT, 'node_modules/lru-cache/dist/esm/node/index.min.js'),
};

/** The Lambda runtime of every Loket function; the esbuild target above names the same Node major. */
export const LOKET_RUNTIME = Runtime.NODEJS_24_X;

/**
 * esbuild options shared by every Loket function.
 *
 * The output is an ES module (the code base is ESM and top-level `await` is allowed in INIT), so the
 * banner gives CommonJS dependencies that call `require` for Node built-ins a working `require`.
 */
const DEFAULT_BUNDLING = {
  minify: true,
  format: OutputFormat.ESM,
  // The runtime's Node (see LOKET_RUNTIME): esbuild keeps what Node 24 runs natively as it is.
  target: 'node24',
  sourceMap: true,
  // The map only needs to point at file and line; embedding every source would double the asset.
  sourcesContent: false,
  // Prefer the ESM build of dual packages so esbuild can tree-shake them.
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  // Bundle the AWS SDK: the version that runs is the one package-lock.json pins and the tests ran against,
  // not whichever one the managed runtime ships that day. It also lets esbuild drop unused clients.
  bundleAwsSDK: true,
  externalModules: [],
  // Bundling must work where Docker is absent (here, CI): esbuild is a devDependency.
  forceDockerBundling: false,
  esbuildArgs: Object.fromEntries(
    Object.entries(BUNDLE_ALIASES).map(([module, path]) => [`--alias:${module}`, path]),
  ),
} as const satisfies BundlingOptions;

/**
 * Properties of a {@link LoketFunction}: those of `NodejsFunction`, with Loket's defaults.
 *
 * The runtime is fixed because the bundling target follows it. The deprecated `logRetention*` props are
 * replaced by `logRetentionDays`, which configures a log group owned by the stack.
 */
export interface LoketFunctionProps
  extends Omit<
    NodejsFunctionProps,
    'runtime' | 'logRetention' | 'logRetentionRole' | 'logRetentionRetryOptions'
  > {
  /**
   * Path to the TypeScript entry file. Required: Loket does not derive entries from construct ids.
   */
  readonly entry: string;

  /**
   * Instruction set of the function. Graviton costs less per GB-second and starts at least as fast.
   *
   * @default Architecture.ARM_64
   */
  readonly architecture?: Architecture;

  /**
   * Memory, in MB. Lambda allocates CPU in proportion, and a GraphQL request is CPU-bound (parse, validate,
   * execute), so more memory means lower latency.
   *
   * @default 1024
   */
  readonly memorySize?: number;

  /**
   * Maximum run time of one invocation. Well under API Gateway's 30 s integration timeout, so a stuck
   * invocation fails as a Lambda timeout that is logged, not as a gateway 503.
   *
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;

  /**
   * X-Ray tracing mode. Off: nothing in Loket is instrumented for X-Ray (Powertools Tracer would add its
   * X-Ray SDK to every cold start, see docs/performance.md); the request ids in every log line and the
   * access log tie a request together instead.
   *
   * @default Tracing.DISABLED
   */
  readonly tracing?: Tracing;

  /**
   * esbuild options, merged over Loket's defaults (minified ESM for node24 with source maps, the AWS SDK
   * bundled, local esbuild rather than Docker).
   *
   * @default - Loket's defaults, see `DEFAULT_BUNDLING`
   */
  readonly bundling?: BundlingOptions;

  /**
   * How long the function's logs are kept. Ignored when `logGroup` is given.
   *
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetentionDays?: RetentionDays;

  /**
   * Path to the lock file that pins the bundled dependencies; its folder is the project root.
   *
   * @default - the repository's package-lock.json, found from this file rather than from the working
   * directory, so that synth and tests bundle the same code wherever they are started
   */
  readonly depsLockFilePath?: string;
}

/**
 * A Node.js Lambda function with Loket's defaults baked in: Node.js 24 on arm64, 1024 MB, 10 s, no X-Ray,
 * source-mapped stack traces, a log group with a retention period that only this function may write to,
 * and an ESM bundle built by local esbuild that includes the AWS SDK.
 *
 * @example
 * new LoketFunction(this, 'Api', { entry: fileURLToPath(new URL('../src/app/lambda.ts', import.meta.url)) });
 */
export class LoketFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: LoketFunctionProps) {
    const { logRetentionDays, ...functionProps } = props;
    const logGroup =
      props.logGroup ??
      new LogGroup(scope, `${id}LogGroup`, { retention: logRetentionDays ?? RetentionDays.ONE_MONTH });
    // Not CDK's default role with AWSLambdaBasicExecutionRole, which may write to every log group of the
    // account: this one may write log streams of the function's own log group only (the group exists, so
    // no CreateLogGroup either).
    const role =
      props.role ??
      new Role(scope, `${id}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `Execution role of ${id}: its own log group, plus what its stack grants`,
      });
    if (props.role === undefined) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupRef.logGroupArn],
        }),
      );
    }

    super(scope, id, {
      ...functionProps,
      runtime: LOKET_RUNTIME,
      role,
      architecture: props.architecture ?? Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: props.tracing ?? Tracing.DISABLED,
      logGroup,
      depsLockFilePath: props.depsLockFilePath ?? REPOSITORY_LOCK_FILE,
      bundling: { ...DEFAULT_BUNDLING, ...props.bundling },
      environment: {
        // Without it, stack traces point into the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
    this.acknowledgeNagFindings(props);
  }

  /**
   * Acknowledges the cdk-nag AwsSolutions findings that follow from Loket's defaults, each on the construct
   * that causes it. Findings of what a stack adds to a function (grants) are acknowledged by that stack.
   */
  private acknowledgeNagFindings(props: LoketFunctionProps): void {
    const defaultPolicy = this.role?.node.tryFindChild('DefaultPolicy');
    if (props.tracing === Tracing.ACTIVE && defaultPolicy !== undefined) {
      Validations.of(defaultPolicy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level ' +
          'permissions, so they are granted on "*". The infra tests check that no other statement has a ' +
          'wildcard resource.',
      });
    }
  }
}
