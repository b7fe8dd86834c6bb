import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { loadAwsAdapterSettings } from '../shared/adapters/aws/aws-settings.js';
import { ConfigurationError } from '../shared/errors.js';
import { placeholderFor, readDefinitionTemplate } from '../shared/runtime/definition.js';
import { TASK_STATE_NAMES, type TaskStateName } from '../shared/runtime/task-names.js';
import { DEFAULT_BEDROCK_MODEL_ID, parseBedrockModelId } from './access/bedrock-model.js';
import { grantStageAccess } from './access/stage-permissions.js';
import { stageBundleSpec } from './bundling/stage-bundle.js';
import { DataKey } from './constructs/data-key.js';
import { DocumentBuckets } from './constructs/document-buckets.js';
import { PipelineMonitoring } from './constructs/pipeline-monitoring.js';
import { PipelineStateMachine } from './constructs/pipeline-state-machine.js';
import { RecordsTable } from './constructs/records-table.js';
import { SearchCollection } from './constructs/search-collection.js';
import { StageFunction, type PowertoolsLogLevel } from './constructs/stage-function.js';
import { UploadTrigger } from './constructs/upload-trigger.js';
import { deploymentAdapters } from './stages/adapter-choices.js';
import { stageEntry } from './stages/stage-entry.js';
import { stageEnvironment } from './stages/stage-environment.js';
import { STAGE_PROFILES } from './stages/stage-profiles.js';
import { taskTimeouts } from './stages/task-timeouts.js';

/** Memory and timeout of one stage, replacing its profile's (infra/stages/stage-profiles.ts). */
export interface StageSizing {
  /** Memory in MB. @default the stage profile's */
  readonly memorySize?: number;
  /** Must stay below the Task state's TimeoutSeconds. @default the stage profile's */
  readonly timeout?: Duration;
}

export interface DocpipeStackProps extends StackProps {
  /** Bedrock model or cross-Region inference profile id for summaries. @default DEFAULT_BEDROCK_MODEL_ID (Amazon Nova Lite, US profile) */
  readonly bedrockModelId?: string;
  /** Only uploads under this key prefix start the pipeline. @default '' (every upload) */
  readonly uploadPrefix?: string;
  /** Comprehend custom classifier endpoint for Classify. @default - the embedded classifier with the model shipped in the repo */
  readonly classifierEndpointArn?: string;
  /** Email address subscribed to the alarms. @default - alarms notify the topic only */
  readonly alarmEmail?: string;
  /**
   * Concurrent executions reserved for each stage that calls Textract, so a burst of uploads queues behind the state
   * machine's retries instead of exceeding Textract's request quotas. Reserving needs that much account concurrency
   * above the 100 Lambda keeps unreserved. @default 5
   */
  readonly textractConcurrency?: number;
  /** Per-stage memory and timeout. @default - each stage's profile */
  readonly stageSizing?: Partial<Readonly<Record<TaskStateName, StageSizing>>>;
  /** POWERTOOLS_LOG_LEVEL of every stage. @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** OpenSearch Serverless collection name. @default 'docpipe' */
  readonly searchCollectionName?: string;
  /** Standby replicas for the collection (off halves its floor cost; trials only). @default true */
  readonly searchStandbyReplicas?: boolean;
}

const OPENSEARCH_INDEX = 'documents';

/** Checks the settings the stages will read with the stages' own rules, so a bad one fails the synth, not a cold start. */
function validateAdapterSettings(props: DocpipeStackProps, bedrockModelId: string): void {
  loadAwsAdapterSettings({
    DOCPIPE_SUMMARISER: 'bedrock',
    DOCPIPE_BEDROCK_MODEL_ID: bedrockModelId,
    DOCPIPE_CLASSIFIER_ENDPOINT_ARN: props.classifierEndpointArn,
    DOCPIPE_OPENSEARCH_INDEX: OPENSEARCH_INDEX,
  });
  const concurrency = props.textractConcurrency;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new ConfigurationError(`textractConcurrency ${concurrency} must be a whole number of at least 1`);
  }
}

/**
 * docpipe on AWS: uploads start the state machine of statemachine/pipeline.asl.json through EventBridge; one Lambda per
 * Task state runs the stage code; records go to DynamoDB, derived text to S3 and the redacted text and summaries to
 * an OpenSearch Serverless collection; a dashboard and alarms watch it.
 */
export class DocpipeStack extends Stack {
  public readonly buckets: DocumentBuckets;
  public readonly records: RecordsTable;
  public readonly search: SearchCollection;
  public readonly stages: Readonly<Record<TaskStateName, StageFunction>>;
  public readonly pipeline: PipelineStateMachine;
  public readonly trigger: UploadTrigger;
  public readonly monitoring: PipelineMonitoring;

