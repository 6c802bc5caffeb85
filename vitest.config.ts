import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * One project per way a test runs; the folder says which:
 * unit (no I/O), integration (DynamoDB Local), infra (CDK assertions),
 * e2e (HTTP against the started local server).
 */
export default defineConfig({
  resolve: {
    // One graphql-js, as in Node and in the bundle: Vite would give Loket's code graphql's ESM build
    // (its `module` field) while Apollo Server and graphql-tools, loaded by Node, get the CommonJS one, and
    // graphql-js refuses types and errors of the other copy ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Request logs are asserted on where it matters (personal data); elsewhere they are noise.
    env: { POWERTOOLS_LOG_LEVEL: 'WARN' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      { extends: true, test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 120_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
