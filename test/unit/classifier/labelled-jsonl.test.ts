import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidDocumentError } from '../../../shared/errors.js';
import { readLabelledJsonl } from '../../../shared/adapters/embedded/classifier/labelled-jsonl.js';

describe('readLabelledJsonl', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'docpipe-labelled-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function fileWith(lines: readonly string[]): Promise<string> {
    const path = join(folder, 'labelled.jsonl');
    await writeFile(path, lines.join('\n'));
    return path;
  }

  it('reads text and label, keeps an id, and skips blank lines', async () => {
    // Prepare
    const path = await fileWith([
      '{"text": "Dear Sir", "label": "letter"}',
      '',
      '{"id": "doc-2", "text": "Invoice 12", "label": "invoice"}',
      '{"id": 3, "text": "Memo", "label": "memo"}',
    ]);
    // Act
    const samples = await readLabelledJsonl(path);
    // Assess
    expect(samples).toEqual([
      { text: 'Dear Sir', label: 'letter' },
      { id: 'doc-2', text: 'Invoice 12', label: 'invoice' },
      { id: '3', text: 'Memo', label: 'memo' },
    ]);
  });

  it('names the file and line of a line that is not JSON', async () => {
    // Prepare
    const path = await fileWith(['{"text": "a", "label": "x"}', '{"text": "b", "label": "y"}', '{"text": "c", ']);
    // Act
    const reading = readLabelledJsonl(path);
    // Assess
    await expect(reading).rejects.toThrow(InvalidDocumentError);
    await expect(reading).rejects.toThrow(`${path}:3: not valid JSON`);
  });

  it('names the line of an object without a label', async () => {
    // Prepare
    const path = await fileWith(['{"text": "a", "label": "x"}', '', '{"text": "no label here"}']);
    // Act / Assess
    await expect(readLabelledJsonl(path)).rejects.toThrow(new RegExp(`${path}:3: .*label`));
  });

  it('names the line of an empty label', async () => {
    // Prepare
    const path = await fileWith(['{"text": "a", "label": "  "}']);
    // Act / Assess
    await expect(readLabelledJsonl(path)).rejects.toThrow(`${path}:1:`);
  });

  it('names a file that cannot be read', async () => {
    // Prepare
    const path = join(folder, 'missing.jsonl');
    // Act / Assess
    await expect(readLabelledJsonl(path)).rejects.toThrow(`Labelled data file ${path} cannot be read`);
  });
});
