import { AspectPriority, Aspects, CfnResource, type IAspect, RemovalPolicy } from 'aws-cdk-lib';
import { CfnUserPool } from 'aws-cdk-lib/aws-cognito';
import { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { IConstruct } from 'constructs';

/** The kinds of deployment: `prod` keeps its data, `dev` is thrown away whole. */
export const LOKET_STAGES = ['dev', 'prod'] as const;

/** A kind of deployment (context `loket:stage`). */
export type LoketStage = (typeof LOKET_STAGES)[number];

/**
 * Makes everything under `scope` disposable: every resource is deleted with its stack (the table, the user
 * pool and the log groups included) and no deletion protection is left on, so `cdk destroy --all` leaves
 * nothing behind. For throw-away stages only; `prod` keeps the stacks' own choices (retained, protected).
 */
export function makeDisposable(scope: IConstruct): void {
  Aspects.of(scope).add(new Disposable(), { priority: AspectPriority.MUTATING });
}

class Disposable implements IAspect {
  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    node.applyRemovalPolicy(RemovalPolicy.DESTROY);
    if (node instanceof CfnTable) node.deletionProtectionEnabled = false;
    if (node instanceof CfnUserPool) node.deletionProtection = 'INACTIVE';
  }
}
