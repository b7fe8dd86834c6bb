import { Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { SearchCollection } from '../constructs/search-collection.js';
import type { AdapterChoices } from '../stages/adapter-choices.js';
import type { BucketAccess, Port, StageProfile } from '../stages/stage-profiles.js';
import { acknowledge, wildcardAction, wildcardResource } from '../nag/findings.js';
import { bedrockInvokeResources, type BedrockModel } from './bedrock-model.js';

/** Textract text detection: synchronous for images, a job for PDFs and multi-page TIFFs. */
export const TEXTRACT_ACTIONS = ['textract:DetectDocumentText', 'textract:StartDocumentTextDetection', 'textract:GetDocumentTextDetection'] as const;

export interface StageResources {
  readonly uploads: IBucket;
  readonly derived: IBucket;
  readonly table: ITable;
  readonly search: SearchCollection;
  readonly bedrockModel: BedrockModel;
  readonly classifierEndpointArn?: string | undefined;
}

/** The data key's envelope-encryption actions that grantPut() and grantReadWriteData() add, on that one key. */
function acknowledgeKeyUse(role: IRole, what: string): void {
  const reason = `Envelope encryption of ${what} under the data key: the wildcard covers the GenerateDataKey and ReEncrypt variants, granted on that one key only.`;
  acknowledge(role, { [wildcardAction('kms:GenerateDataKey*')]: reason, [wildcardAction('kms:ReEncrypt*')]: reason });
}

function grantBucket(bucket: IBucket, name: string, role: IRole, access: BucketAccess | undefined): void {
  if (access === undefined) return;
  const objects = wildcardResource(role, bucket.arnForObjects('*'));
  if (access === 'read' || access === 'read-write') {
    bucket.grantRead(role);
    const reason = `bucket.grantRead() on the ${name} bucket: the stage reads objects whose keys it learns at run time, and nothing outside this bucket.`;
    acknowledge(role, {
      [wildcardAction('s3:GetObject*')]: reason,
      [wildcardAction('s3:GetBucket*')]: reason,
      [wildcardAction('s3:List*')]: reason,
      [objects]: reason,
    });
  }
  if (access === 'write' || access === 'read-write') {
    bucket.grantPut(role);
    const reason = `bucket.grantPut() on the ${name} bucket: the stage writes (and may abort multipart writes of) objects under keys it derives at run time, and nothing outside this bucket.`;
    acknowledge(role, { [wildcardAction('s3:Abort*')]: reason, [objects]: reason });
    acknowledgeKeyUse(role, `the ${name} bucket's objects`);
  }
}

function grantRecords(table: ITable, role: IRole): void {
  table.grantReadWriteData(role);
  acknowledge(role, {
    [wildcardResource(role, `${table.tableArn}/index/*`)]:
      'table.grantReadWriteData() includes queries of the records table\'s own global secondary indexes (byStatus, byDocumentType); no other table.',
  });
  acknowledgeKeyUse(role, 'the records table');
}

/** Grants one AWS adapter's service access, acknowledging the findings its `*` resources raise with the reason. */
function grantPort(port: Port, role: IRole, resources: StageResources): void {
  const stack = Stack.of(role);
  switch (port) {
    case 'textExtractor':
      role.addToPrincipalPolicy(new PolicyStatement({ actions: [...TEXTRACT_ACTIONS], resources: ['*'] }));
      acknowledge(role, {
        'AwsSolutions-IAM5[Resource::*]':
          'Textract DetectDocumentText, StartDocumentTextDetection and GetDocumentTextDetection support no resource-level permissions ("*" only). Textract reads the upload with this role\'s own S3 and KMS grants, which are scoped to the upload bucket and the data key.',
      });
      return;
    case 'piiDetector':
      role.addToPrincipalPolicy(new PolicyStatement({ actions: ['comprehend:DetectPiiEntities'], resources: ['*'] }));
      acknowledge(role, {
        'AwsSolutions-IAM5[Resource::*]': 'Comprehend DetectPiiEntities is a real-time analysis call with no resource to scope to: IAM accepts only "*" for it.',
      });
      return;
    case 'classifier':
      if (resources.classifierEndpointArn !== undefined) {
        role.addToPrincipalPolicy(new PolicyStatement({ actions: ['comprehend:ClassifyDocument'], resources: [resources.classifierEndpointArn] }));
      }
      return;
    case 'summariser': {
      const invoke = bedrockInvokeResources(resources.bedrockModel, { partition: stack.partition, region: stack.region, account: stack.account });
      role.addToPrincipalPolicy(new PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: invoke }));
      for (const arn of invoke.filter((resource) => resource.includes(':bedrock:*:'))) {
        acknowledge(role, {
          [wildcardResource(role, arn)]: `The ${resources.bedrockModel.inferenceProfileId ?? ''} cross-Region inference profile routes each request to a Region of its choosing, so the one foundation model it serves is allowed in every Region; the model and the profile are fixed.`,
        });
      }
      return;
    }
    case 'searchIndex':
      resources.search.grantWrite(role);
      return;
  }
}

/**
 * Grants a stage exactly what its profile says, with grant*() helpers: its buckets (KMS use comes with them), the
 * table, and the services of the AWS adapters serving its ports. The cdk-nag findings of the `*` resources some
 * services require are acknowledged on the role, each with its reason.
 */
export function grantStageAccess(role: IRole, profile: StageProfile, adapters: AdapterChoices, resources: StageResources): void {
  grantBucket(resources.uploads, 'upload', role, profile.uploads);
  grantBucket(resources.derived, 'derived-text', role, profile.derived);
  if (profile.records === true) grantRecords(resources.table, role);
  for (const port of profile.ports) {
    if (adapters[port] === 'aws') grantPort(port, role, resources);
  }
}
