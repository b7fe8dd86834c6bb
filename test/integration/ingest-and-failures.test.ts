import { readFileSync } from 'node:fs';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';

/** Ingest and RecordFailure against the real local services: every upload ends with a record that says why. */
describe('ingesting uploads', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ env: { DOCPIPE_MAX_BYTES: '20000' } });
  });
  afterAll(async () => t?.stop());

  it('fails an empty file with a reason and no document', async () => {
    const upload = await t.upload('empty.pdf', new Uint8Array());

    expect(upload.status).toBe('FAILED');
    expect(upload.error).toBe('InvalidDocumentError');
    expect(upload.reason).toBe('The file is empty (0 bytes)');
    expect(upload.documentId).toBeUndefined();
  });

  it('fails a ZIP archive renamed .pdf, naming what it really is', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);

    const upload = await t.upload('report.pdf', zip);

    expect(upload.status).toBe('FAILED');
    expect(upload.reason).toMatch(/ZIP/);
  });

  it('fails a file over the size limit, naming the limit setting', async () => {
    const upload = await t.upload('big.txt', 'word '.repeat(5000));

    expect(upload.status).toBe('FAILED');
    expect(upload.reason).toMatch(/over the 19\.5 KiB limit \(setting DOCPIPE_MAX_BYTES\)/);
    // Refused before Ingest recorded it: the record keeps the size the upload's event gave.
    expect(upload.size).toBe(25000);
    expect(upload.receivedAt).toEqual(expect.any(String));
  });

  it('fails a text file that holds only whitespace, after claiming it', async () => {
    const upload = await t.upload('blank.txt', '   \n\n\t  \n');

    expect(upload.status).toBe('FAILED');
    expect(upload.reason).toMatch(/no words/);
    const document = await t.records.getDocument(upload.documentId ?? '');
    expect(document?.status).toBe('FAILED');
    expect(document?.error).toBe('InvalidDocumentError');
  });

  it('processes plain text and records a repeat of the same content under another key as a duplicate', async () => {
    const text = 'Meeting notes. The quarterly review covered budget planning and hiring.';

    const first = await t.upload('notes/a.txt', text);
    const second = await t.upload('notes/b.txt', text);

    expect(first.status).toBe('SUCCEEDED');
    expect(second.status).toBe('DUPLICATE');
    expect(second.duplicateOf).toBe(first.documentId);
    expect(second.reason).toContain('notes/a.txt');
  });

  it('keeps keys with spaces and unicode intact in the records', async () => {
    const key = 'scans/Ünïcode file (1).txt';

    const upload = await t.upload(key, 'A short letter about the garden committee and its spring meeting.');

    expect(upload.status).toBe('SUCCEEDED');
    expect(upload.key).toBe(key);
    const document = await t.records.getDocument(upload.documentId ?? '');
    expect(document?.key).toBe(key);
  });

  it('fails a corrupt PDF from the real samples with a clear reason', async () => {
    const upload = await t.upload('invalid.pdf', readFileSync('../shared/eval/documents/textract-samples/invalid.pdf'));

    expect(upload.status).toBe('FAILED');
    expect(upload.reason).toBeTruthy();
    expect(upload.reason).not.toMatch(/undefined|\[object/);
  });
});
