import { ThrottlingError, TransientError } from '../errors.js';
import type { Log } from '../log.js';
import { faultDraw } from './fault-draw.js';
import { currentFaultScope } from './fault-scope.js';
import type { FaultKind, FaultPlan, FaultPort, FaultRule } from './fault-rules.js';
import { InjectedFaultError } from './injected-fault-error.js';

export interface InjectedFault {
  readonly port: FaultPort;
  readonly kind: FaultKind;
}

/**
 * Decides, before each port call, whether DOCPIPE_FAULTS makes it fail, and throws the error the rule names.
 * Decisions are drawn from the seed, the port, the call's input and (for retryable faults) how many times in a row
 * that call has just failed, so a run is reproducible. A permanent fault fails the same call every time.
 */
export class FaultInjector {
  private readonly streaks = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly plan: FaultPlan,
    private readonly log: Log,
  ) {}

  get active(): boolean {
    return this.plan.rules.length > 0;
  }

  /**
   * Throws the injected error when a rule strikes this call of `port`; `call` fingerprints the call's input. Inside a
   * Task state's scope, retryable faults of one kind strike that Task state at most `maxInARow` times in all; outside
   * one, one call at most `maxInARow` times in a row.
   */
  beforeCall(port: FaultPort, call: string): void {
    const scope = currentFaultScope();
    this.plan.rules.forEach((rule, index) => {
      if (rule.port === port && this.strikes(rule, index, call, scope)) this.fail(rule);
    });
    if (scope !== undefined) return;
    // The call goes through: every streak of failures it was on is over.
    this.plan.rules.forEach((rule, index) => {
      if (rule.port === port) this.streaks.delete(`${index}\u0000${call}`);
    });
  }

  /** Forgets a Task state's fault count once it has succeeded. */
  endScope(scope: string): void {
    for (const key of this.streaks.keys()) if (key.startsWith(`${scope}\u0000`)) this.streaks.delete(key);
  }

  /** Faults injected so far, by port and kind. */
  injected(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.counts);
  }

  private strikes(rule: FaultRule, index: number, call: string, scope: string | undefined): boolean {
    if (rule.kind === 'error') return faultDraw(this.plan.seed, index, rule.port, rule.kind, call) < rule.rate;
    const key = scope === undefined ? `${index}\u0000${call}` : `${scope}\u0000${rule.kind}`;
    const streak = this.streaks.get(key) ?? 0;
    if (streak >= rule.maxInARow || faultDraw(this.plan.seed, index, rule.port, rule.kind, call, streak) >= rule.rate) return false;
    this.streaks.set(key, streak + 1);
    return true;
  }

  private fail(rule: FaultRule): never {
    const countKey = `${rule.port}:${rule.kind}`;
    this.counts.set(countKey, (this.counts.get(countKey) ?? 0) + 1);
    this.log.warn('Fault injected', { port: rule.port, kind: rule.kind });
    const where = `in ${rule.port} (DOCPIPE_FAULTS)`;
    if (rule.kind === 'throttle') throw new ThrottlingError(`Injected throttling ${where}`);
    if (rule.kind === 'transient') throw new TransientError(`Injected transient fault ${where}`);
    throw new InjectedFaultError(`Injected permanent fault ${where}`);
  }
}

