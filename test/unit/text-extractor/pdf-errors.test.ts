import { readFileSync } from 'node:fs';
import { InvalidDocumentError, PageLimitExceededError } from '../../../shared/errors.js';
import { createEmbeddedTextExtractor } from '../../../shared/adapters/embedded/text-extractor/index.js';
import { collectPages } from './collect-pages.js';
import { emptyPdf, encryptedPdf, textPdf } from './sample-documents.js';

const SAMPLES = new URL('../../../../shared/eval/documents/textract-samples/', import.meta.url);

describe('EmbeddedTextExtractor on PDFs it cannot read', () => {
  const extractor = createEmbeddedTextExtractor();
  afterAll(() => extractor.close());

  const extract = (bytes: Uint8Array, maxPages = 10) =>
    collectPages(extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages }));

  it('rejects bytes that are not a PDF as corrupt', async () => {
    // Prepare
    const bytes = new TextEncoder().encode('this is certainly not a PDF file, only a sentence');

    // Act
    const extraction = extract(bytes);

    // Assess
    await expect(extraction).rejects.toThrow(InvalidDocumentError);
    await expect(extraction).rejects.toThrow(/PDF is corrupt or truncated/);
  });

  it('rejects the published invalid.pdf sample', async () => {
    // Prepare
    const bytes = readFileSync(new URL('invalid.pdf', SAMPLES));

    // Act
    const extraction = extract(bytes);

    // Assess
    await expect(extraction).rejects.toThrow(InvalidDocumentError);
  });

  it('rejects a password-protected PDF, saying it is encrypted', async () => {
    // Prepare
    const bytes = encryptedPdf();

    // Act
    const extraction = extract(bytes);

    // Assess
    await expect(extraction).rejects.toThrow(InvalidDocumentError);
    await expect(extraction).rejects.toThrow(/encrypted/);
  });

  it('rejects a PDF without pages', async () => {
    // Prepare
    const bytes = await emptyPdf();

    // Act
    const extraction = extract(bytes);

    // Assess
    await expect(extraction).rejects.toThrow(new InvalidDocumentError('PDF has no pages'));
  });

  it('refuses a PDF with more pages than the limit before reading any page', async () => {
    // Prepare
    const bytes = await textPdf([['page one text'], ['page two text'], ['page three text']]);
    const received: number[] = [];

    // Act
    const extraction = (async () => {
      for await (const page of extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages: 2 })) {
        received.push(page.pageNumber);
      }
    })();

    // Assess
    await expect(extraction).rejects.toThrow(PageLimitExceededError);
    await expect(extraction).rejects.toThrow('PDF has 3 pages, over the limit of 2 (setting DOCPIPE_MAX_PAGES)');
    expect(received).toEqual([]);
  });
});
