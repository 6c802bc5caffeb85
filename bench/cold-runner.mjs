/**
 * One cold start, in a fresh Node process: what the Lambda runtime does in INIT and the first invoke.
 * Imports the bundle given as argv[2], hands its `handler` the API Gateway v2 event of BENCH_EVENT, and
 * prints one line `BENCH_RESULT <json>` of timings (ms; performance.now() counts from this process's start).
 *
 * Plain JavaScript on purpose: no TypeScript loader may run in the measured process.
 */
import { pathToFileURL } from 'node:url';

const bundle = process.argv[2];
if (!bundle) throw new Error('usage: node cold-runner.mjs <bundle.mjs>');
const event = JSON.parse(process.env.BENCH_EVENT ?? '{}');
const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:bench',
  memoryLimitInMB: '1024',
  awsRequestId: 'bench-cold-start',
  logGroupName: 'bench',
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

const beforeImport = performance.now();
const module = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const result = await module.handler(event, context, () => undefined);
const answered = performance.now();
// CPU time of the process up to the answer: unlike the clock, it does not count waiting for a busy CPU.
const cpu = process.cpuUsage();

let errors = null;
try {
  errors = JSON.parse(result.body ?? '{}').errors ?? null;
} catch {
  errors = [{ message: 'the body is not JSON' }];
}
process.stdout.write(
  `BENCH_RESULT ${JSON.stringify({
    status: result.statusCode ?? 200,
    errors,
    bodyBytes: Buffer.byteLength(result.body ?? ''),
    processStartMs: beforeImport,
    importMs: imported - beforeImport,
    firstInvokeMs: answered - imported,
    loadToAnswerMs: answered - beforeImport,
    processToAnswerMs: answered,
    cpuToAnswerMs: (cpu.user + cpu.system) / 1000,
  })}\n`,
);
// As on Lambda, the instance would stay alive; here the measurement is done.
process.exit(0);
