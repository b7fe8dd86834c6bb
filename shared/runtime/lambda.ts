import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { awsAdapterOverrides } from '../adapters/aws/select.js';
import { loadAwsAdapterSettings } from '../adapters/aws/aws-settings.js';
import { loadStageConfig } from '../config.js';
import type { Log, LogAttributes } from '../log.js';
import { correlationOf } from './correlation.js';
import { withFaultScope } from './fault-scoped-task.js';
import { buildStageDeps, type StageDeps, type StageStores } from './stage-deps.js';
import type { TaskFunction, TaskStateName } from './task-names.js';

function powertoolsLog(logger: Logger): Log {
  const attrs = (attributes?: LogAttributes): Record<string, unknown> => ({ ...attributes });
  return {
    debug: (message, attributes) => logger.debug(message, attrs(attributes)),
    info: (message, attributes) => logger.info(message, attrs(attributes)),
    warn: (message, attributes) => logger.warn(message, attrs(attributes)),
    error: (message, attributes) => logger.error(message, attrs(attributes)),
  };
}

export interface LambdaHandlerTools {
  readonly logger: Logger;
  readonly tracer: Tracer;
  readonly metrics: Metrics;
}

/** What a stage's handler module hands createLambdaHandler: its stage's function and the stores it uses. */
export interface LambdaStage {
  readonly state: TaskStateName;
  readonly task: (deps: StageDeps) => TaskFunction;
  /** Only the stores the stage uses, so its bundle holds only their SDK clients. */
  readonly stores: StageStores;
}

/**
 * A stage's Lambda entry: configuration is read and validated once at cold start (failing fast with the variable's
 * name), clients are created once and captured by X-Ray, and each invocation runs the stage's task function with the
 * document's correlation ids on every log line, a subsegment per stage, and success / failure / duration metrics.
 * Log lines carry ids, counts and error names: never document text, summaries or PII.
 */
export function createLambdaHandler({ state: stage, task: stageTask, stores }: LambdaStage, tools?: Partial<LambdaHandlerTools>): TaskFunction {
  const logger = tools?.logger ?? new Logger({ serviceName: 'docpipe', persistentKeys: { stage } });
  const tracer = tools?.tracer ?? new Tracer({ serviceName: 'docpipe' });
  const metrics = tools?.metrics ?? new Metrics({ namespace: 'docpipe', serviceName: 'docpipe' });
  const deps = buildStageDeps(loadStageConfig(), powertoolsLog(logger), awsAdapterOverrides(loadAwsAdapterSettings(), {
    instrument: (client) => tracer.captureAWSv3Client(client),
  }), { instrument: (client) => tracer.captureAWSv3Client(client), stores });
  const task = withFaultScope(stage, stageTask(deps), deps);

  return async (event) => {
    const correlation = correlationOf(event);
    logger.appendKeys({ ...correlation });
    // Lambda's own segment takes no annotations: the stage's work is a subsegment of it, annotated with the stage and
    // document, so X-Ray can find every invocation that touched a document.
    const segment = tracer.getSegment();
    const subsegment = segment?.addNewSubsegment(`## ${stage}`);
    if (subsegment) tracer.setSegment(subsegment);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    tracer.putAnnotation('stage', stage);
    if (correlation.documentId) tracer.putAnnotation('documentId', correlation.documentId);
    const started = Date.now();
    try {
      const output = await task(event);
      metrics.addMetric(`${stage}Succeeded`, MetricUnit.Count, 1);
      return output;
    } catch (error) {
      const name = error instanceof Error ? error.name : 'UnknownError';
      metrics.addMetric(`${stage}Failed`, MetricUnit.Count, 1);
      if (name === 'ThrottlingError') metrics.addMetric('Throttled', MetricUnit.Count, 1);
      // The error's name is what the state machine's Retry and Catch match on; messages never hold document text.
      logger.error('Stage failed', { errorName: name });
      if (error instanceof Error) tracer.addErrorAsMetadata(error);
      throw error;
    } finally {
      if (segment && subsegment) {
        subsegment.close();
        tracer.setSegment(segment);
      }
      metrics.addMetric(`${stage}Duration`, MetricUnit.Milliseconds, Date.now() - started);
      metrics.publishStoredMetrics();
      logger.removeKeys(Object.keys(correlation));
    }
  };
}
