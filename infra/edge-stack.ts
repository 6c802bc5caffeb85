import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Requests per IP address in the rate rule's window, unless the context says otherwise. */
export const DEFAULT_WAF_RATE_LIMIT = 3000;

/** The window, in seconds, over which the rate rule counts an address's requests. */
const RATE_WINDOW_SECONDS = 300;

/** Properties of the {@link EdgeStack}. */
export interface EdgeStackProps extends StackProps {
  /**
   * Requests one IP address may send in 5 minutes before the web ACL blocks it for as long as it stays
   * over. Generous on purpose: a mall's kiosks, hall displays and counter consoles often share one public
   * address; Loket's own limits then count each caller apart.
   *
   * @default 3000
   */
  readonly rateLimitPerIp?: number;
}

/**
 * The AWS WAF web ACL of Loket's CloudFront distribution. A web ACL for CloudFront must live in
 * us-east-1, so this stack is deployed there whatever the region of the other stacks; the API stack reads
 * the ACL's ARN through a cross-region stack output (no export).
 *
 * Rules, in order: AWS's managed IP reputation list, the managed common rule set (OWASP-style request
 * checks) and known bad inputs, then a rate rule per client IP. Everything else is allowed.
 */
export class EdgeStack extends Stack {
  /** The web ACL (scope CLOUDFRONT). */
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps = {}) {
    super(scope, id, props);
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const managed = (name: string, priority: number, excluded: string[] = []): CfnWebACL.RuleProperty => ({
      name: `AWS-${name}`,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(excluded.length > 0
            ? { ruleActionOverrides: excluded.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
            : {}),
        },
      },
      visibilityConfig: visibility(name),
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${this.stackName}-api`,
      description: 'Loket API: managed rules and a per-IP rate limit in front of CloudFront',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${this.stackName}-api`),
      rules: [
        managed('AWSManagedRulesAmazonIpReputationList', 0),
        // The common rules' 8 KB body check would block a large but legitimate GraphQL POST before Loket's own
        // size limit answers it with QUERY_TOO_COMPLEX: it counts instead of blocking.
        managed('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
        {
          name: 'RatePerIp',
          priority: 3,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.rateLimitPerIp ?? DEFAULT_WAF_RATE_LIMIT,
              evaluationWindowSec: RATE_WINDOW_SECONDS,
              aggregateKeyType: 'IP',
            },
          },
          visibilityConfig: visibility('RatePerIp'),
        },
      ],
    });

    new CfnOutput(this, 'WebAclArn', {
      description: 'The web ACL of the API distribution',
      value: this.webAcl.attrArn,
    });
  }
}
