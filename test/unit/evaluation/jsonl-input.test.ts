import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidDocumentError } from '../../../shared/errors.js';
import { countJsonlRecords, jsonlFiles, readJsonlRecords, sampleId } from '../../../local/eval/jsonl-input.js';
import { PII_SAMPLE_SHAPE, piiSampleSchema } from '../../../local/eval/sample-schemas.js';

async function readAll(file: string): Promise<{ line: number; text: string }[]> {
  const records: { line: number; text: string }[] = [];
  for await (const record of readJsonlRecords([file], piiSampleSchema, PII_SAMPLE_SHAPE)) records.push({ line: record.line, text: record.value.text });
  return records;
}

describe('labelled JSONL input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'docpipe-jsonl-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams records in order with their line numbers, skipping blank lines', async () => {
    // Prepare
    const file = join(dir, 'good.jsonl');
    writeFileSync(file, '{"text":"a","entities":[]}\n\n{"text":"Ann","entities":[{"type":"NAME","start":0,"end":3}]}\r\n');
    // Act
    const records = await readAll(file);
    // Assess
    expect(records).toEqual([
      { line: 1, text: 'a' },
      { line: 3, text: 'Ann' },
    ]);
    expect(await countJsonlRecords([file])).toBe(2);
  });

  it('names the file and line of a line that is not JSON', async () => {
    // Prepare
    const file = join(dir, 'broken.jsonl');
    writeFileSync(file, '{"text":"a","entities":[]}\n{"text": oops}\n');
    // Act
    const reading = readAll(file);
    // Assess
    await expect(reading).rejects.toThrow(InvalidDocumentError);
    await expect(readAll(file)).rejects.toThrow(`${file}:2: not valid JSON`);
  });

  it('names the file, line and field of a span outside its text', async () => {
    // Prepare
    const file = join(dir, 'span.jsonl');
    writeFileSync(file, '{"text":"Ann","entities":[{"type":"NAME","start":0,"end":9}]}\n');
    // Act
    const reading = readAll(file);
    // Assess
    await expect(reading).rejects.toThrow(`${file}:1: expected {"text": string, "entities"`);
    await expect(readAll(file)).rejects.toThrow(/entities\.0: span 0\.\.9 is not within the text/);
  });

  it('reads every .jsonl file of a folder by name, and refuses a folder with none', () => {
    // Prepare
    const folder = mkdtempSync(join(dir, 'split-'));
    writeFileSync(join(folder, 'b.jsonl'), '');
    writeFileSync(join(folder, 'a.jsonl'), '');
    writeFileSync(join(folder, 'notes.txt'), '');
    const empty = mkdtempSync(join(dir, 'empty-'));
    // Act
    const files = jsonlFiles(folder);
    // Assess
    expect(files).toEqual([join(folder, 'a.jsonl'), join(folder, 'b.jsonl')]);
    expect(() => jsonlFiles(empty)).toThrow(/No \.jsonl files/);
  });

  it('identifies a sample without an id by file and line', () => {
    expect(sampleId({ file: '/data/dev.jsonl', line: 7, value: {} })).toBe('dev.jsonl:7');
    expect(sampleId({ file: '/data/dev.jsonl', line: 7, value: { id: 42 } })).toBe('42');
  });
});
