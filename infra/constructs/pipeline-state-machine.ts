import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ConfigurationError } from '../../shared/errors.js';
import { acknowledge, wildcardResource } from '../nag/findings.js';

export interface PipelineStateMachineProps {
  /** The definition with its `${Name}` placeholders (statemachine/pipeline.asl.json). */
  readonly definition: string;
  /** The function behind each placeholder, e.g. `IngestFunctionArn` → the Ingest stage. */
  readonly functions: Readonly<Record<string, IFunction>>;
  /** @default RetentionDays.THREE_MONTHS */
  readonly logRetention?: RetentionDays;
  /** What happens to the execution log group when the stack is deleted. @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/** Every `${Name}` placeholder in a definition. */
export function definitionPlaceholders(definition: string): string[] {
  return [...new Set([...definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] ?? ''))];
}

/**
 * The pipeline as a Standard workflow, from the one definition file: each placeholder is a definition substitution
 * with its stage function's ARN. Execution history goes to a log group at level ALL without execution data (inputs
 * and outputs name documents, and errors may quote them), with X-Ray tracing.
 */
export class PipelineStateMachine extends Construct {
  public readonly stateMachine: StateMachine;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: PipelineStateMachineProps) {
    super(scope, id);
    const placeholders = definitionPlaceholders(props.definition);
    const missing = placeholders.filter((name) => props.functions[name] === undefined);
    const unused = Object.keys(props.functions).filter((name) => !placeholders.includes(name));
    if (missing.length > 0 || unused.length > 0) {
      throw new ConfigurationError(
        `PipelineStateMachine: the definition's placeholders and the functions differ (no function for: ${missing.join(', ') || 'none'}; not in the definition: ${unused.join(', ') || 'none'})`,
      );
    }

    this.logGroup = new LogGroup(this, 'Executions', {
      // Under /aws/vendedlogs/, Step Functions log delivery needs no growing CloudWatch Logs resource policy.
      logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-${id}`,
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'docpipe: extract, classify, redact, summarise, store',
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(props.definition),
      definitionSubstitutions: Object.fromEntries(placeholders.map((name) => [name, props.functions[name]?.functionArn ?? ''])),
      logs: { destination: this.logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    for (const fn of Object.values(props.functions)) fn.grantInvoke(this.stateMachine);

    acknowledge(this.stateMachine.role, {
      'AwsSolutions-IAM5[Resource::*]':
        'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) and Step Functions log delivery to CloudWatch Logs (logs:CreateLogDelivery and the other vended-log actions) accept only the "*" resource.',
      ...Object.fromEntries(
        Object.entries(props.functions).map(([placeholder, fn]) => [
          wildcardResource(this, `${fn.functionArn}:*`),
          `grantInvoke() covers the versions and aliases (ARN:*) of the one stage function behind \${${placeholder}}, and no other function.`,
        ]),
      ),
    });
  }
}
