import type { ExecutionRecord } from '../../../local/execution-store.js';
import { documentRow, documentRows, limitPages } from '../../../local/console/document-views.js';
import { documentIdOf, executionDetail, executionNameOf, executionRow } from '../../../local/console/execution-views.js';
import type { DocumentRecord } from '../../../shared/records/types.js';

const record = (history: ExecutionRecord['history'], status: ExecutionRecord['status'] = 'SUCCEEDED'): ExecutionRecord => ({
  executionId: 'arn:aws:states:local:000000000000:execution:docpipe-pipeline:memo-abc',
  name: 'memo-abc',
  status,
  bucket: 'docpipe-uploads',
  key: 'memo.txt',
  startedAt: '2026-01-01T00:00:00.000Z',
  input: { detail: {} },
  history,
});

const document = (fields: Partial<DocumentRecord>): DocumentRecord => ({
  documentId: 'doc-1',
  contentHash: 'h',
  status: 'SUCCEEDED',
  bucket: 'docpipe-uploads',
  key: 'memo.txt',
  mediaType: 'text/plain',
  size: 10,
  executionId: 'arn:aws:states:local:000000000000:execution:docpipe-pipeline:memo-abc',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:01.000Z',
  ...fields,
});

describe('execution views', () => {
  const history = [
    { type: 'StateEntered', timestamp: 1, stateName: 'Ingest' },
    { type: 'StateExited', timestamp: 2, stateName: 'Ingest', output: { document: { documentId: 'doc-42' } } },
    { type: 'StateEntered', timestamp: 3, stateName: 'ExtractText' },
  ];

  it('finds the document id Ingest claimed', () => {
    expect(documentIdOf(record(history))).toBe('doc-42');
    expect(documentIdOf(record(history.slice(0, 1)))).toBeUndefined();
  });

  it('gives a list row without the history and a status for every state', () => {
    const graph = { stateNames: ['Ingest', 'ExtractText', 'Store'], edges: [{ from: 'Ingest', to: 'ExtractText', kind: 'next' as const, loop: false, points: [] }] };
    const row = executionRow(record(history, 'RUNNING'), graph);

    expect(row).toMatchObject({ name: 'memo-abc', documentId: 'doc-42', states: { Ingest: 'succeeded', ExtractText: 'running', Store: 'not-reached' }, transitions: ['Ingest→ExtractText'] });
    expect(row).not.toHaveProperty('history');
  });

  it('gives a detail with each state run and the execution input', () => {
    const detail = executionDetail(record(history, 'RUNNING'), { stateNames: ['Ingest'], edges: [] });

    expect(detail.runs.Ingest?.output).toEqual({ document: { documentId: 'doc-42' } });
    expect(detail.input).toEqual({ detail: {} });
  });

  it('reads the execution name from an execution ARN', () => {
    expect(executionNameOf('arn:aws:states:local:000000000000:execution:docpipe-pipeline:memo-abc')).toBe('memo-abc');
  });
});

describe('document views', () => {
  it('gives a row with the PII types, their total and the execution name', () => {
    const row = documentRow(document({ documentType: 'memo', pageCount: 2, piiCounts: { NAME: 3, EMAIL: 1 }, piiTypes: ['EMAIL', 'NAME'] }));

    expect(row).toMatchObject({ documentType: 'memo', pageCount: 2, piiTypes: ['EMAIL', 'NAME'], piiTotal: 4, executionName: 'memo-abc' });
  });

  it('lists the newest document first', () => {
    const rows = documentRows([document({ documentId: 'old' }), document({ documentId: 'new', createdAt: '2026-02-01T00:00:00.000Z' })]);

    expect(rows.map((r) => r.documentId)).toEqual(['new', 'old']);
  });

  it('keeps whole pages under the character limit and cuts the page that crosses it', () => {
    const pages = [1, 2, 3].map((pageNumber) => ({ pageNumber, text: 'x'.repeat(10) }));

    expect(limitPages(pages, 30)).toEqual({ pages, truncated: false });
    expect(limitPages(pages, 25)).toEqual({ pages: [pages[0], pages[1], { pageNumber: 3, text: 'x'.repeat(5) }], truncated: true });
    expect(limitPages(pages, 20).truncated).toBe(true);
  });
});
