import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface DataKeyProps {
  /** What happens to the key when the stack is deleted; data it encrypted cannot be read without it. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The customer-managed key that encrypts documents, derived text, records and queues, with yearly rotation. Roles get
 * use of it through grant*() on the resources it encrypts; the services that write to encrypted queues and topics on
 * the stack's behalf (EventBridge to the dead-letter queue, CloudWatch alarms to the alarm topic) are allowed here,
 * only for this account.
 */
export class DataKey extends Construct {
  public readonly key: Key;

  constructor(scope: Construct, id: string, props: DataKeyProps = {}) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'docpipe: documents, derived text, records and queues',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const service of ['events.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      this.key.addToResourcePolicy(
        new PolicyStatement({
          sid: `Allow${service.split('.')[0]}ToUseTheKey`,
          principals: [new ServicePrincipal(service)],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
        }),
      );
    }
  }
}
