import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, CfnBucket, ObjectOwnership, StorageClass, type BucketProps } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ConfigurationError } from '../../shared/errors.js';

export interface DocumentBucketsProps {
  /** Encrypts the upload and derived buckets. */
  readonly key: IKey;
  /**
   * Days before derived objects move to S3 Standard-IA (S3 leaves objects under 128 KB, where IA would cost more,
   * where they are). @default 30
   */
  readonly derivedInfrequentAccessAfterDays?: number;
  /** Days an overwritten or deleted object version is kept, in both data buckets. @default 30 */
  readonly noncurrentVersionDays?: number;
  /** Days server access logs are kept. @default 365 */
  readonly accessLogDays?: number;
  /** What happens to the data buckets when the stack is deleted. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

function wholeDays(name: string, value: number, least: number): number {
  if (!Number.isInteger(value) || value < least) throw new ConfigurationError(`DocumentBuckets: ${name} ${value} must be a whole number of at least ${least}`);
  return value;
}

/**
 * The upload bucket (people drop documents in; it sends EventBridge notifications), the derived-text bucket (page
 * texts, redacted text, summaries) and the access-log bucket both log to. Both data buckets are encrypted with the
 * customer-managed key, TLS-only, versioned and private.
 */
export class DocumentBuckets extends Construct {
  public readonly uploads: Bucket;
  public readonly derived: Bucket;
  public readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: DocumentBucketsProps) {
    super(scope, id);
    const infrequentAfter = wholeDays('derivedInfrequentAccessAfterDays', props.derivedInfrequentAccessAfterDays ?? 30, 30);
    const noncurrentDays = wholeDays('noncurrentVersionDays', props.noncurrentVersionDays ?? 30, 1);
    const logDays = wholeDays('accessLogDays', props.accessLogDays ?? 365, 1);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    // S3 delivers server access logs only to a bucket encrypted with S3-managed keys.
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(logDays), noncurrentVersionExpiration: Duration.days(1) }],
      removalPolicy,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the server access log destination of the upload and derived buckets; logging its own access would log every log delivery.',
    });

    const dataBucket = (logPrefix: string): BucketProps => ({
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: `${logPrefix}/`,
      removalPolicy,
    });

    this.uploads = new Bucket(this, 'Uploads', {
      ...dataBucket('uploads'),
      lifecycleRules: [
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(noncurrentDays), abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });

    // EventBridge notifications set on the bucket itself (the `eventBridgeEnabled` prop would deploy a custom-resource
    // Lambda to set them).
    const uploadsResource = this.uploads.node.defaultChild as CfnBucket;
    uploadsResource.notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };

    this.derived = new Bucket(this, 'Derived', {
      ...dataBucket('derived'),
      lifecycleRules: [
        {
          id: 'derived-text',
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(infrequentAfter) }],
          noncurrentVersionExpiration: Duration.days(noncurrentDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
  }
}
