import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_DEFINITION } from '../src/dynamo/shared/table-definition.js';

/** Properties of the {@link DataStack}. */
export type DataStackProps = StackProps;

/**
 * The stateful half of Loket: its single DynamoDB table, in a stack of its own so that the API stack can
 * be replaced or destroyed without touching the data.
 *
 * The keys, indexes and TTL attribute come from `TABLE_DEFINITION`, the definition DynamoDB Local and the
 * data adapter also use.
 */
export class DataStack extends Stack {
  /** Loket's single table. */
  readonly table: Table;

  constructor(scope: Construct, id: string, props?: DataStackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      // No tableName: CloudFormation names the table, so a replacement never collides with the old one
      // and two stages can live in one account. The API gets the name through its environment.
      partitionKey: { name: TABLE_DEFINITION.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_DEFINITION.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: TABLE_DEFINITION.timeToLiveAttribute,
      // Every write with the item before and after it: the figures' consumer (the figures stack) reads it.
      stream: StreamViewType[TABLE_DEFINITION.stream],
      // A mall's traffic follows opening hours and is near zero at night: on-demand fits better than
      // provisioned capacity.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      // Queue history and complaints are records the service malls must keep: never delete them with a stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const index of TABLE_DEFINITION.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    // `LOKET_TABLE=<this> npm run load -- --aws` loads the data files into it.
    new CfnOutput(this, 'TableName', {
      value: this.table.tableName,
      description: 'The Loket table (LOKET_TABLE)',
    });
  }
}
