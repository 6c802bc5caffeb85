import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPoolClient,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolOperation,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import {
  agencyScopeName,
  mallOfAgency,
  PARTNER_READ_SCOPE_NAME,
  RESOURCE_SERVER_ID,
  ROLE_GROUPS,
  USER_ATTRIBUTE,
} from '../src/app/auth/claims.js';
import { LoketFunction } from './loket-function.js';

/** The pre-token-generation trigger: `handler`, exported by this file. */
const PRE_TOKEN_GENERATION_ENTRY = fileURLToPath(
  new URL('../src/cognito-trigger/pre-token-generation.ts', import.meta.url),
);

/** What each staff group may do, shown in the Cognito console. */
const GROUP_DESCRIPTIONS: Record<(typeof ROLE_GROUPS)[number], string> = {
  ADMIN: 'Mall administrator: everything within the mall of custom:mallId (custom:agencyId must be empty)',
  OFFICER: 'Counter officer: the queues and complaints of the agency of custom:agencyId, in custom:mallId',
  KIOSK: 'Ticket kiosk device: issues walk-in tickets and checks in bookings in custom:mallId (custom:agencyId must be empty)',
};

/** Properties of the {@link AuthStack}. */
export interface AuthStackProps extends StackProps {
  /**
   * Prefix of the Cognito domain `https://<prefix>.auth.<region>.amazoncognito.com`, which serves the token
   * endpoint of the partners' client-credentials flow. Unique per region across all AWS accounts.
   */
  readonly domainPrefix: string;

  /**
   * Agencies with a partner machine client, e.g. `['lampung-tengah:bpjs-kesehatan']`: each gets an app
   * client of its own (client credentials, with a secret) and a scope `loket/agency:<agencyId>` that only
   * that client is allowed. Removing an agency deletes its client and revokes its access.
   *
   * @default - no partner clients
   */
  readonly partnerAgencies?: readonly string[];

  /**
   * Path to the TypeScript entry of the pre-token-generation trigger, which exports `handler`.
   *
   * @default - src/cognito-trigger/pre-token-generation.ts
   */
  readonly preTokenGenerationEntry?: string;
}

/**
 * Who may call Loket: the Cognito user pool of staff (ADMIN and OFFICER groups, mall and agency as custom
 * attributes copied into access tokens by a pre-token-generation trigger) and of partner machines
 * (client-credentials app clients, one per agency, whose agency is their scope). The claims are described
 * in src/app/auth/claims.ts.
 *
 * The pool holds accounts, so it is stateful: in a stack of its own, retained and protected from deletion,
 * so the API stack can be replaced without locking staff out.
 */
export class AuthStack extends Stack {
  /** The user pool of staff and partner clients. */
  readonly userPool: UserPool;

  /** The app client of the staff consoles (no secret; SRP or choice-based sign-in). */
  readonly consoleClient: UserPoolClient;

  /** The client-credentials app client of each partner agency, by agency id. */
  readonly partnerClients: ReadonlyMap<string, UserPoolClient>;

  /** The resource server `loket`, whose scopes grant partner access. */
  readonly resourceServer: UserPoolResourceServer;

  /** The Cognito domain, which serves `/oauth2/token`. */
  readonly domain: UserPoolDomain;

  /** The trigger that copies the mall and agency attributes into access tokens. */
  readonly preTokenGenerationFunction: LoketFunction;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    const partnerAgencies = props.partnerAgencies ?? [];
    for (const agencyId of partnerAgencies) {
      if (mallOfAgency(agencyId) === null) {
        throw new Error(`Partner agency ${JSON.stringify(agencyId)} is not an agency id like mall:agency`);
      }
    }
    if (new Set(partnerAgencies).size !== partnerAgencies.length) {
      throw new Error('Each partner agency may appear once');
    }

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
        'tier. Staff accounts are created by administrators only, need 12-character passwords and TOTP MFA, ' +
        'and partners use client secrets; switch featurePlan to PLUS with standardThreatProtectionMode ' +
        'FULL_FUNCTION when the budget allows.',
    });

    for (const group of ROLE_GROUPS) {
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

    const partnerRead = new ResourceServerScope({
      scopeName: PARTNER_READ_SCOPE_NAME,
      scopeDescription: 'Read the schedule and figures of the agency that another scope of the token names',
    });
    const agencyScopes = new Map(
      partnerAgencies.map((agencyId) => [
        agencyId,
        new ResourceServerScope({
          scopeName: agencyScopeName(agencyId),
          scopeDescription: `Partner access to the agency ${agencyId}`,
        }),
      ]),
    );
    this.resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER_ID,
      userPoolResourceServerName: 'Loket API',
      scopes: [partnerRead, ...agencyScopes.values()],
    });

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

    const partnerClients = new Map<string, UserPoolClient>();
    for (const [agencyId, agencyScope] of agencyScopes) {
      const client = this.userPool.addClient(`PartnerClient-${agencyId}`, {
        userPoolClientName: `partner-${agencyId.replaceAll(':', '.')}`,
        generateSecret: true,
        oAuth: {
          flows: { clientCredentials: true },
          scopes: [
            OAuthScope.resourceServer(this.resourceServer, partnerRead),
            OAuthScope.resourceServer(this.resourceServer, agencyScope),
          ],
        },
        accessTokenValidity: Duration.hours(1),
        enableTokenRevocation: true,
      });
      // Without explicit flows Cognito would also allow SRP and custom sign-in of people through a machine
      // client; client credentials need none of them (and refresh tokens are never issued to them).
      (client.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
      partnerClients.set(agencyId, client);
    }
    this.partnerClients = partnerClients;

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    new CfnOutput(this, 'UserPoolId', {
      description: 'Cognito user pool of staff and partners',
      value: this.userPool.userPoolId,
    });
    new CfnOutput(this, 'ConsoleClientId', {
      description: 'App client of the staff consoles',
      value: this.consoleClient.userPoolClientId,
    });
    new CfnOutput(this, 'TokenEndpoint', {
      description: 'Token endpoint of the partner client-credentials flow',
      value: `${this.domain.baseUrl()}/oauth2/token`,
    });
  }

  /** The app clients whose access tokens the API accepts: the console client, then each partner client. */
  get apiClientIds(): string[] {
    return [this.consoleClient, ...this.partnerClients.values()].map((client) => client.userPoolClientId);
  }
}
