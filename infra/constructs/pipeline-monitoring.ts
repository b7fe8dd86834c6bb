import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ConfigurationError } from '../../shared/errors.js';

export interface PipelineMonitoringProps {
  readonly stateMachine: IStateMachine;
  /** Each stage's function, by Task state name. */
  readonly stages: Readonly<Record<string, IFunction>>;
  readonly deadLetterQueue: IQueue;
  /** Alarms made elsewhere that should notify too (e.g. the dead-letter queue's). @default - none */
  readonly extraAlarms?: readonly Alarm[];
  /** Encrypts the alarm topic. */
  readonly key: IKey;
  /** Subscribed to the alarm topic (the address must confirm the subscription). @default - no subscription */
  readonly alarmEmail?: string;
  /** @default the stack's name */
  readonly dashboardName?: string;
}

const FIVE_MINUTES = Duration.minutes(5);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** One metric whose value is the sum of several (`m0 + m1 + ...`). */
function sumOf(label: string, metrics: readonly IMetric[]): MathExpression {
  const usingMetrics = Object.fromEntries(metrics.map((metric, i) => [`m${i}`, metric]));
  return new MathExpression({ expression: Object.keys(usingMetrics).join(' + ') || '0', usingMetrics, label, period: FIVE_MINUTES });
}

/**
 * A dashboard of executions (started, succeeded, failed, duration), each stage's errors and throttles and the
 * dead-letter queue's depth; alarms on failed executions, throttling (executions or stages) and dead letters, all
 * notifying an encrypted, TLS-only topic.
 */
export class PipelineMonitoring extends Construct {
  public readonly dashboard: Dashboard;
  public readonly alarmTopic: Topic;
  public readonly failedExecutionsAlarm: Alarm;
  public readonly throttlingAlarm: Alarm;

  constructor(scope: Construct, id: string, props: PipelineMonitoringProps) {
    super(scope, id);
    if (props.alarmEmail !== undefined && !EMAIL.test(props.alarmEmail)) {
      throw new ConfigurationError(`PipelineMonitoring: alarmEmail "${props.alarmEmail}" is not an email address`);
    }
    const { stateMachine } = props;
    const stages = Object.entries(props.stages);

    this.alarmTopic = new Topic(this, 'Alarms', { displayName: 'docpipe alarms', masterKey: props.key, enforceSSL: true });
    if (props.alarmEmail !== undefined) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const notify = new SnsAction(this.alarmTopic);

    this.failedExecutionsAlarm = new Alarm(this, 'FailedExecutions', {
      alarmDescription: 'docpipe: executions failed, timed out or were aborted (each failed document has a record saying why)',
      metric: sumOf('Failed, timed out or aborted executions', [
        stateMachine.metricFailed({ period: FIVE_MINUTES }),
        stateMachine.metricTimedOut({ period: FIVE_MINUTES }),
        stateMachine.metricAborted({ period: FIVE_MINUTES }),
      ]),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const stageThrottles = stages.map(([, fn]) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }));
    this.throttlingAlarm = new Alarm(this, 'Throttling', {
      alarmDescription: 'docpipe: executions or stage invocations were throttled (sustained throttling delays documents until retries run out)',
      metric: sumOf('Throttled executions and stage invocations', [stateMachine.metricThrottled({ period: FIVE_MINUTES }), ...stageThrottles]),
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    for (const alarm of [this.failedExecutionsAlarm, this.throttlingAlarm, ...(props.extraAlarms ?? [])]) alarm.addAlarmAction(notify);

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName ?? Stack.of(this).stackName });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Executions',
        width: 12,
        left: [
          stateMachine.metricStarted({ period: FIVE_MINUTES }),
          stateMachine.metricSucceeded({ period: FIVE_MINUTES }),
          stateMachine.metricFailed({ period: FIVE_MINUTES }),
          stateMachine.metricTimedOut({ period: FIVE_MINUTES }),
        ],
      }),
      new GraphWidget({
        title: 'Execution duration (ms)',
        width: 12,
        left: [stateMachine.metricTime({ period: FIVE_MINUTES, statistic: 'p50' }), stateMachine.metricTime({ period: FIVE_MINUTES, statistic: 'p99' })],
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Stage errors',
        width: 8,
        left: stages.map(([stage, fn]) => fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: stage })),
      }),
      new GraphWidget({
        title: 'Stage throttles',
        width: 8,
        left: stages.map(([stage, fn]) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum', label: stage })),
      }),
      new GraphWidget({
        title: 'Dead-letter queue depth',
        width: 8,
        left: [props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' })],
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Stage duration p99 (ms)',
        width: 24,
        left: stages.map(([stage, fn]) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99', label: stage })),
      }),
    );
  }
}
