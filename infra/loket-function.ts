import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
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
  '@aws-sdk/credential-provider-node': join(REPOSITORY_ROOT, 'infra/bundle/aws-lambda-credentials.mjs'),
  'graphql/language/parser': join(REPOSITORY_ROOT, 'node_modules/graphql/language/parser.mjs'),
};

/**
 * esbuild options shared by every Loket function.
 *
 * The output is an ES module (the code base is ESM and top-level `await` is allowed in INIT), so the
 * banner gives CommonJS dependencies that call `require` for Node built-ins a working `require`.
 */
const DEFAULT_BUNDLING = {
  minify: true,
  format: OutputFormat.ESM,
  target: 'node22',
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
   * X-Ray tracing mode.
   *
   * @default Tracing.ACTIVE
   */
  readonly tracing?: Tracing;

  /**
   * esbuild options, merged over Loket's defaults (minified ESM for node22 with source maps, the AWS SDK
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
 * A Node.js Lambda function with Loket's defaults baked in: Node.js 22 on arm64, 1024 MB, 10 s, X-Ray
 * active, source-mapped stack traces, a log group with a retention period, and an ESM bundle built by
 * local esbuild that includes the AWS SDK.
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

    super(scope, id, {
      ...functionProps,
      runtime: Runtime.NODEJS_22_X,
      architecture: props.architecture ?? Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: props.tracing ?? Tracing.ACTIVE,
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
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 on purpose: the esbuild target is node22 and the dependencies are pinned to versions ' +
        'that support Node 20 and 22, several of whose next majors need newer Node. Node 22 is ' +
        'maintained until April 2027; move the runtime and the esbuild target together.',
    });
    if (props.role === undefined && this.role !== undefined) {
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's default execution role: AWSLambdaBasicExecutionRole only lets the function write its own " +
          'CloudWatch logs (CreateLogGroup, CreateLogStream, PutLogEvents), which every function needs.',
      });
    }
    const defaultPolicy = this.role?.node.tryFindChild('DefaultPolicy');
    if ((props.tracing ?? Tracing.ACTIVE) === Tracing.ACTIVE && defaultPolicy !== undefined) {
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
