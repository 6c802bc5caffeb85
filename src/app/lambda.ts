/**
 * The AWS Lambda entry point. Clients and the server are built once per
 * instance, at module scope (INIT), not per request.
 */

import { createServices } from './composition.js';
import { configFromEnv } from './config.js';
import { createLambdaHandler } from './handler.js';

const config = configFromEnv();

export const handler = createLambdaHandler(createServices(config), config);
