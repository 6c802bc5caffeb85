/**
 * The DynamoDB clients, built once per Lambda instance, and the request
 * counter that tests and the benchmark read.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { WARM_UP_KEY } from './keys.js';

/** Counts the DynamoDB requests a client sends, by command name. */
export class RequestCounter {
  private counts = new Map<string, number>();

  record(command: string): void {
    this.counts.set(command, (this.counts.get(command) ?? 0) + 1);
  }

  /** Total requests since the last reset. */
  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** Requests by command name, e.g. `{ QueryCommand: 1 }`. */
  byCommand(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}

/** How to reach DynamoDB. */
export interface DynamoOptions {
  /** A local endpoint (DynamoDB Local); unset on AWS. */
  endpoint?: string | undefined;
  region?: string | undefined;
  /** When given, every request the client sends is counted here. */
  counter?: RequestCounter | undefined;
}

/** A document client that marshals plain objects, dropping `undefined` attributes. */
export function createDocumentClient(options: DynamoOptions = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'ap-southeast-3',
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          // DynamoDB Local accepts any credentials; fixed ones keep one shared database.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  const counter = options.counter;
  if (counter) {
    // The finalizeRequest step runs once per HTTP request, retries included.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        counter.record(String(context.commandName ?? 'unknown'));
        return next(args);
      },
      { step: 'finalizeRequest', name: 'loketRequestCounter' },
    );
  }
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** The longest a warm-up may hold a Lambda's INIT; a healthy GetItem takes a few ms. */
export const WARM_UP_TIMEOUT_MS = 1_000;

/**
 * Opens the connection to DynamoDB and runs the SDK's first-request code
 * (endpoint rules, signing, the HTTP agent) with one GetItem of a key that
 * never exists, so that a Lambda's INIT pays for them instead of its first
 * request. Gives up after `WARM_UP_TIMEOUT_MS`; never throws.
 */
export async function warmUpConnection(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  try {
    await client.send(new GetCommand({ TableName: tableName, Key: WARM_UP_KEY }), {
      abortSignal: AbortSignal.timeout(WARM_UP_TIMEOUT_MS),
    });
  } catch {
    // A cold start must not fail on its warm-up; the first real request reports any problem.
  }
}
