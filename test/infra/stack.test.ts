import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { TASK_STATE_NAMES } from '../../shared/runtime/task-names.js';
import { TEXTRACT_ACTIONS } from '../../infra/access/stage-permissions.js';
import { DEFAULT_BEDROCK_MODEL_ID } from '../../infra/access/bedrock-model.js';
import { taskTimeouts } from '../../infra/stages/task-timeouts.js';
import { readDefinitionTemplate } from '../../shared/runtime/definition.js';
import { actionsOfRole, logicalIdOf, statementsOfRole, synthDocpipe, type SynthesisedDocpipe } from './synth-docpipe.js';

const ENDPOINT_ARN = 'arn:aws:comprehend:eu-west-1:123456789012:document-classifier-endpoint/doc-types';

describe('the docpipe stack with default settings', () => {
  let synth: SynthesisedDocpipe;
  beforeAll(() => {
    synth = synthDocpipe();
  });

  const ref = (construct: IConstruct) => ({ Ref: logicalIdOf(synth.stack, construct) });
  const arnOf = (construct: IConstruct) => ({ 'Fn::GetAtt': [logicalIdOf(synth.stack, construct), 'Arn'] });
  const roleId = (state: (typeof TASK_STATE_NAMES)[number]) => logicalIdOf(synth.stack, synth.stack.stages[state].role);

  it('encrypts with a customer-managed key that rotates', () => {
    synth.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('keeps uploads and derived text in private, versioned, KMS-encrypted buckets that log access', () => {
    const { uploads, derived, accessLogs } = synth.stack.buckets;
    for (const bucket of [uploads, derived]) {
      const id = logicalIdOf(synth.stack, bucket);
      const properties = synth.template.toJSON().Resources[id].Properties;
      expect(properties).toMatchObject({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: { DestinationBucketName: ref(accessLogs) },
      });
    }
  });

  it('sends the upload bucket\'s events to EventBridge, set on the bucket itself', () => {
    synth.template.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    synth.template.resourceCountIs('Custom::S3BucketNotifications', 0);
  });

  it('refuses requests without TLS on every bucket', () => {
    const policies = synth.template.findResources('AWS::S3::BucketPolicy');
    const tlsOnly = Object.values(policies).filter((policy) =>
      JSON.stringify(policy).includes('"aws:SecureTransport":"false"'),
    );
    expect(tlsOnly).toHaveLength(3);
  });

  it('moves derived text to infrequent access and expires old versions', () => {
    const id = logicalIdOf(synth.stack, synth.stack.buckets.derived);
    expect(synth.template.toJSON().Resources[id].Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({
        Id: 'derived-text',
        Status: 'Enabled',
        Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
        NoncurrentVersionExpiration: { NoncurrentDays: 30 },
      }),
    ]);
  });

  it('stores records on demand with point-in-time recovery, the key, and indexes by status and document type', () => {
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }, { AttributeName: 'createdAt', KeyType: 'RANGE' }] }),
        Match.objectLike({
          IndexName: 'byDocumentType',
          KeySchema: [{ AttributeName: 'documentType', KeyType: 'HASH' }, { AttributeName: 'updatedAt', KeyType: 'RANGE' }],
        }),
      ],
    });
  });

  it('starts the state machine for every object created in the upload bucket, with a dead-letter queue', () => {
    const { uploads } = synth.stack.buckets;
    synth.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.s3'], 'detail-type': ['Object Created'], detail: { bucket: { name: [ref(uploads)] } } },
      Targets: [
        Match.objectLike({
          Arn: ref(synth.stack.pipeline.stateMachine),
          DeadLetterConfig: { Arn: arnOf(synth.stack.trigger.deadLetterQueue) },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
        }),
      ],
    });
    synth.template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue() });
  });

  it('runs a traced Standard workflow that logs every event without execution data', () => {
    synth.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
    synth.template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('has one traced ARM64 Node.js 22 function per Task state, each ending before its state times out', () => {
    const functions = synth.template.findResources('AWS::Lambda::Function');
    expect(Object.keys(functions)).toHaveLength(TASK_STATE_NAMES.length);
    const timeouts = taskTimeouts(readDefinitionTemplate());
    for (const state of TASK_STATE_NAMES) {
      const properties = synth.template.toJSON().Resources[logicalIdOf(synth.stack, synth.stack.stages[state].lambda)].Properties;
      expect(properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: ref(synth.stack.stages[state].logGroup) },
        Environment: {
          Variables: expect.objectContaining({
            POWERTOOLS_SERVICE_NAME: 'docpipe',
            POWERTOOLS_METRICS_NAMESPACE: 'docpipe',
            POWERTOOLS_LOG_LEVEL: 'INFO',
            DOCPIPE_TABLE_NAME: ref(synth.stack.records.table),
            DOCPIPE_DERIVED_BUCKET: ref(synth.stack.buckets.derived),
          }),
        },
      });
      expect(properties.Timeout).toBeLessThan(timeouts.get(state) ?? Number.POSITIVE_INFINITY);
    }
  });

  it('bounds the concurrency of the stages that call Textract only', () => {
    const reserved = Object.fromEntries(
      TASK_STATE_NAMES.map((state) => [
        state,
        synth.template.toJSON().Resources[logicalIdOf(synth.stack, synth.stack.stages[state].lambda)].Properties.ReservedConcurrentExecutions,
      ]),
    );
    expect(reserved).toEqual({
      Ingest: undefined,
      ExtractText: 5,
      CheckExtraction: 5,
      Classify: undefined,
      Redact: undefined,
      Summarise: undefined,
      Store: undefined,
      RecordFailure: undefined,
    });
  });

  it('gives each stage the adapter settings of the ports it calls', () => {
    const variables = (state: (typeof TASK_STATE_NAMES)[number]) =>
      synth.template.toJSON().Resources[logicalIdOf(synth.stack, synth.stack.stages[state].lambda)].Properties.Environment.Variables;
    expect(variables('ExtractText')).toMatchObject({ DOCPIPE_TEXT_EXTRACTOR: 'textract', DOCPIPE_PDF_TEXT_LAYER: 'first' });
    expect(variables('Classify')).toMatchObject({ DOCPIPE_CLASSIFIER_MODEL: '/var/task/model/document-types.json' });
    expect(variables('Redact')).toMatchObject({ DOCPIPE_PII_DETECTOR: 'comprehend' });
    expect(variables('Summarise')).toMatchObject({
      DOCPIPE_SUMMARISER: 'bedrock',
      DOCPIPE_BEDROCK_MODEL_ID: DEFAULT_BEDROCK_MODEL_ID,
      DOCPIPE_PII_DETECTOR: 'comprehend',
    });
    expect(variables('Store')).toMatchObject({
      DOCPIPE_SEARCH: 'opensearch',
      DOCPIPE_OPENSEARCH_SERVICE: 'aoss',
      DOCPIPE_OPENSEARCH_INDEX: 'documents',
      DOCPIPE_OPENSEARCH_ENDPOINT: { 'Fn::GetAtt': [logicalIdOf(synth.stack, synth.stack.search.collection), 'CollectionEndpoint'] },
    });
    expect(variables('Ingest')).not.toHaveProperty('DOCPIPE_SEARCH');
  });

  it('grants Textract to the extraction stages, Comprehend PII to Redact and Summarise, Bedrock to Summarise, and nothing else of them', () => {
    const uses = (action: string) => TASK_STATE_NAMES.filter((state) => actionsOfRole(synth.template, roleId(state)).includes(action));
    for (const action of TEXTRACT_ACTIONS) expect(uses(action)).toEqual(['ExtractText', 'CheckExtraction']);
    expect(uses('comprehend:DetectPiiEntities')).toEqual(['Redact', 'Summarise']);
    expect(uses('bedrock:InvokeModel')).toEqual(['Summarise']);
    expect(uses('comprehend:ClassifyDocument')).toEqual([]);
    expect(uses('aoss:APIAccessAll')).toEqual(['Store']);
  });

  it('scopes Bedrock to the inference profile and the one model it serves', () => {
    const bedrock = statementsOfRole(synth.template, roleId('Summarise')).find((statement) => statement.Action.includes('bedrock:InvokeModel'));
    expect(JSON.stringify(bedrock?.Resource)).toContain(':inference-profile/us.amazon.nova-lite-v1:0');
    expect(JSON.stringify(bedrock?.Resource)).toContain(':bedrock:*::foundation-model/amazon.nova-lite-v1:0');
  });

  it('lets a stage write only the bucket it writes to', () => {
    const writers = (bucket: IConstruct) =>
      TASK_STATE_NAMES.filter((state) =>
        statementsOfRole(synth.template, roleId(state)).some(
          (statement) => statement.Action.includes('s3:PutObject') && JSON.stringify(statement.Resource).includes(`"${logicalIdOf(synth.stack, bucket)}"`),
        ),
      );
    expect(writers(synth.stack.buckets.uploads)).toEqual([]);
    expect(writers(synth.stack.buckets.derived)).toEqual(['ExtractText', 'CheckExtraction', 'Redact', 'Summarise']);
    expect(actionsOfRole(synth.template, roleId('RecordFailure')).filter((action) => action.startsWith('s3:'))).toEqual([]);
  });

  it('creates a search collection whose data policy lets the Store stage write and the reader role read', () => {
    synth.template.hasResourceProperties('AWS::OpenSearchServerless::Collection', { Type: 'SEARCH', Name: 'docpipe' });
    synth.template.hasResourceProperties('AWS::OpenSearchServerless::SecurityPolicy', { Type: 'encryption', Policy: Match.stringLikeRegexp('"AWSOwnedKey":true') });
    synth.template.hasResourceProperties('AWS::OpenSearchServerless::SecurityPolicy', { Type: 'network', Policy: Match.stringLikeRegexp('"AllowFromPublic":true') });
    const access = Object.values(synth.template.findResources('AWS::OpenSearchServerless::AccessPolicy'))[0];
    const policy = JSON.stringify(access?.Properties?.Policy);
    expect(policy).toContain(roleId('Store'));
    expect(policy).toContain(logicalIdOf(synth.stack, synth.stack.search.readerRole));
    for (const state of TASK_STATE_NAMES.filter((name) => name !== 'Store')) expect(policy).not.toContain(roleId(state));
  });

  it('alarms on failed executions, throttling and dead letters, notifying an encrypted topic', () => {
    synth.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    const alarms = Object.values(synth.template.findResources('AWS::CloudWatch::Alarm'));
    const descriptions = alarms.map((alarm) => String(alarm.Properties.AlarmDescription));
    expect(descriptions).toEqual(
      expect.arrayContaining([expect.stringContaining('executions failed'), expect.stringContaining('throttled'), expect.stringContaining('dead-letter queue')]),
    );
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([ref(synth.stack.monitoring.alarmTopic)]);
    synth.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('outputs the bucket, the console address, the search endpoint and the table', () => {
    const outputs = synth.template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['UploadBucketName', 'StateMachineConsoleUrl', 'SearchEndpoint', 'RecordsTableName', 'SearchReaderRoleArn']),
    );
    expect(JSON.stringify(outputs.StateMachineConsoleUrl)).toContain('console.aws.amazon.com/states/home');
  });
});

