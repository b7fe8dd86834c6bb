import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreOcrText } from '../../shared/evaluation/ocr-metrics.js';
import { rouge } from '../../shared/evaluation/rouge.js';
import { docpipe } from '../helpers/cli.js';

function jsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}

const jsonl = (rows: readonly object[]): string => `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;

interface Report<M> {
  task: string;
  samples: number;
  adapter: { adapter: string; providers: string };
  timing: { wallSeconds: number; cpuSeconds: number };
  metrics: M;
}

describe('docpipe eval', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'docpipe-eval-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores PII detection token by token and writes each sample’s detected spans in input order', async () => {
    // Prepare
    const text = 'Please write to jane.doe@example.com about the order.';
    const start = text.indexOf('jane');
    writeFileSync(
      join(dir, 'pii.jsonl'),
      jsonl([
        { text, entities: [{ type: 'EMAIL', start, end: start + 'jane.doe@example.com'.length }] },
        { text: 'The weather was mild.', entities: [] },
      ]),
    );
    // Act
    const result = await docpipe(['eval', 'pii', '--json', '--data', join(dir, 'pii.jsonl'), '--predictions', join(dir, 'pii.out.jsonl')]);
    // Assess
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report<{ overall: { goldTokens: number; recall: number }; perType: Record<string, { recall: number }> }>;
    expect(report).toMatchObject({ task: 'pii', samples: 2, adapter: { adapter: 'embedded', providers: 'embedded' } });
    expect(report.metrics.overall).toMatchObject({ goldTokens: 4, recall: 1 });
    expect(report.metrics.perType.EMAIL?.recall).toBe(1);
    const predictions = jsonLines<{ entities: { type: string; start: number; end: number }[] }>(join(dir, 'pii.out.jsonl'));
    expect(predictions).toHaveLength(2);
    expect(predictions[0]?.entities).toContainEqual({ type: 'EMAIL', start, end: start + 'jane.doe@example.com'.length });
    expect(predictions[1]?.entities).toEqual([]);
  });

  it('trains the embedded classifier on one split, tests on another and reports what its predictions give', async () => {
    // Prepare
    const topics = {
      invoice: 'invoice amount due payment total remit balance',
      memo: 'memo staff meeting agenda internal note department',
      recipe: 'recipe flour sugar oven bake butter eggs',
    };
    const train = Object.entries(topics).flatMap(([label, words]) =>
      [0, 1, 2, 3].map((i) => ({ text: `${words} ${words.split(' ').reverse().slice(i).join(' ')}`, label })),
    );
    writeFileSync(join(dir, 'train.jsonl'), jsonl(train));
    writeFileSync(
      join(dir, 'test.jsonl'),
      jsonl([
        { id: 'c', text: 'bake the flour and sugar in the oven', label: 'recipe' },
        { id: 'a', text: 'invoice total amount due on payment', label: 'invoice' },
        { id: 'b', text: 'staff meeting agenda memo', label: 'invoice' },
      ]),
    );
    // Act
    const result = await docpipe([
      'eval', 'classify', '--json', '--train', join(dir, 'train.jsonl'), '--data', join(dir, 'test.jsonl'), '--predictions', join(dir, 'classify.out.jsonl'),
    ]);
    // Assess
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report<{ accuracy: number; confusion: { labels: string[] } }> & { training: { samples: number; labels: number } };
    expect(report).toMatchObject({ task: 'classify', samples: 3, training: { samples: 12, labels: 3 } });
    const predictions = jsonLines<{ id: string; label: string }>(join(dir, 'classify.out.jsonl'));
    expect(predictions.map((p) => p.id)).toEqual(['c', 'a', 'b']);
    const gold = ['recipe', 'invoice', 'invoice'];
    const right = predictions.filter((p, i) => p.label === gold[i]).length;
    expect(report.metrics.accuracy).toBeCloseTo(right / 3, 10);
    expect(report.metrics.accuracy).toBeLessThan(1); // the third sample's label is deliberately wrong
  });

  it('scores summaries with ROUGE beside the lead-3 baseline of the same run', async () => {
    // Prepare
    const samples = [
      {
        id: 'tos-1',
        text: 'We collect your email address. We share it with partners. We keep it for ten years. You may ask us to delete it at any time by writing to support.',
        reference: 'They share your email with partners and keep it ten years.',
      },
      {
        id: 'tos-2',
        text: 'The service is provided as is. We may end your account without notice. Disputes go to binding arbitration. You waive class actions.',
        reference: 'Accounts can be closed without notice and disputes go to arbitration.',
      },
    ];
    writeFileSync(join(dir, 'summaries.jsonl'), jsonl(samples));
    // Act
    const result = await docpipe(['eval', 'summarise', '--json', '--data', join(dir, 'summaries.jsonl'), '--predictions', join(dir, 'summaries.out.jsonl')]);
    // Assess
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report<{ summariser: { rougeL: { f1: number } }; lead3: { rougeL: { f1: number } }; rougeLRatio: number }>;
    const predictions = jsonLines<{ id: string; summary: string }>(join(dir, 'summaries.out.jsonl'));
    expect(predictions.map((p) => p.id)).toEqual(['tos-1', 'tos-2']);
    const recomputed = predictions.reduce((sum, p, i) => sum + rouge(p.summary, samples[i]?.reference ?? '').rougeL.f1, 0) / 2;
    expect(report.metrics.summariser.rougeL.f1).toBeCloseTo(recomputed, 10);
    expect(report.metrics.lead3.rougeL.f1).toBeGreaterThan(0);
    expect(report.metrics.rougeLRatio).toBeCloseTo(report.metrics.summariser.rougeL.f1 / report.metrics.lead3.rougeL.f1, 10);
  });

  it('reads a scan with OCR and scores its words against the ground truth beside it', async () => {
    // Prepare
    const folder = join(dir, 'scans');
    mkdirSync(folder);
    copyFileSync('fixtures/documents/receipt-scan-1.png', join(folder, 'receipt.png'));
    const words = 'PAWS\nCLAWS\nPET\nSHOP\nMinneapolis\nSUBTOTAL\nBALANCE\nDUE\nCashier\nKelly\ngiraffe\n';
    writeFileSync(join(folder, 'receipt.words.txt'), words);
    // Act
    const result = await docpipe(['eval', 'ocr', '--json', '--data', folder, '--predictions', join(dir, 'ocr.out.jsonl')]);
    // Assess
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report<{ pages: number; referenceWords: number; wordRecall: number; secondsPerPage: { median: number; p95: number } }>;
    expect(report.metrics).toMatchObject({ pages: 1, referenceWords: 11 });
    const predictions = jsonLines<{ file: string; text: string }>(join(dir, 'ocr.out.jsonl'));
    expect(predictions.map((p) => p.file)).toEqual(['receipt.png']);
    const recomputed = scoreOcrText(words, predictions[0]?.text ?? '');
    expect(report.metrics.wordRecall).toBeCloseTo(recomputed.matchedWords / 11, 10);
    expect(report.metrics.wordRecall).toBeGreaterThan(0.5);
    expect(report.metrics.wordRecall).toBeLessThanOrEqual(10 / 11); // "giraffe" is not on the receipt
    expect(report.metrics.secondsPerPage.median).toBeGreaterThan(0);
  });

  it('prints a readable table without --json', async () => {
    // Act
    const result = await docpipe(['eval', 'pii', '--data', join(dir, 'pii.jsonl')]);
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^eval pii: 2 samples from /);
    expect(result.stdout).toMatch(/OVERALL \(any PII type\)\s+4\s/);
  });

  it('names the file and line of malformed input and exits 2', async () => {
    // Prepare
    writeFileSync(join(dir, 'bad.jsonl'), '{"text":"fine","entities":[]}\n{"text":"no entities"}\n');
    // Act
    const result = await docpipe(['eval', 'pii', '--data', join(dir, 'bad.jsonl')]);
    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'bad.jsonl')}:2: expected {"text": string, "entities"`);
  });

  it('names a scan that has no ground-truth words file', async () => {
    // Prepare
    const folder = join(dir, 'unlabelled');
    mkdirSync(folder);
    copyFileSync('fixtures/documents/memo-scan-1.png', join(folder, 'memo.png'));
    // Act
    const result = await docpipe(['eval', 'ocr', '--data', folder]);
    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(folder, 'memo.png')}: no ground truth beside it (expected memo.words.txt`);
  });
});
