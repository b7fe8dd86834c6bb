import { readFileSync } from 'node:fs';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { fixturePath, loadManifest, type FixtureEntry } from '../../fixtures/manifest.js';
import { SqliteSearchIndex } from '../../shared/adapters/embedded/search-index/index.js';
import { LOCAL_NAMES } from '../../local/paths.js';
import type { DocumentRecord, UploadRecord } from '../../shared/records/types.js';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';

/**
 * End to end: every generated fixture is uploaded into the local bucket and runs through the real state machine with
 * the embedded adapters. Assertions are on the DynamoDB records, the search index and the derived objects.
 */
describe('the local pipeline on the project fixtures', () => {
  const manifest = loadManifest();
  let t: TestRuntime;
  const outcomes = new Map<string, { upload: UploadRecord; document: DocumentRecord | undefined }>();
  let index: SqliteSearchIndex;

  beforeAll(async () => {
    t = await startTestRuntime();
    await Promise.all(
      manifest.map(async (entry) => {
        const upload = await t.upload(keyOf(entry), readFileSync(fixturePath(entry)));
        const document = upload.documentId ? await t.records.getDocument(upload.documentId) : undefined;
        outcomes.set(entry.file, { upload, document });
      }),
    );
    index = new SqliteSearchIndex({ path: t.runtime.paths.searchIndex });
  }, 600_000);

  afterAll(async () => {
    await index?.close();
    await t?.stop();
  });

  it('processes every fixture to SUCCEEDED with a document record', () => {
    const failed = manifest
      .map((entry) => ({ file: entry.file, upload: outcomes.get(entry.file)?.upload }))
      .filter(({ upload }) => upload?.status !== 'SUCCEEDED')
      .map(({ file, upload }) => `${file}: ${upload?.status} ${upload?.reason ?? ''}`);
    expect(failed).toEqual([]);
    for (const entry of manifest) {
      const document = outcomes.get(entry.file)?.document;
      expect(document?.status).toBe('SUCCEEDED');
      expect(document?.pageCount).toBe(entry.pages);
      expect(document?.mediaType).toBe(entry.mediaType);
    }
  });

  it('OCRs the fixtures that have no text layer', () => {
    for (const entry of manifest.filter((e) => !e.textLayer)) {
      const document = outcomes.get(entry.file)?.document;
      expect({ file: entry.file, ocrPages: document?.ocrPages }).toEqual({ file: entry.file, ocrPages: entry.pages });
    }
  });

  it('classifies the fixtures with their known types', () => {
    const wrong = manifest
      .map((entry) => ({ file: entry.file, expected: entry.type, got: outcomes.get(entry.file)?.document?.documentType }))
      .filter((row) => row.expected !== row.got);
    expect(wrong).toEqual([]);
  });

  it('finds each fixture in the index by a distinctive word', async () => {
    for (const entry of manifest) {
      const documentId = outcomes.get(entry.file)?.upload.documentId;
      const results = await index.search({ text: entry.distinctiveWord, pageSize: 100 });
      expect({ file: entry.file, found: results.hits.some((hit) => hit.documentId === documentId) }).toEqual({ file: entry.file, found: true });
    }
  });

  it('records the PII types found on each document', () => {
    for (const entry of manifest.filter((e) => e.textLayer)) {
      const document = outcomes.get(entry.file)?.document;
      const expectedTypes = new Set(entry.pii.map((p) => p.type));
      for (const type of expectedTypes) {
        expect({ file: entry.file, type, counted: (document?.piiCounts?.[type] ?? 0) > 0 }).toEqual({ file: entry.file, type, counted: true });
      }
    }
  });

  it('lets no fixture PII value reach the search index or any summary', async () => {
    const leaks: string[] = [];
    for (const entry of manifest) {
      const outcome = outcomes.get(entry.file);
      const documentId = outcome?.upload.documentId ?? '';
      const redacted = await readDerived(`redacted/${documentId}/pages.json`);
      const summary = await readDerived(`summaries/${documentId}.json`);
      const indexed = await index.search({ text: entry.distinctiveWord, pageSize: 100 });
      const hit = indexed.hits.find((h) => h.documentId === documentId);
      const surfaces = {
        redactedText: redacted,
        summaryObject: summary,
        recordSummary: JSON.stringify([outcome?.document?.summary, outcome?.document?.keyPoints]),
        indexHit: JSON.stringify(hit),
      };
      for (const pii of entry.pii) {
        for (const [surface, text] of Object.entries(surfaces)) {
          if (text.includes(pii.value)) leaks.push(`${entry.file} ${surface}: ${pii.type}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('writes no fixture PII value, and no document text, to the log', () => {
    const log = readFileSync(t.runtime.paths.logFile, 'utf8');
    expect(log.split('\n').length).toBeGreaterThan(manifest.length * 4);
    const leaked = manifest.flatMap((entry) => entry.pii.filter((pii) => log.includes(pii.value)).map((pii) => `${entry.file}: ${pii.type}`));
    expect(leaked).toEqual([]);
    for (const entry of manifest) expect(log).not.toContain(entry.distinctiveWord);
  });

  it('treats the same content uploaded again as a repeat of the original', async () => {
    const entry = manifest[0] as FixtureEntry;
    const original = outcomes.get(entry.file)?.upload;

    const repeat = await t.upload(`copy-of/${keyOf(entry)}`, readFileSync(fixturePath(entry)));

    expect(repeat.status).toBe('DUPLICATE');
    expect(repeat.duplicateOf).toBe(original?.documentId);
    const results = await index.search({ text: entry.distinctiveWord, pageSize: 100 });
    expect(results.hits.filter((hit) => hit.documentId === original?.documentId)).toHaveLength(1);
    expect((await t.records.getDocument(original?.documentId ?? ''))?.repeats).toBe(1);
  });

  async function readDerived(key: string): Promise<string> {
    const out = await t.s3.send(new GetObjectCommand({ Bucket: LOCAL_NAMES.derivedBucket, Key: key }));
    return (await out.Body?.transformToString()) ?? '';
  }
});

function keyOf(entry: FixtureEntry): string {
  return entry.file.replace(/^documents\//, '');
}
