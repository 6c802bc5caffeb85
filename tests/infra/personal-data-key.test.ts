/**
 * The KMS key of envelope encryption (docs/domain-rules.md, 'Complaint desk'): rotated, kept when the
 * stack goes, named to the function, and granted only what the data key needs.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildLoketApp } from '../../infra/build-loket-app.js';
import { loketApp, WITHOUT_BUNDLING } from './loket-app.js';

const { api } = buildLoketApp(loketApp(WITHOUT_BUNDLING));
const template = Template.fromStack(api);
const keys = template.findResources('AWS::KMS::Key', {
  Properties: { Description: Match.stringLikeRegexp('seals personal data') },
});
const keyId = Object.keys(keys)[0] as string;

describe('the personal-data KMS key', () => {
  it('is one rotated key, retained with the data it protects', () => {
    expect(Object.keys(keys)).toHaveLength(1);
    expect(keys[keyId]).toMatchObject({
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('is given to the GraphQL function, which may make and unwrap data keys and nothing more', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ LOKET_KMS_KEY_ID: { 'Fn::GetAtt': [keyId, 'Arn'] } }) },
    });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } })
          .Properties.PolicyDocument.Statement,
    );
    const onKey = statements.filter((s) => JSON.stringify(s.Resource).includes(keyId));
    expect(onKey.flatMap((s) => [s.Action].flat()).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  });
});
