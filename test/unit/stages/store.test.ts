import type { ObjectStore } from '../../../shared/aws/object-store.js';
import type { StoreInput } from '../../../shared/contracts/stages.js';
import { TransientError } from '../../../shared/errors.js';
import type { Log } from '../../../shared/log.js';
import type { SearchDocument, SearchIndex } from '../../../shared/ports/search-index.js';
import type { RecordStore } from '../../../shared/records/records.js';
import { store, type StoreDeps } from '../../../stages/store/store.js';

const input: StoreInput = {
  document: {
    uploadId: 'u-1',
    bucket: 'uploads',
    key: 'letters/a.pdf',
    receivedAt: '2026-12-07T09:00:00.000Z',
    status: 'CLAIMED',
    documentId: 'doc-1',
    contentHash: 'a'.repeat(64),
    mediaType: 'application/pdf',
    size: 1200,
  },
  extraction: { text: { bucket: 'derived', key: 'text/doc-1.json' }, pageCount: 2, characterCount: 80, method: 'text-layer', confidence: 1, ocrPages: 0 },
  analysis: {
    classification: { label: 'letter', confidence: 0.9, scores: { letter: 0.9, memo: 0.1 } },
    redaction: { redactedText: { bucket: 'derived', key: 'redacted/doc-1.json' }, piiCounts: { NAME: 1 }, entityCount: 1 },
    summary: { summary: { bucket: 'derived', key: 'summaries/doc-1.json' }, sentenceCount: 1 },
  },
};

const stored: Record<string, unknown> = {
  'redacted/doc-1.json': {
    documentId: 'doc-1',
    pages: [
      { pageNumber: 1, text: 'Dear [NAME],', method: 'text-layer', confidence: 1 },
      { pageNumber: 2, text: 'Thank you.', method: 'text-layer', confidence: 1 },
    ],
  },
  'summaries/doc-1.json': { documentId: 'doc-1', summary: 'A thank-you letter.', keyPoints: ['Thanks'] },
};

interface Written {
  readonly record: string;
  readonly fields: Record<string, unknown>;
}

function fakeDeps(options: { failDocument?: Error } = {}): { deps: StoreDeps; written: Written[]; indexed: SearchDocument[] } {
  const written: Written[] = [];
  const indexed: SearchDocument[] = [];
  const objects = { readJson: (ref: { key: string }) => Promise.resolve(stored[ref.key]) } as unknown as ObjectStore;
  const records = {
    updateDocument: async (documentId: string, fields: Record<string, unknown>) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.failDocument) throw options.failDocument;
      written.push({ record: `document ${documentId}`, fields });
    },
    // Slower than the document's write: a failure of that one must wait for it.
    updateUpload: async (bucket: string, key: string, uploadId: string, fields: Record<string, unknown>) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      written.push({ record: `upload ${bucket}/${key} ${uploadId}`, fields });
    },
  } as unknown as RecordStore;
  const index = { upsert: (document: SearchDocument) => Promise.resolve(void indexed.push(document)) } as unknown as SearchIndex;
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as Log;
  return { deps: { objects, records, searchIndex: () => Promise.resolve(index), log, now: () => new Date('2026-12-07T09:00:05.000Z') }, written, indexed };
}

describe('the Store stage', () => {
  it('indexes the redacted text and summary, then marks the document and its upload SUCCEEDED', async () => {
    const { deps, written, indexed } = fakeDeps();

    const output = await store(input, deps);

    expect(output).toEqual({ documentId: 'doc-1', status: 'SUCCEEDED', documentType: 'letter', indexed: true });
    expect(indexed).toHaveLength(1);
    expect(indexed[0]).toMatchObject({ documentId: 'doc-1', redactedText: 'Dear [NAME],\n\f\nThank you.', summary: 'A thank-you letter.', piiTypes: ['NAME'] });
    expect(written.map((write) => write.record).sort()).toEqual(['document doc-1', 'upload uploads/letters/a.pdf u-1']);
    expect(written.find((write) => write.record === 'document doc-1')?.fields).toMatchObject({
      status: 'SUCCEEDED',
      documentType: 'letter',
      pageCount: 2,
      summaryKey: 'summaries/doc-1.json',
      indexed: true,
    });
    expect(written.find((write) => write.record.startsWith('upload'))?.fields).toEqual({ status: 'SUCCEEDED', documentId: 'doc-1', updatedAt: '2026-12-07T09:00:05.000Z' });
  });

  it('raises a failed record write only once the other write has ended', async () => {
    const { deps, written } = fakeDeps({ failDocument: new TransientError('DynamoDB connection reset') });

    await expect(store(input, deps)).rejects.toThrow('DynamoDB connection reset');

    expect(written.map((write) => write.record)).toEqual(['upload uploads/letters/a.pdf u-1']);
  });
});
