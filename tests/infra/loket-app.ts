/**
 * Apps for the infra tests: the same builder and cdk.json context as `cdk synth`, each in a temporary
 * cloud assembly folder that is removed after the test file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll } from 'vitest';

interface CdkJson {
  readonly context: Record<string, unknown>;
}

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as CdkJson;

/** Cloud assemblies of this file's apps, removed after the tests: each holds a bundle of a few MB. */
const outdirs: string[] = [];
afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

/** A fresh app with cdk.json's context, as the CLI would give it, plus `context`. */
export function loketApp(context: Record<string, unknown> = {}): App {
  const outdir = mkdtempSync(join(tmpdir(), 'loket-infra-test-'));
  outdirs.push(outdir);
  return new App({ outdir, context: { ...cdkJson.context, ...context } });
}

/** Context for apps that only check configuration: the bundle is checked once, on the main app. */
export const WITHOUT_BUNDLING = { 'aws:cdk:bundling-stacks': [] } as const;
