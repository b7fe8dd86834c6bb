import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docpipe } from '../helpers/cli.js';

interface ProcessReport {
  files: { key: string; documentId: string | null; status: string; reason: string | null; documentType: string | null }[];
}

describe('docpipe process, search, executions and show', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'docpipe-cli-'));
    writeFileSync(join(dir, 'notes.txt'), 'Quarterly planning memo. The committee approved the greenhouse budget for spring.');
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF truncated');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each file as JSON and exits 1 when one failed', async () => {
    const result = await docpipe(['--data-dir', join(dir, 'data'), 'process', '--json', join(dir, 'notes.txt'), join(dir, 'broken.pdf'), 'fixtures/documents/invoice-1.pdf']);

    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ProcessReport;
    const byKey = Object.fromEntries(report.files.map((f) => [f.key, f]));
    expect(byKey['notes.txt']).toMatchObject({ status: 'SUCCEEDED', reason: null });
    expect(byKey['notes.txt']?.documentId).toMatch(/^doc-[0-9a-f]{24}$/);
    expect(byKey['invoice-1.pdf']).toMatchObject({ status: 'SUCCEEDED', documentType: 'invoice' });
    expect(byKey['broken.pdf']?.status).toBe('FAILED');
    expect(byKey['broken.pdf']?.reason).toMatch(/PDF/);
  });

  it('finds the processed invoice with search, lists executions and shows the document', async () => {
    const search = await docpipe(['--data-dir', join(dir, 'data'), 'search', '--json', '--type', 'invoice', 'invoice']);
    const hits = (JSON.parse(search.stdout) as { hits: { documentId: string; key: string }[] }).hits;
    expect(hits.map((h) => h.key)).toEqual(['invoice-1.pdf']);

    const executions = await docpipe(['--data-dir', join(dir, 'data'), 'executions', '--json', '--status', 'FAILED']);
    expect((JSON.parse(executions.stdout) as { executions: { key: string }[] }).executions.map((e) => e.key)).toEqual(['broken.pdf']);

    const show = await docpipe(['--data-dir', join(dir, 'data'), 'show', '--json', hits[0]?.documentId ?? '']);
    const shown = JSON.parse(show.stdout) as { document: { documentType: string; piiCounts: Record<string, number>; summary: string } };
    expect(shown.document.documentType).toBe('invoice');
    expect(shown.document.piiCounts.EMAIL).toBeGreaterThan(0);
    expect(shown.document.summary.length).toBeGreaterThan(0);
  });

  it('explains a bad option value instead of failing obscurely', async () => {
    const result = await docpipe(['--data-dir', join(dir, 'data'), 'executions', '--status', 'DONE']);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown status "DONE"/);
  });
});
