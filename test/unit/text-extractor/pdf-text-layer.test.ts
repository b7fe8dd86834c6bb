import { readFileSync } from 'node:fs';
import { createEmbeddedTextExtractor } from '../../../shared/adapters/embedded/text-extractor/index.js';
import { collectPages } from './collect-pages.js';
import { textPdf } from './sample-documents.js';

const SAMPLES = new URL('../../../../shared/eval/documents/textract-samples/', import.meta.url);

describe('EmbeddedTextExtractor on PDFs with a text layer', () => {
  const extractor = createEmbeddedTextExtractor();
  afterAll(() => extractor.close());

  it('returns the one page of a born-digital PDF from its text layer, lines kept apart', async () => {
    // Prepare
    const bytes = await textPdf([['Quarterly report for Acme Widgets', 'Revenue grew by twelve percent']]);

    // Act
    const pages = await collectPages(extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages: 10 }));

    // Assess
    expect(pages).toEqual([
      {
        pageNumber: 1,
        text: 'Quarterly report for Acme Widgets\nRevenue grew by twelve percent',
        method: 'text-layer',
        confidence: 1,
      },
    ]);
  });

  it('returns the pages of a three-page PDF in order, each with its own text', async () => {
    // Prepare
    const bytes = await textPdf([
      ['First page talks about apples and their orchards'],
      ['Second page talks about bicycles and their gears'],
      ['Third page talks about comets and their orbits'],
    ]);

    // Act
    const pages = await collectPages(extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages: 3 }));

    // Assess
    expect(pages.map((page) => [page.pageNumber, page.text, page.method])).toEqual([
      [1, 'First page talks about apples and their orchards', 'text-layer'],
      [2, 'Second page talks about bicycles and their gears', 'text-layer'],
      [3, 'Third page talks about comets and their orbits', 'text-layer'],
    ]);
  });

  it('leaves the caller its bytes intact (pdf.js is given a copy)', async () => {
    // Prepare
    const bytes = await textPdf([['Some text that is long enough to count as a text layer']]);
    const lengthBefore = bytes.length;

    // Act
    await collectPages(extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages: 1 }));

    // Assess
    expect(bytes.length).toBe(lengthBefore);
  });

  it('reads every page of the Textractor multi-page sample', async () => {
    // Prepare
    const bytes = readFileSync(new URL('textractor-multipage-doc.pdf', SAMPLES));

    // Act
    const pages = await collectPages(extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages: 50 }));

    // Assess
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((page) => page.pageNumber)).toEqual(pages.map((_page, index) => index + 1));
    for (const page of pages) expect(page.text).toContain('Textractor');
    expect(pages[1]?.text).toContain('Page (2)');
  });
});
