import type { SearchIndex } from '../../shared/ports/search-index.js';
import { LOCAL_NAMES } from '../../local/paths.js';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';

const REPORT = 'Inspection report for the pelican warehouse. The pelican roof was resealed and the loading dock passed inspection.';
const MEMO = 'Staff memo about the kestrel office. The kestrel office moves to the second floor on the first of the month.';

describe('duplicate uploads', () => {
  let test: TestRuntime;
  let index: SearchIndex;
  beforeAll(async () => {
    test = await startTestRuntime();
    index = await test.runtime.deps.searchIndex();
  });
  afterAll(() => test.stop());

  it('turns the same file uploaded three times under one key into one document, one index entry and two repeats', async () => {
    const first = await test.upload('reports/pelican.txt', REPORT);
    const second = await test.upload('reports/pelican.txt', REPORT);
    const third = await test.upload('reports/pelican.txt', REPORT);

    expect([first.status, second.status, third.status]).toEqual(['SUCCEEDED', 'DUPLICATE', 'DUPLICATE']);
    expect(second.duplicateOf).toBe(first.documentId);
    expect(third.duplicateOf).toBe(first.documentId);
    expect(second.reason).toMatch(/Same content as reports\/pelican\.txt/);
    const document = await test.records.getDocument(first.documentId ?? '');
    expect(document).toMatchObject({ status: 'SUCCEEDED', repeats: 2 });
    expect((await index.search({ text: 'pelican' })).hits.map((hit) => hit.documentId)).toEqual([first.documentId]);
  });

  it('turns the same content under two keys, uploaded at once, into one document pointing both uploads to it', async () => {
    const [a, b] = await Promise.all([test.upload('memos/kestrel.txt', MEMO), test.upload('archive/kestrel-copy.txt', MEMO)]);

    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual(['DUPLICATE', 'SUCCEEDED']);
    const original = a.status === 'SUCCEEDED' ? a : b;
    const repeat = a.status === 'SUCCEEDED' ? b : a;
    expect(repeat.documentId).toBe(original.documentId);
    expect(repeat.duplicateOf).toBe(original.documentId);
    const documents = (await test.records.listDocuments()).filter((d) => d.documentId === original.documentId);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ status: 'SUCCEEDED', key: original.key, repeats: 1 });
    expect((await index.search({ text: 'kestrel' })).total).toBe(1);
    const uploads = [
      ...(await test.records.uploadsOf(LOCAL_NAMES.uploadBucket, 'memos/kestrel.txt')),
      ...(await test.records.uploadsOf(LOCAL_NAMES.uploadBucket, 'archive/kestrel-copy.txt')),
    ];
    expect(uploads.map((u) => u.status).sort()).toEqual(['DUPLICATE', 'SUCCEEDED']);
  });
});
