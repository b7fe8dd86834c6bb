import { readFileSync } from 'node:fs';
import { storedPagesSchema } from '../../shared/contracts/stages.js';
import type { SearchIndex } from '../../shared/ports/search-index.js';
import { LOCAL_NAMES } from '../../local/paths.js';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';
import { ALL_PII, leaksIn, PII_LEAK_CASES as CASES } from './pii-leak-cases.js';

/** Every text the pipeline produced for people to read: index hits aside, the summaries, key points and redacted texts. */
async function producedTexts(test: TestRuntime): Promise<string[]> {
  const documents = await test.records.listDocuments();
  const redacted = await Promise.all(
    documents.map(async (d) => {
      const stored = await test.runtime.deps.objects.readJson({ bucket: LOCAL_NAMES.derivedBucket, key: d.redactedTextKey ?? '' }, storedPagesSchema);
      return stored.pages.map((page) => page.text).join('\n');
    }),
  );
  return [...documents.map((d) => [d.summary ?? '', ...(d.keyPoints ?? [])].join('\n')), ...redacted];
}

describe('PII never leaks out of the pipeline', () => {
  let test: TestRuntime;
  let index: SearchIndex;
  beforeAll(async () => {
    test = await startTestRuntime();
    index = await test.runtime.deps.searchIndex();
    for (const leakCase of CASES) {
      const upload = await test.upload(leakCase.key, await leakCase.body());
      if (upload.status !== 'SUCCEEDED') throw new Error(`${leakCase.key} ended ${upload.status}: ${upload.reason ?? ''}`);
    }
  }, 300_000);
  afterAll(() => test.stop());

  it('finds none of the PII values in the search index', async () => {
    const found: string[] = [];
    for (const value of ALL_PII) if ((await index.search({ text: value })).total > 0) found.push(value);

    expect(found).toEqual([]);
  });

  it('keeps every PII value out of the summaries, key points and redacted texts', async () => {
    const texts = await producedTexts(test);

    expect(texts).toHaveLength(CASES.length * 2);
    expect(texts.flatMap((text) => leaksIn(text))).toEqual([]);
  });

  it('writes none of the PII values to the log', () => {
    const log = readFileSync(test.runtime.paths.logFile, 'utf8');

    expect(log.length).toBeGreaterThan(0);
    expect(leaksIn(log, ALL_PII)).toEqual([]);
  });
});
