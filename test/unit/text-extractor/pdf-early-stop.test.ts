import { jest } from '@jest/globals';
import type { OpenPdf } from '../../../shared/adapters/embedded/text-extractor/pdf-document.js';
import { textPdf } from './sample-documents.js';

// Wraps the real openPdf so the test can see when a document is released.
const realModule = await import('../../../shared/adapters/embedded/text-extractor/pdf-document.js');
const released: number[] = [];
jest.unstable_mockModule('../../../shared/adapters/embedded/text-extractor/pdf-document.js', () => ({
  openPdf: async (bytes: Uint8Array): Promise<OpenPdf> => {
    const pdf = await realModule.openPdf(bytes);
    return {
      document: pdf.document,
      close: async () => {
        await pdf.close();
        released.push(pdf.document.numPages);
      },
    };
  },
}));
const { createEmbeddedTextExtractor } = await import('../../../shared/adapters/embedded/text-extractor/index.js');

describe('EmbeddedTextExtractor when the consumer stops early', () => {
  const extractor = createEmbeddedTextExtractor();
  afterAll(() => extractor.close());
  beforeEach(() => {
    released.length = 0;
  });

  it('releases the PDF as soon as the consumer breaks out of the loop', async () => {
    // Prepare
    const bytes = await textPdf([['alpha page has some text on it'], ['beta page has some text on it'], ['gamma page']]);
    const seen: number[] = [];

    // Act
    for await (const page of extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages: 3 })) {
      seen.push(page.pageNumber);
      break;
    }

    // Assess
    expect(seen).toEqual([1]);
    expect(released).toEqual([3]);
  });

  it('releases the PDF when extraction fails part-way', async () => {
    // Prepare
    const bytes = await textPdf([['only page']]);

    // Act
    const extraction = (async () => {
      for await (const page of extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages: 0 })) {
        expect(page).toBeUndefined();
      }
    })();

    // Assess
    await expect(extraction).rejects.toThrow('PDF has 1 pages, over the limit of 0 (setting DOCPIPE_MAX_PAGES)');
    expect(released).toEqual([1]);
  });

  it('releases the PDF after a complete extraction', async () => {
    // Prepare
    const bytes = await textPdf([['first page of two, with text'], ['second page of two, with text']]);

    // Act
    let count = 0;
    for await (const _page of extractor.extractPages({ bytes, mediaType: 'application/pdf', maxPages: 2 })) count += 1;

    // Assess
    expect(count).toBe(2);
    expect(released).toEqual([2]);
  });
});
