/**
 * The AWS Lambda entry point. Clients and the server are built once per
 * instance, at module scope (INIT), not per request.
 */

import { createServices } from './composition.js';
import { configFromEnv } from './config.js';
import { createLambdaHandler } from './handler.js';

const config = configFromEnv();
const services = createServices(config);

export const handler = createLambdaHandler(services, config);

// Awaited at the top level, so that INIT ends with them done: Lambda freezes an instance once INIT
// returns, until its first invoke, so a promise left running would not get far.
//  - The secret key: a failure here is retried by the first request, which then reports it.
//  - The DynamoDB connection (and the SDK's first-request code), only where Lambda prepares the instance
//    ahead of traffic: provisioned concurrency. An on-demand cold start runs INIT while its request waits,
//    and that request opens the connection itself; a warm-up would add a round trip (about 10 ms here,
//    docs/performance.md). Bounded, and it never throws.
await Promise.all([
  services.secrets().catch(() => undefined),
  config.warmUpAtInit ? services.warmUp() : undefined,
]);