  constructor(scope: Construct, id: string, props: DocpipeStackProps = {}) {
    super(scope, id, props);
    const bedrockModelId = props.bedrockModelId ?? DEFAULT_BEDROCK_MODEL_ID;
    validateAdapterSettings(props, bedrockModelId);
    const bedrockModel = parseBedrockModelId(bedrockModelId);
    const adapters = deploymentAdapters({ classifierEndpointArn: props.classifierEndpointArn });
    const definition = readDefinitionTemplate();
    const stateTimeouts = taskTimeouts(definition);

    const key = new DataKey(this, 'DataKey').key;
    this.buckets = new DocumentBuckets(this, 'Buckets', { key });
    this.records = new RecordsTable(this, 'Records', { key });
    this.search = new SearchCollection(this, 'Search', {
      collectionName: props.searchCollectionName,
      indexName: OPENSEARCH_INDEX,
      standbyReplicas: props.searchStandbyReplicas,
    });

    const stages: Partial<Record<TaskStateName, StageFunction>> = {};
    const functions: Record<string, IFunction> = {};
    for (const state of TASK_STATE_NAMES) {
      const profile = STAGE_PROFILES[state];
      const sizing = props.stageSizing?.[state];
      const timeout = sizing?.timeout ?? Duration.seconds(profile.timeoutSeconds);
      const stateTimeout = stateTimeouts.get(state);
      if (stateTimeout !== undefined && timeout.toSeconds() >= stateTimeout) {
        throw new ConfigurationError(
          `The ${state} stage's timeout (${timeout.toSeconds()} s) must be shorter than its Task state's TimeoutSeconds (${stateTimeout} s), so the function ends and reports first`,
        );
      }
      const callsTextract = profile.ports.includes('textExtractor') && adapters.textExtractor === 'aws';
      const stage = new StageFunction(this, `${state}Stage`, {
        stage: state,
        entry: stageEntry(state),
        bundle: stageBundleSpec(profile.ports, adapters),
        environment: stageEnvironment(profile.ports, adapters, {
          tableName: this.records.table.tableName,
          derivedBucket: this.buckets.derived.bucketName,
          bedrockModelId,
          classifierEndpointArn: props.classifierEndpointArn,
          openSearchEndpoint: this.search.endpoint,
          openSearchIndex: this.search.indexName,
        }),
        memorySize: sizing?.memorySize ?? profile.memorySize,
        timeout,
        reservedConcurrentExecutions: callsTextract ? (props.textractConcurrency ?? 5) : undefined,
        logLevel: props.logLevel,
      });
      grantStageAccess(stage.role, profile, adapters, {
        uploads: this.buckets.uploads,
        derived: this.buckets.derived,
        table: this.records.table,
        search: this.search,
        bedrockModel,
        classifierEndpointArn: props.classifierEndpointArn,
      });
      stages[state] = stage;
      functions[placeholderFor(state)] = stage.lambda;
    }
    this.stages = stages as Record<TaskStateName, StageFunction>;

    this.pipeline = new PipelineStateMachine(this, 'Pipeline', { definition, functions });
    this.trigger = new UploadTrigger(this, 'UploadTrigger', {
      bucket: this.buckets.uploads,
      stateMachine: this.pipeline.stateMachine,
      key,
      keyPrefix: props.uploadPrefix,
    });
    this.monitoring = new PipelineMonitoring(this, 'Monitoring', {
      stateMachine: this.pipeline.stateMachine,
      stages: Object.fromEntries(Object.entries(this.stages).map(([state, stage]) => [state, stage.lambda])),
      deadLetterQueue: this.trigger.deadLetterQueue,
      extraAlarms: [this.trigger.deadLetterAlarm],
      key,
      alarmEmail: props.alarmEmail,
    });

    new CfnOutput(this, 'UploadBucketName', {
      description: 'Drop documents here (aws s3 cp FILE s3://BUCKET/PREFIX)',
      value: this.buckets.uploads.bucketName,
    });
    new CfnOutput(this, 'StateMachineConsoleUrl', {
      description: 'Executions in the Step Functions console',
      value: `https://${this.region}.console.aws.amazon.com/states/home?region=${this.region}#/statemachines/view/${this.pipeline.stateMachine.stateMachineArn}`,
    });
    new CfnOutput(this, 'SearchEndpoint', { description: 'OpenSearch Serverless collection endpoint', value: this.search.endpoint });
    new CfnOutput(this, 'SearchIndexName', { description: 'Index holding redacted text and summaries', value: this.search.indexName });
    new CfnOutput(this, 'SearchReaderRoleArn', { description: 'Assume to search the index (read only)', value: this.search.readerRole.roleArn });
    new CfnOutput(this, 'RecordsTableName', { description: 'DynamoDB table of document and upload records', value: this.records.table.tableName });
    new CfnOutput(this, 'DerivedBucketName', { description: 'Page texts, redacted text and summaries', value: this.buckets.derived.bucketName });

  }
}
