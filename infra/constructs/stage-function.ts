import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ConfigurationError } from '../../shared/errors.js';
import { stageCode } from '../bundling/cdk-bundling.js';
import type { StageBundleSpec } from '../bundling/stage-bundle.js';
import { acknowledge } from '../nag/findings.js';
import { REPO_ROOT } from '../repo-root.js';

/** The Lambda runtime of every stage (the bundle targets the same Node.js major, LAMBDA_NODE_MAJOR). */
export const STAGE_RUNTIME = Runtime.NODEJS_22_X;

export type PowertoolsLogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface StageFunctionProps {
  /** The Task state the function runs, e.g. `ExtractText`. */
  readonly stage: string;
  /** The Lambda entry (a `handler.ts` exporting `handler`). */
  readonly entry: string;
  /** How the bundle is built (see infra/bundling/stage-bundle.ts). */
  readonly bundle: StageBundleSpec;
  /** Settings beyond the Powertools ones. @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /** Memory in MB, 128 to 10240. @default 512 */
  readonly memorySize?: number;
  /** At most 15 minutes. @default Duration.seconds(60) */
  readonly timeout?: Duration;
  /**
   * Concurrent executions reserved for (and so the most allowed to) this function; a burst beyond it is throttled,
   * and the state machine retries throttled invocations with backoff.
   * @default - none: the function shares the account's unreserved concurrency
   */
  readonly reservedConcurrentExecutions?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** POWERTOOLS_LOG_LEVEL. @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** What happens to the log group when the stack is deleted. @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** The project bundled from. @default the repository root */
  readonly projectRoot?: string;
}

function validate(props: StageFunctionProps): void {
  const problems: string[] = [];
  const { memorySize, timeout, reservedConcurrentExecutions } = props;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(props.stage)) problems.push(`stage "${props.stage}" must be a Task state name`);
  if (memorySize !== undefined && !(Number.isInteger(memorySize) && memorySize >= 128 && memorySize <= 10_240)) {
    problems.push(`memorySize ${memorySize} must be a whole number of MB from 128 to 10240`);
  }
  if (timeout !== undefined && !Token.isUnresolved(timeout.toSeconds())) {
    const seconds = timeout.toSeconds();
    if (seconds < 1 || seconds > 900) problems.push(`timeout ${seconds} s must be from 1 to 900 seconds`);
  }
  if (reservedConcurrentExecutions !== undefined && !(Number.isInteger(reservedConcurrentExecutions) && reservedConcurrentExecutions >= 1)) {
    problems.push(`reservedConcurrentExecutions ${reservedConcurrentExecutions} must be a whole number of at least 1`);
  }
  if (problems.length > 0) throw new ConfigurationError(`StageFunction ${props.stage}: ${problems.join('; ')}`);
}

/**
 * The house Lambda for a stage: Node.js 22 on ARM64, bundled locally by esbuild as ES modules (`index.mjs` and the
 * chunks it loads, see infra/bundling/cdk-bundling.ts), X-Ray tracing, its own log group with retention, Powertools
 * settings, and a role that starts with nothing but writing to that log group (callers grant the rest with grant*()
 * helpers).
 */
export class StageFunction extends Construct {
  public readonly lambda: LambdaFunction;
  public readonly role: Role;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: StageFunctionProps) {
    super(scope, id);
    validate(props);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `docpipe ${props.stage} stage`,
    });
    this.logGroup.grantWrite(this.role);

    const projectRoot = props.projectRoot ?? REPO_ROOT;
    this.lambda = new LambdaFunction(this, 'Function', {
      description: `docpipe ${props.stage}: the ${props.stage} Task state of statemachine/pipeline.asl.json`,
      code: stageCode(props.bundle, props.entry, projectRoot),
      handler: `${props.bundle.outputFile.replace(/\.mjs$/, '')}.handler`,
      runtime: STAGE_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(60),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'docpipe',
        POWERTOOLS_METRICS_NAMESPACE: 'docpipe',
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        ...props.environment,
      },
    });

    acknowledge(this, {
      'AwsSolutions-L1': `Pinned to ${STAGE_RUNTIME.name}, a supported runtime, so the bundle's esbuild target and the Node.js it runs on move together when it is raised on purpose.`,
      'AwsSolutions-IAM5[Resource::*]': 'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords accept only the "*" resource.',
    });
  }
}
