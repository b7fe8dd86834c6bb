import { Logger } from '@aws-lambda-powertools/logger';
import { loadStageConfig } from '../config.js';
import type { Log, LogAttributes } from '../log.js';
import { buildStageDeps } from './stage-deps.js';
import { createTaskFunctions, type TaskFunction, type TaskStateName } from './tasks.js';

function powertoolsLog(logger: Logger): Log {
  const attrs = (attributes?: LogAttributes): Record<string, unknown> => ({ ...attributes });
  return {
    debug: (message, attributes) => logger.debug(message, attrs(attributes)),
    info: (message, attributes) => logger.info(message, attrs(attributes)),
    warn: (message, attributes) => logger.warn(message, attrs(attributes)),
    error: (message, attributes) => logger.error(message, attrs(attributes)),
  };
}

/**
 * A stage's Lambda entry: configuration is read and validated once at cold start (failing fast with the variable's
 * name), clients are created once, and each invocation runs the stage's task function.
 */
export function createLambdaHandler(stage: TaskStateName): TaskFunction {
  const logger = new Logger({ serviceName: 'docpipe', persistentKeys: { stage } });
  const deps = buildStageDeps(loadStageConfig(), powertoolsLog(logger));
  const task = createTaskFunctions(deps)[stage];
  return async (event) => {
    try {
      return await task(event);
    } catch (error) {
      // The error's name is what the state machine's Retry and Catch match on; the message never holds document text.
      logger.error('Stage failed', { error: error instanceof Error ? error.name : 'UnknownError' });
      throw error;
    }
  };
}
