/**
 * CDK assertions on LoketAuth, the Cognito user pool of staff: no machine (kiosk, partner) has anything in
 * it, and it hands the API its pool and client through SSM parameters, not exports.
 */
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { buildLoketApp, LOKET_CONTEXT } from '../../infra/build-loket-app.js';
import { loketApp, WITHOUT_BUNDLING } from './loket-app.js';

type Resource = { Properties: Record<string, unknown> } & Record<string, unknown>;

function resourcesOf(template: Template, type: string): Resource[] {
  return Object.values(template.findResources(type)) as Resource[];
}

function onlyResource(template: Template, type: string): Resource {
  const resources = resourcesOf(template, type);
  expect(resources).toHaveLength(1);
  return resources[0] as Resource;
}

const defaults = buildLoketApp(loketApp(WITHOUT_BUNDLING));
const template = Template.fromStack(defaults.auth);

const apiTemplate = Template.fromStack(defaults.api);

describe('the user pool', () => {
  const pool = onlyResource(template, 'AWS::Cognito::UserPool');

  it('lets only administrators create accounts, signed in by email', () => {
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('requires strong passwords and an authenticator app (TOTP) for everyone', () => {
    expect(pool.Properties.Policies).toEqual({
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 3,
        PasswordHistorySize: 5,
      },
    });
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('is on the Essentials plan, which access-token customization needs', () => {
    expect(pool.Properties.UserPoolTier).toBe('ESSENTIALS');
  });

  it('is protected from deletion and retained with the stack', () => {
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.UpdateReplacePolicy).toBe('Retain');
  });

  it('has the mutable custom attributes mallId and agencyId', () => {
    const schema = pool.Properties.Schema as { Name: string }[];
    expect(schema.filter((attribute) => ['mallId', 'agencyId'].includes(attribute.Name))).toEqual([
      {
        Name: 'mallId',
        AttributeDataType: 'String',
        Mutable: true,
        StringAttributeConstraints: { MinLength: '1', MaxLength: '60' },
      },
      {
        Name: 'agencyId',
        AttributeDataType: 'String',
        Mutable: true,
        StringAttributeConstraints: { MinLength: '3', MaxLength: '121' },
      },
    ]);
  });

  it('runs the pre-token-generation trigger, event version V2_0, which Cognito may invoke', () => {
    const fn = defaults.auth.preTokenGenerationFunction;
    const fnLogicalId = defaults.auth.getLogicalId(fn.node.defaultChild as CfnFunction);
    expect(pool.Properties.LambdaConfig).toEqual({
      PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [fnLogicalId, 'Arn'] }, LambdaVersion: 'V2_0' },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 5,
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnLogicalId, 'Arn'] },
    });
  });

  it('has the groups ADMIN and OFFICER', () => {
    const groups = resourcesOf(template, 'AWS::Cognito::UserPoolGroup').map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['ADMIN', 'OFFICER']);
  });

  it('serves the token endpoint on the Cognito domain loket-auth, or the one the context names', () => {
    expect(onlyResource(template, 'AWS::Cognito::UserPoolDomain').Properties.Domain).toBe('loket-auth');
    expect(JSON.stringify(template.findOutputs('TokenEndpoint'))).toContain('/oauth2/token');
    const named = buildLoketApp(
      loketApp({ ...WITHOUT_BUNDLING, [LOKET_CONTEXT.authDomainPrefix]: 'mpp-auth' }),
    );
    Template.fromStack(named.auth).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'mpp-auth',
    });
    const staging = buildLoketApp(
      loketApp({ ...WITHOUT_BUNDLING, [LOKET_CONTEXT.stackPrefix]: 'LoketStaging' }),
    );
    Template.fromStack(staging.auth).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'loketstaging-auth',
    });
  });
});

describe('the console app client', () => {
  const client = onlyResource(template, 'AWS::Cognito::UserPoolClient');

  it('has no secret and signs in with SRP or choice-based auth, without OAuth', () => {
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: false,
    });
    expect((client.Properties.ExplicitAuthFlows as string[]).sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
    expect(client.Properties.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('cannot write the mall or agency of its user, only read them', () => {
    expect(client.Properties.WriteAttributes).toEqual(['name']);
    expect(client.Properties.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:mallId', 'custom:agencyId']),
    );
  });

  it('is the only client: no machine client, resource server or OAuth scope lives in the pool', () => {
    expect(resourcesOf(template, 'AWS::Cognito::UserPoolClient')).toHaveLength(1);
    expect(resourcesOf(template, 'AWS::Cognito::UserPoolResourceServer')).toHaveLength(0);
    expect(defaults.auth.apiClientIds).toHaveLength(1);
  });
});

describe('the hand-over to the API stack', () => {
  it('goes through SSM parameters read at deploy time: the stacks share no export', () => {
    const parameters = resourcesOf(template, 'AWS::SSM::Parameter').map((p) => p.Properties.Name);
    expect(parameters.sort()).toEqual(['/Loket/auth/api-client-ids', '/Loket/auth/user-pool-id']);
    expect(Object.keys(template.toJSON().Outputs ?? {}).filter((k) => k.startsWith('ExportsOutput'))).toEqual(
      [],
    );
    const fnLogicalId = defaults.api.getLogicalId(
      defaults.api.graphqlFunction.node.defaultChild as CfnFunction,
    );
    const variables = (
      apiTemplate.toJSON().Resources[fnLogicalId].Properties.Environment as {
        Variables: Record<string, unknown>;
      }
    ).Variables;
    expect(JSON.stringify(variables.LOKET_USER_POOL_ID)).not.toContain('Fn::ImportValue');
    expect(JSON.stringify(variables.LOKET_USER_POOL_CLIENT_IDS)).not.toContain('Fn::ImportValue');
    const parameterTypes = Object.values(apiTemplate.toJSON().Parameters ?? {}).map(
      (p) => (p as { Type: string; Default?: string }).Default,
    );
    expect(parameterTypes).toEqual(
      expect.arrayContaining(['/Loket/auth/user-pool-id', '/Loket/auth/api-client-ids']),
    );
    expect(defaults.api.dependencies).toContain(defaults.auth);
  });
});

it('refuses a Cognito domain prefix that Cognito would refuse', () => {
  for (const prefix of ['Loket', 'my-aws-auth', '-loket', 'loket_auth']) {
    expect(() =>
      buildLoketApp(loketApp({ ...WITHOUT_BUNDLING, [LOKET_CONTEXT.authDomainPrefix]: prefix })),
    ).toThrow(/loket:authDomainPrefix/);
  }
});