describe('the docpipe stack with context values', () => {
  let synth: SynthesisedDocpipe;
  beforeAll(() => {
    synth = synthDocpipe({
      uploadPrefix: 'incoming/',
      classifierEndpointArn: ENDPOINT_ARN,
      alarmEmail: 'ops@example.com',
      bedrockModelId: 'global.anthropic.claude-haiku-4-5-20251001-v1:0',
      textractConcurrency: '3',
    });
  });

  it('starts executions only for keys under the upload prefix', () => {
    synth.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { object: { key: [{ prefix: 'incoming/' }] } } },
    });
  });

  it('lets Classify call only the given classifier endpoint, and ships it no model', () => {
    const classify = logicalIdOf(synth.stack, synth.stack.stages.Classify.role);
    const statement = statementsOfRole(synth.template, classify).find((s) => s.Action.includes('comprehend:ClassifyDocument'));
    expect(statement?.Resource).toBe(ENDPOINT_ARN);
    const variables = synth.template.toJSON().Resources[logicalIdOf(synth.stack, synth.stack.stages.Classify.lambda)].Properties.Environment.Variables;
    expect(variables).toMatchObject({ DOCPIPE_CLASSIFIER_ENDPOINT_ARN: ENDPOINT_ARN });
    expect(variables).not.toHaveProperty('DOCPIPE_CLASSIFIER_MODEL');
  });

  it('subscribes the alarm email and reserves the given Textract concurrency', () => {
    synth.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    const extract = synth.template.toJSON().Resources[logicalIdOf(synth.stack, synth.stack.stages.ExtractText.lambda)];
    expect(extract.Properties.ReservedConcurrentExecutions).toBe(3);
  });

  it('scopes Bedrock to a global profile, its model in every Region and its Region-less model ARN', () => {
    const summarise = logicalIdOf(synth.stack, synth.stack.stages.Summarise.role);
    const bedrock = statementsOfRole(synth.template, summarise).find((s) => s.Action.includes('bedrock:InvokeModel'));
    const resources = JSON.stringify(bedrock?.Resource);
    expect(resources).toContain(':inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(resources).toContain(':bedrock:*::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(resources).toContain(':bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0');
  });
});

describe('the docpipe stack\'s checks of its settings', () => {
  it('refuses a malformed classifier endpoint ARN, naming the setting', () => {
    expect(() => synthDocpipe({ classifierEndpointArn: 'arn:aws:s3:::bucket' })).toThrow(/DOCPIPE_CLASSIFIER_ENDPOINT_ARN/);
  });

  it('refuses a Bedrock model given as an ARN', () => {
    expect(() => synthDocpipe({ bedrockModelId: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0' })).toThrow(/bedrockModelId/);
  });

  it('refuses an alarm email that is not an address', () => {
    expect(() => synthDocpipe({ alarmEmail: 'ops' })).toThrow(/alarmEmail/);
  });
});
