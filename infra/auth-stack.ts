import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { PEOPLE_ROLES, USER_ATTRIBUTE } from '../src/app/auth/claims.js';
import { LoketFunction } from './loket-function.js';

/** The pre-token-generation trigger: `handler`, exported by this file. */
const PRE_TOKEN_GENERATION_ENTRY = fileURLToPath(
  new URL('../src/cognito-trigger/pre-token-generation.ts', import.meta.url),
);

/** What each staff group may do, shown in the Cognito console. */
const GROUP_DESCRIPTIONS: Record<(typeof PEOPLE_ROLES)[number], string> = {
  ADMIN: 'Mall administrator: everything within the mall of custom:mallId (custom:agencyId must be empty)',
  OFFICER: 'Counter officer: the queues and complaints of the agency of custom:agencyId, in custom:mallId',
};

/**
 * The SSM parameters through which the auth stack hands the API stack what it verifies tokens against:
 * read at deploy time, so the stacks share no CloudFormation export (an export in use can never be changed
 * or deleted).
 */
export function authParameterNames(stackPrefix: string): { userPoolId: string; clientIds: string } {
  return {
    userPoolId: `/${stackPrefix}/auth/user-pool-id`,
    clientIds: `/${stackPrefix}/auth/api-client-ids`,
  };
}

/** Properties of the {@link AuthStack}. */
export interface AuthStackProps extends StackProps {
  /**
   * Prefix of the Cognito domain `https://<prefix>.auth.<region>.amazoncognito.com` (hosted sign-in and
   * OAuth endpoints of the staff pool). Unique per region across all AWS accounts.
   */
  readonly domainPrefix: string;

  /** Names of the SSM parameters the API stack reads (see {@link authParameterNames}). */
  readonly parameterNames: { userPoolId: string; clientIds: string };

  /**
   * Path to the TypeScript entry of the pre-token-generation trigger, which exports `handler`.
   *
   * @default - src/cognito-trigger/pre-token-generation.ts
   */
  readonly preTokenGenerationEntry?: string;
}

/**
 * Who may sign in to Loket: the Cognito user pool of staff (ADMIN and OFFICER groups, mall and agency as
 * custom attributes copied into access tokens by a pre-token-generation trigger). The claims are described
 * in src/app/auth/claims.ts. Kiosks and partner systems are not here: they are machine clients registered
 * as data through the API, so adding or removing one changes no stack.
 *
 * The pool holds accounts, so it is stateful: in a stack of its own, retained and protected from deletion,
 * so the API stack can be replaced without locking staff out.
 */
export class AuthStack extends Stack {
  /** The user pool of staff. */
  readonly userPool: UserPool;

  /** The app client of the staff consoles (no secret; SRP or choice-based sign-in). */
  readonly consoleClient: UserPoolClient;

  /** The Cognito domain of the pool. */
  readonly domain: UserPoolDomain;

  /** The trigger that copies the mall and agency attributes into access tokens. */
  readonly preTokenGenerationFunction: LoketFunction;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'UserPool', {
      // Staff accounts are created by administrators; citizens never sign in.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        // Mutable so an administrator can move a person to another agency; no app client may write them.
        [USER_ATTRIBUTE.mall]: new StringAttribute({ minLen: 1, maxLen: 60, mutable: true }),
        [USER_ATTRIBUTE.agency]: new StringAttribute({ minLen: 3, maxLen: 121, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // Staff read citizens' personal data: a second factor for everyone, by authenticator app (SMS costs
      // money per message and needs an SNS role; email codes are no second factor for an email sign-in).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true, email: false },
      enableSmsRole: false,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Essentials: access-token customization (the V2_0 trigger) needs it. See the COG8 acknowledgement.
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials, not Plus: Plus (threat protection) is billed for every monthly active user with no free ' +
        'tier. Staff accounts are created by administrators only and need 12-character passwords and TOTP ' +
        'MFA; machines sign their own tokens outside Cognito. Switch featurePlan to PLUS with standardThreatProtectionMode ' +
        'FULL_FUNCTION when the budget allows.',
    });

    for (const group of PEOPLE_ROLES) {
      this.userPool.addGroup(`${group[0]}${group.slice(1).toLowerCase()}Group`, {
        groupName: group,
        description: GROUP_DESCRIPTIONS[group],
      });
    }

    this.preTokenGenerationFunction = new LoketFunction(this, 'PreTokenGenerationFunction', {
      description: 'Loket: copies custom:mallId and custom:agencyId into access tokens',
      entry: props.preTokenGenerationEntry ?? PRE_TOKEN_GENERATION_ENTRY,
      handler: 'handler',
      // It copies two strings: the smallest memory is plenty. Cognito waits 5 s at most for a trigger.
      memorySize: 256,
      timeout: Duration.seconds(5),
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preTokenGenerationFunction,
      LambdaVersion.V2_0,
    );

    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'console',
      generateSecret: false,
      authFlows: { userSrp: true, user: true },
      // The consoles sign in through the Cognito API (Amplify); no hosted UI, no OAuth scopes.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // One working day: a shift signs in once.
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(USER_ATTRIBUTE.mall, USER_ATTRIBUTE.agency),
      // Never the custom attributes: a person who could write custom:agencyId could choose their agency.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    new CfnOutput(this, 'UserPoolId', {
      description: 'Cognito user pool of staff',
      value: this.userPool.userPoolId,
    });
    new CfnOutput(this, 'ConsoleClientId', {
      description: 'App client of the staff consoles',
      value: this.consoleClient.userPoolClientId,
    });
    new CfnOutput(this, 'TokenEndpoint', {
      description: 'OAuth token endpoint of the Cognito domain',
      value: `${this.domain.baseUrl()}/oauth2/token`,
    });

    // Handed to the API stack through SSM, read when it deploys: no cross-stack export.
    new StringParameter(this, 'UserPoolIdParameter', {
      parameterName: props.parameterNames.userPoolId,
      description: 'Loket: the user pool whose access tokens the API verifies',
      stringValue: this.userPool.userPoolId,
    });
    new StringParameter(this, 'ApiClientIdsParameter', {
      parameterName: props.parameterNames.clientIds,
      description: 'Loket: comma-separated app clients whose access tokens the API accepts',
      stringValue: this.apiClientIds.join(','),
    });
  }

  /** The app clients whose access tokens the API accepts: the staff consoles' client. */
  get apiClientIds(): string[] {
    return [this.consoleClient.userPoolClientId];
  }
}
