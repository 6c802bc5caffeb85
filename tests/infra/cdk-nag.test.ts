/**
 * cdk-nag's AwsSolutions pack on the stacks `cdk deploy` would deploy: no finding (error or warning) is
 * left unacknowledged, each acknowledgement names one finding and says why, and none is stale.
 */
import { Validations } from 'aws-cdk-lib';
import { CfnUserPool } from 'aws-cdk-lib/aws-cognito';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it, vi } from 'vitest';
import { buildLoketApp, LOKET_CONTEXT } from '../../infra/build-loket-app.js';
import { loketApp, WITHOUT_BUNDLING } from './loket-app.js';

interface Finding {
  readonly rule: string;
  readonly path: string;
  readonly severity: string | undefined;
}

/** The findings of the pack on `scope`, one per rule and resource. */
function findingsOf(scope: IConstruct): Finding[] {
  return new AwsSolutionsChecks().validateScope(scope).violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      rule: violation.ruleName,
      path: resource.constructPath ?? '',
      severity: violation.severity,
    })),
  );
}

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/**
 * Builds the app with `Validations.of(...)` recording acknowledgements instead of applying them (and
 * registering no plugin), so the raw findings can be compared with what the code acknowledges.
 */
function buildRecordingAcknowledgements(): { findings: Finding[]; acknowledgements: Acknowledgement[] } {
  const acknowledgements: Acknowledgement[] = [];
  const spy = vi.spyOn(Validations, 'of').mockImplementation(
    (scope: IConstruct) =>
      ({
        acknowledge: (...rules: { id: string; reason: string }[]) => {
          for (const { id, reason } of rules) acknowledgements.push({ path: scope.node.path, id, reason });
        },
        addPlugins: () => undefined,
      }) as unknown as Validations,
  );
  let rawApp: ReturnType<typeof loketApp>;
  try {
    rawApp = loketApp(WITHOUT_BUNDLING);
    buildLoketApp(rawApp);
  } finally {
    spy.mockRestore();
  }
  rawApp.synth();
  return { findings: findingsOf(rawApp), acknowledgements };
}

describe('cdk-nag AwsSolutions', () => {
  // Machine clients (kiosks, partners) are data: no context adds a resource per partner to check.
  it.each([
    ['the default app', {}],
    ['an app with another stack prefix', { [LOKET_CONTEXT.stackPrefix]: 'LoketStaging' }],
  ])('leaves no finding unacknowledged in %s', (_name, context) => {
    const app = loketApp({ ...WITHOUT_BUNDLING, ...context });
    buildLoketApp(app);
    // The pack is registered on the app: synth itself fails on a finding.
    app.synth();
    // Checked again after synth, when cross-stack references are in their final form.
    expect(findingsOf(app)).toEqual([]);
  });

  it('makes synth (hence deploy) fail on an unacknowledged finding', () => {
    const app = loketApp(WITHOUT_BUNDLING);
    const { auth } = buildLoketApp(app);
    // A user pool with none of the settings: no password policy, no MFA, Lite.
    new CfnUserPool(auth, 'CarelessPool', {});
    expect(() => app.synth()).toThrow(/AwsSolutions-COG1|AwsSolutions-COG2|AwsSolutions-COG8/);
  });

  describe('acknowledgements', () => {
    const { findings, acknowledgements } = buildRecordingAcknowledgements();

    it('exist only for findings the code really has: each matches a finding under its construct', () => {
      expect(acknowledgements.length).toBeGreaterThan(0);
      const stale = acknowledgements.filter(
        (ack) =>
          !findings.some(
            (finding) =>
              finding.rule === ack.id &&
              (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`)),
          ),
      );
      expect(stale).toEqual([]);
    });

    it('cover every finding', () => {
      const uncovered = findings.filter(
        (finding) =>
          !acknowledgements.some(
            (ack) =>
              finding.rule === ack.id &&
              (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`)),
          ),
      );
      expect(uncovered).toEqual([]);
    });

    it('each name one rule (with its finding, where the rule has several) and give a reason', () => {
      for (const { id, reason } of acknowledgements) {
        expect(id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
        // A sentence that explains, not a placeholder.
        expect(reason.length, `reason of ${id}`).toBeGreaterThanOrEqual(80);
        expect(reason).not.toMatch(/TODO|TBD|suppress/i);
      }
    });

    it('are placed on the narrowest construct: never on an app or a whole stack', () => {
      for (const { path, id } of acknowledgements) {
        expect(path.split('/').length, `${id} on ${path}`).toBeGreaterThanOrEqual(2);
      }
    });

    it('are the ones reviewed', () => {
      // A new acknowledgement must be a decision: add it here with the review of its reason.
      const reviewed = [...new Set(acknowledgements.map(({ id, path }) => `${id} on ${path}`))].sort();
      expect(reviewed).toEqual([
        'AwsSolutions-APIG4 on LoketApi/HttpApi/GET--graphql',
        'AwsSolutions-APIG4 on LoketApi/HttpApi/POST--graphql',
        'AwsSolutions-CFR1 on LoketApi/Edge/Distribution',
        'AwsSolutions-CFR3 on LoketApi/Edge/Distribution',
        'AwsSolutions-CFR4 on LoketApi/Edge/Distribution',
        'AwsSolutions-COG8 on LoketAuth/UserPool',
        'AwsSolutions-SMG4 on LoketApi/Edge/OriginSecret',
        'AwsSolutions-SMG4 on LoketApi/SecretKey',
        'AwsSolutions-SQS3 on LoketFigures/DeadLetters',
      ]);
    });
  });
});
