/**
 * Sends GraphQL operations through the real Lambda handler as API Gateway
 * HTTP API v2 events, exactly as AWS would.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { LoketHandler } from '../../src/app/handler.js';
import { localLambdaContext } from '../../src/local/local-event.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string } & Record<string, unknown>;
  }[];
}

/** What varies between the requests tests send; every field has the plain JSON POST's value by default. */
export interface HttpEventOptions {
  /** @default 'POST' */
  method?: string;
  body?: string | undefined;
  /** @default 'application/json'; null sends none */
  contentType?: string | null;
  headers?: Record<string, string>;
  /** Query-string parameters (GET requests). */
  query?: Record<string, string>;
  /** @default '127.0.0.1' */
  sourceIp?: string;
  isBase64Encoded?: boolean;
  /** API Gateway's request id. @default a fresh UUID, as each request has its own */
  requestId?: string;
}

/** The API Gateway HTTP API (payload v2) event of a request to /graphql. */
export function httpEvent(options: HttpEventOptions = {}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  return {
    version: '2.0',
    routeKey: `${method} /graphql`,
    rawPath: '/graphql',
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    ...(options.query ? { queryStringParameters: options.query } : {}),
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...options.headers },
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: options.sourceIp ?? '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: options.requestId ?? randomUUID(),
      routeKey: `${method} /graphql`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}

/** One POST /graphql through the handler. */
export async function execute<T = Record<string, unknown>>(
  handler: LoketHandler,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
  sourceIp?: string,
): Promise<GraphQLResponse<T>> {
  const event = httpEvent({
    body: JSON.stringify({ query, variables }),
    headers,
    ...(sourceIp ? { sourceIp } : {}),
  });
  const result = await handler(event, localLambdaContext('test'));
  const parsed = JSON.parse(result.body ?? '{}') as GraphQLResponse<T>;
  return { ...parsed, status: result.statusCode ?? 200 };
}
