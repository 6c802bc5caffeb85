import { CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../src/app/edge-headers.js';

/** Properties of {@link ApiEdge}. */
export interface ApiEdgeProps {
  /** The HTTP API the distribution forwards to. */
  readonly httpApi: IHttpApi;
  /** The GraphQL function, which gets the origin secret and refuses requests without it. */
  readonly graphqlFunction: LambdaFunction;
  /** The ARN of the AWS WAF web ACL (scope CLOUDFRONT, in us-east-1) of the distribution. */
  readonly webAclArn: string;
}

/**
 * CloudFront in front of the HTTP API, with the edge stack's AWS WAF web ACL: nothing is cached (every
 * answer is `no-store`), every method and header except Host is forwarded.
 *
 * Two headers tie the distribution to the function:
 * - the origin secret, which CloudFront adds to each request it forwards and the function requires, so
 *   that the WAF cannot be bypassed by calling the execute-api URL directly;
 * - the viewer's address, written by a viewer-request CloudFront Function (overwriting any value the client
 *   sent), because the origin request policy API Gateway needs (all viewer headers except Host) forwards no
 *   CloudFront-generated header such as CloudFront-Viewer-Address. Loket's own per-caller limits count it.
 */
export class ApiEdge extends Construct {
  /** The distribution. */
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: ApiEdgeProps) {
    super(scope, id);
    const stack = Stack.of(this);

    const originSecret = new Secret(this, 'OriginSecret', {
      description: `Loket: the ${ORIGIN_VERIFY_HEADER} header CloudFront adds and the API function requires`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The distribution and the function read this value when they deploy (dynamic reference): a rotation ' +
        'Lambda would change it under both and every request would be refused. It is rotated by a new ' +
        'value and a deploy (docs/deploy.md).',
    });
    // Resolved by CloudFormation at deploy time; the template holds only the reference.
    const secretValue = originSecret.secretValue.unsafeUnwrap();
    props.graphqlFunction.addEnvironment('LOKET_ORIGIN_SECRET', secretValue);

    const viewerAddress = new EdgeFunction(this, 'ViewerAddress', {
      comment: `Loket: the viewer's address in ${VIEWER_ADDRESS_HEADER}`,
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        `function handler(event) { event.request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip }; return event.request; }`,
      ),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${stack.stackName}: Loket GraphQL API`,
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes the edges of Asia (Jakarta among them), without the costliest regions.
      priceClass: PriceClass.PRICE_CLASS_200,
      defaultBehavior: {
        origin: new HttpOrigin(`${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          customHeaders: { [ORIGIN_VERIFY_HEADER]: secretValue },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
    });
    new CfnOutput(stack, 'ApiUrl', {
      description: 'URL of the GraphQL endpoint, through CloudFront and its WAF: the one clients use',
      value: `https://${this.distribution.distributionDomainName}/graphql`,
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: partner agencies and citizens abroad (migrant workers tracking a complaint) ' +
          'call the API from outside Indonesia; the WAF rules and the per-IP rate limit apply everywhere.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Every request the distribution forwards is in the API stage access log (request id, status, ' +
          'latency), and what the edge blocks is in the web ACL metrics and sampled requests; CloudFront ' +
          'standard logs would add an S3 bucket for the same requests.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution uses the default *.cloudfront.net certificate, with which CloudFront cannot be ' +
          'given a minimum TLS version; a custom domain with its ACM certificate (TLSv1.2_2021) is the fix ' +
          'when a mall has its domain.',
      },
    );
  }
}
