import { readFileSync } from 'node:fs';
import { BAD_INPUT_CASES } from '../../fixtures/bad/cases.js';
import { describeOutcomes, runBadInputCorpus, type BadInputCorpusResult } from '../../fixtures/bad/run-corpus.js';
import { startTestRuntime } from '../helpers/runtime.js';

/** Valid documents uploaded alongside the corpus: they must come through untouched. */
const VALID_FIXTURES = ['report-2.txt', 'invoice-1.pdf', 'memo-1.pdf'];

/** Every bad input ends with a record that says, in plain words, what is wrong; everything else keeps flowing. */
describe('the bad-input corpus', () => {
  let result: BadInputCorpusResult;

  beforeAll(async () => {
    result = await runBadInputCorpus(
      (settings) => startTestRuntime({ env: { ...settings } }),
      {
        alongside: VALID_FIXTURES.map((file) => ({
          key: `valid/${file}`,
          body: readFileSync(new URL(`../../fixtures/documents/${file}`, import.meta.url)),
        })),
      },
    );
    process.stdout.write(
      `${describeOutcomes(result.outcomes).join('\n')}\n${result.documentsIn} documents in, records out ` +
        `${JSON.stringify(result.recordsOut)}, ${result.failures.length} unexpected; ` +
        `wall ${(result.wallMs / 1000).toFixed(1)} s, CPU ${(result.cpuMs / 1000).toFixed(1)} s\n`,
    );
  }, 600_000);

  it('has at least 20 kinds of bad input', () => {
    expect(new Set(BAD_INPUT_CASES.map((testCase) => testCase.kind)).size).toBeGreaterThanOrEqual(20);
  });

  it.each(BAD_INPUT_CASES.map((testCase) => [testCase.kind, testCase] as const))('%s ends as expected', (_kind, testCase) => {
    const outcome = result.outcomes.find((candidate) => candidate.testCase === testCase);

    expect(outcome?.record.status).toBe(testCase.expectedStatus);
    expect(outcome?.record.key).toBe(testCase.key);
    if (testCase.expectedStatus === 'SUCCEEDED') expect(outcome?.note ?? '').toContain(testCase.reasonIncludes);
    else expect(outcome?.record.reason).toContain(testCase.reasonIncludes);
  });

  it('gives reasons a person can read: no stack traces, no unknown errors', () => {
    const reasons = result.outcomes.map((outcome) => outcome.record.reason ?? '').filter((reason) => reason !== '');

    for (const reason of reasons) {
      expect(reason).not.toMatch(/\n\s+at |Unknown error|undefined|\[object|TypeError|RangeError/);
      expect(reason.length).toBeLessThan(400);
    }
  });

  it('processes the valid documents uploaded alongside', () => {
    expect(result.documentsIn).toBe(BAD_INPUT_CASES.length + VALID_FIXTURES.length);
    const succeeded = BAD_INPUT_CASES.filter((testCase) => testCase.expectedStatus === 'SUCCEEDED').length;
    expect(result.recordsOut.SUCCEEDED).toBe(succeeded + VALID_FIXTURES.length);
    expect(result.failures).toEqual([]);
  });
});
