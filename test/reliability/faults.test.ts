import { readFileSync } from 'node:fs';
import { loadStageConfig } from '../../shared/config.js';
import { ConfigurationError } from '../../shared/errors.js';
import { FaultInjector } from '../../shared/faults/fault-injector.js';
import { parseFaultRules } from '../../shared/faults/fault-rules.js';
import { silentLog } from '../../shared/log.js';
import type { UploadRecord } from '../../shared/records/types.js';
import type { ExecutionRecord } from '../../local/execution-store.js';
import { throttlingMaxAttempts } from '../helpers/definition.js';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';

const NOTES = [
  'Board memo. The finance committee approved the spring budget for the greenhouse and the new irrigation pumps.',
  'Maintenance report. The north conveyor belt was replaced on Tuesday and the line restarted within two hours.',
  'Meeting notes. The design review moved to Thursday; the team will present three layouts for the lobby.',
  'Policy update. Visitors sign in at the front desk and wear a badge while they are inside the building.',
  'Quarterly summary. Orders rose eleven percent and the warehouse shipped every order within two days.',
  'Training plan. New staff shadow a senior technician for two weeks before they work a shift alone.',
];

async function uploadAll(test: TestRuntime): Promise<UploadRecord[]> {
  return Promise.all(NOTES.map((text, i) => test.upload(`notes/note-${i + 1}.txt`, text)));
}

function executionsOf(test: TestRuntime): ExecutionRecord[] {
  return test.runtime.executions
    .list()
    .map((summary) => test.runtime.executions.get(summary.name))
    .filter((record): record is ExecutionRecord => record !== undefined);
}

function retriesIn(executions: readonly ExecutionRecord[], stateName?: string): number {
  return executions.flatMap((e) => e.history).filter((e) => e.type === 'StateRetried' && (stateName === undefined || e.stateName === stateName)).length;
}

function injectedFaultLines(test: TestRuntime): number {
  return readFileSync(test.runtime.paths.logFile, 'utf8').split('\n').filter((line) => line.includes('"message":"Fault injected"')).length;
}

describe('DOCPIPE_FAULTS syntax', () => {
  it('reads ports, kinds, rates and an optional streak limit, with the documented aliases', () => {
    const rules = parseFaultRules('extract:throttle:0.3, redact:transient:0.5:4,search:permanent:1');

    expect(rules).toEqual([
      { port: 'extract', kind: 'throttle', rate: 0.3, maxInARow: 2 },
      { port: 'pii', kind: 'transient', rate: 0.5, maxInARow: 4 },
      { port: 'index', kind: 'error', rate: 1, maxInARow: 2 },
    ]);
  });

  it('fails the configuration at start-up, naming the setting and the bad part', () => {
    const base = { DOCPIPE_TABLE_NAME: 't', DOCPIPE_DERIVED_BUCKET: 'b' };

    expect(() => loadStageConfig({ ...base, DOCPIPE_FAULTS: 'ocr:throttle:0.3' })).toThrow(ConfigurationError);
    expect(() => loadStageConfig({ ...base, DOCPIPE_FAULTS: 'ocr:throttle:0.3' })).toThrow(/DOCPIPE_FAULTS: .*unknown port "ocr"/);
    expect(() => loadStageConfig({ ...base, DOCPIPE_FAULTS: 'extract:throttle:1.5' })).toThrow(/rate "1.5" must be a number from 0 to 1/);
    expect(() => loadStageConfig({ ...base, DOCPIPE_FAULTS: 'extract:slow:0.5' })).toThrow(/unknown kind "slow"/);
    expect(() => loadStageConfig({ ...base, DOCPIPE_FAULTS: 'extract:throttle' })).toThrow(/does not read <port>:<kind>:<rate>/);
  });

  it('makes the same decisions for the same seed, and others for another seed', () => {
    const decide = (seed: string): boolean[] => {
      const injector = new FaultInjector({ rules: parseFaultRules('classify:transient:0.5:1'), seed }, silentLog);
      return Array.from({ length: 40 }, (_, i) => {
        try {
          injector.beforeCall('classify', `call-${i}`);
          return false;
        } catch {
          return true;
        }
      });
    };

    expect(decide('alpha')).toEqual(decide('alpha'));
    expect(decide('alpha')).not.toEqual(decide('beta'));
  });

  it('never fails one call more times in a row than the rule allows', () => {
    const injector = new FaultInjector({ rules: parseFaultRules('summarise:throttle:1:3'), seed: 's' }, silentLog);
    const outcomes = Array.from({ length: 5 }, () => {
      try {
        injector.beforeCall('summarise', 'same call');
        return 'passed';
      } catch (error) {
        return error instanceof Error ? error.name : 'other';
      }
    });

    expect(outcomes).toEqual(['ThrottlingError', 'ThrottlingError', 'ThrottlingError', 'passed', 'ThrottlingError']);
  });
});

describe('fault injection into the embedded adapters', () => {
  it('retries transient and throttling faults on every port, and every document succeeds', async () => {
    const test = await startTestRuntime({
      env: {
        DOCPIPE_FAULTS: 'extract:throttle:0.5,classify:transient:0.5,pii:transient:0.4,summarise:transient:0.5,index:throttle:0.5',
        DOCPIPE_FAULTS_SEED: 'transient-test',
      },
    });
    try {
      const uploads = await uploadAll(test);

      expect(uploads.map((u) => u.status)).toEqual(NOTES.map(() => 'SUCCEEDED'));
      const executions = executionsOf(test);
      const injected = Object.values(test.runtime.deps.faults.injected()).reduce((sum, n) => sum + n, 0);
      expect(injected).toBeGreaterThan(0);
      // Each injected fault fails one attempt of one Task state, which the state machine retries once.
      expect(retriesIn(executions)).toBe(injected);
      expect(injectedFaultLines(test)).toBe(injected);
      expect(executions.every((e) => e.status === 'SUCCEEDED')).toBe(true);
    } finally {
      await test.stop();
    }
  });

  it('ends every document FAILED with the cause when a port fails permanently, without retrying it', async () => {
    const test = await startTestRuntime({ env: { DOCPIPE_FAULTS: 'summarise:error:1' } });
    try {
      const uploads = await uploadAll(test);

      expect(uploads.map((u) => u.status)).toEqual(NOTES.map(() => 'FAILED'));
      expect(uploads.every((u) => u.error === 'InjectedFaultError' && u.reason === 'Injected permanent fault in summarise (DOCPIPE_FAULTS)')).toBe(true);
      const documents = await test.records.listDocuments();
      expect(documents.map((d) => d.status)).toEqual(NOTES.map(() => 'FAILED'));
      expect(retriesIn(executionsOf(test), 'Summarise')).toBe(0);
      expect((await test.records.listUploads()).filter((u) => u.status === 'PROCESSING')).toEqual([]);
    } finally {
      await test.stop();
    }
  });

  it('fails a document, saying retries ran out, when throttling outlasts the retry budget', async () => {
    const budget = throttlingMaxAttempts('Classify');
    const test = await startTestRuntime({ env: { DOCPIPE_FAULTS: `classify:throttle:1:${budget + 5}` } });
    try {
      const upload = await test.upload('notes/throttled.txt', NOTES[0] ?? '');

      expect(upload.status).toBe('FAILED');
      expect(upload.reason).toMatch(/kept throttling requests and retries ran out/);
      expect(retriesIn(executionsOf(test), 'Classify')).toBe(budget);
    } finally {
      await test.stop();
    }
  });
});
