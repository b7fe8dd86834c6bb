import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, type EventPattern } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ConfigurationError } from '../../shared/errors.js';

export interface UploadTriggerProps {
  /** The bucket whose `Object Created` events start executions (its EventBridge notifications must be on). */
  readonly bucket: IBucket;
  readonly stateMachine: IStateMachine;
  /** Encrypts the dead-letter queue. */
  readonly key: IKey;
  /** Only keys starting with this start an execution. @default '' (every key) */
  readonly keyPrefix?: string;
  /** Attempts EventBridge makes to start an execution before the event goes to the dead-letter queue. @default 8 */
  readonly retryAttempts?: number;
}

/** The EventBridge pattern of an `Object Created` event in the bucket, under the prefix when one is given. */
export function objectCreatedPattern(bucketName: string, keyPrefix: string): EventPattern {
  return {
    source: ['aws.s3'],
    detailType: ['Object Created'],
    detail: {
      bucket: { name: [bucketName] },
      ...(keyPrefix === '' ? {} : { object: { key: [{ prefix: keyPrefix }] } }),
    },
  };
}

/**
 * Starts the state machine with each `Object Created` event as its input. Events EventBridge cannot deliver after its
 * retries go to an encrypted dead-letter queue, whose depth has an alarm.
 */
export class UploadTrigger extends Construct {
  public readonly rule: Rule;
  public readonly deadLetterQueue: Queue;
  /** Fires when any event is waiting in the dead-letter queue. */
  public readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: UploadTriggerProps) {
    super(scope, id);
    const keyPrefix = props.keyPrefix ?? '';
    if (keyPrefix.startsWith('/')) throw new ConfigurationError(`UploadTrigger: keyPrefix "${keyPrefix}" must not start with "/" (S3 keys do not)`);
    const retryAttempts = props.retryAttempts ?? 8;
    if (!Number.isInteger(retryAttempts) || retryAttempts < 0 || retryAttempts > 185) {
      throw new ConfigurationError(`UploadTrigger: retryAttempts ${retryAttempts} must be a whole number from 0 to 185`);
    }

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the upload rule target; a queue behind it would only move the same events.',
    });

    this.rule = new Rule(this, 'ObjectCreated', {
      description: `docpipe: start the pipeline for each object created${keyPrefix === '' ? '' : ` under ${keyPrefix}`}`,
      eventPattern: objectCreatedPattern(props.bucket.bucketName, keyPrefix),
    });
    this.rule.addTarget(
      new SfnStateMachine(props.stateMachine, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts,
        maxEventAge: Duration.hours(24),
      }),
    );

    this.deadLetterAlarm = new Alarm(this, 'DeadLettersAlarm', {
      alarmDescription: 'docpipe: uploads whose execution EventBridge could not start are waiting in the dead-letter queue',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
