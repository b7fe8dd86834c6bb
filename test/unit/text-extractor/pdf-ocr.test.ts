import { createEmbeddedTextExtractor } from '../../../shared/adapters/embedded/text-extractor/index.js';
import { collectPages, wordsOf } from './collect-pages.js';
import { imageOnlyPdf, textPng } from './sample-documents.js';

describe('EmbeddedTextExtractor on scanned PDFs', () => {
  const extractor = createEmbeddedTextExtractor();
  afterAll(() => extractor.close());

  it('OCRs a page that holds only a picture of text', async () => {
    // Prepare
    const picture = textPng(['Shipping manifest for harbour seven', 'Forty crates of oranges arrived today']);
    const bytes = await imageOnlyPdf(picture);

    // Act
    const pages = await collectPages(extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages: 5 }));

    // Assess
    expect(pages).toHaveLength(1);
    expect(pages[0]?.method).toBe('ocr');
    expect(wordsOf(pages[0]?.text ?? '')).toEqual(
      expect.arrayContaining(['shipping', 'manifest', 'harbour', 'seven', 'forty', 'crates', 'oranges', 'arrived']),
    );
    expect(pages[0]?.confidence).toBeGreaterThan(0.7);
    expect(pages[0]?.confidence).toBeLessThanOrEqual(1);
  });
});
