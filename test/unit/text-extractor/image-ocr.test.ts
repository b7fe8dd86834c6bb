import { InvalidDocumentError, PageLimitExceededError } from '../../../shared/errors.js';
import { createEmbeddedTextExtractor } from '../../../shared/adapters/embedded/text-extractor/index.js';
import { collectPages, wordsOf } from './collect-pages.js';
import { grayTiff, pageWithTurnedStampPng, pngHeaderClaiming, textGrayPixels, textJpeg, textPng } from './sample-documents.js';

describe('EmbeddedTextExtractor on images', () => {
  const extractor = createEmbeddedTextExtractor();
  afterAll(() => extractor.close());

  it('reads the words back from a PNG of text', async () => {
    // Prepare
    const bytes = textPng(['Invoice number 4471 from Northwind Traders', 'Total amount due 1250 dollars']);

    // Act
    const pages = await collectPages(extractor.extractPages({ bytes, mediaType: 'image/png', maxPages: 1 }));

    // Assess
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ pageNumber: 1, method: 'ocr' });
    expect(wordsOf(pages[0]?.text ?? '')).toEqual(
      expect.arrayContaining(['invoice', 'number', '4471', 'northwind', 'traders', 'total', 'amount', 'due', '1250']),
    );
    expect(pages[0]?.confidence).toBeGreaterThan(0.7);
  });

  it('reads the words back from a small, low-resolution JPEG', async () => {
    // Prepare
    const bytes = textJpeg(['Meeting moved to Thursday afternoon'], { fontSize: 13, width: 320 });

    // Act
    const pages = await collectPages(extractor.extractPages({ bytes, mediaType: 'image/jpeg', maxPages: 1 }));

    // Assess
    expect(wordsOf(pages[0]?.text ?? '')).toEqual(['meeting', 'moved', 'to', 'thursday', 'afternoon']);
  });

  it('reads the words back with one OCR pass, and refuses other pass counts', async () => {
    // Prepare
    const onePass = createEmbeddedTextExtractor({ ocrPasses: 1 });
    const bytes = textPng(['Quarterly shipping report for Northwind']);

    // Act
    const pages = await collectPages(onePass.extractPages({ bytes, mediaType: 'image/png', maxPages: 1 })).finally(() =>
      onePass.close(),
    );

    // Assess
    expect(wordsOf(pages[0]?.text ?? '')).toEqual(['quarterly', 'shipping', 'report', 'for', 'northwind']);
    expect(() => createEmbeddedTextExtractor({ ocrPasses: 4 as 3 })).toThrow(RangeError);
  });

  it('reads a number stamped a quarter turn round in the margin, as one word after the page text', async () => {
    // Prepare
    const bytes = pageWithTurnedStampPng(['Quarterly shipping report for Northwind', 'Total amount due 1250 dollars'], '82200067');

    // Act
    const pages = await collectPages(extractor.extractPages({ bytes, mediaType: 'image/png', maxPages: 1 }));

    // Assess
    expect(wordsOf(pages[0]?.text ?? '')).toEqual([
      ...['quarterly', 'shipping', 'report', 'for', 'northwind', 'total', 'amount', 'due', '1250', 'dollars'],
      '82200067',
    ]);
  });

  it('reads every page of a multi-page TIFF, in order', async () => {
    // Prepare
    const bytes = grayTiff([
      textGrayPixels(['Chapter one begins here'], { width: 600 }),
      textGrayPixels(['Chapter two follows after'], { width: 600 }),
    ]);

    // Act
    const pages = await collectPages(extractor.extractPages({ bytes, mediaType: 'image/tiff', maxPages: 5 }));

    // Assess
    expect(pages.map((page) => [page.pageNumber, wordsOf(page.text), page.method])).toEqual([
      [1, ['chapter', 'one', 'begins', 'here'], 'ocr'],
      [2, ['chapter', 'two', 'follows', 'after'], 'ocr'],
    ]);
  });

  it('refuses a TIFF with more pages than the limit', async () => {
    // Prepare
    const page = textGrayPixels(['x'], { width: 40 });
    const bytes = grayTiff([page, page, page]);

    // Act
    const extraction = collectPages(extractor.extractPages({ bytes, mediaType: 'image/tiff', maxPages: 2 }));

    // Assess
    await expect(extraction).rejects.toThrow(PageLimitExceededError);
  });

  it('refuses an image whose header claims huge dimensions, naming them, before decoding it', async () => {
    // Prepare
    const bytes = pngHeaderClaiming(30_000, 40_000);

    // Act
    const extraction = collectPages(extractor.extractPages({ bytes, mediaType: 'image/png', maxPages: 1 }));

    // Assess
    await expect(extraction).rejects.toThrow(InvalidDocumentError);
    await expect(extraction).rejects.toThrow(/30000×40000/);
  });

  it('rejects a PNG whose image data is corrupt', async () => {
    // Prepare
    const bytes = textPng(['Corrupted']).slice();
    bytes.fill(0x5a, 60, bytes.length - 20);

    // Act
    const extraction = collectPages(extractor.extractPages({ bytes, mediaType: 'image/png', maxPages: 1 }));

    // Assess
    await expect(extraction).rejects.toThrow(InvalidDocumentError);
  });

  it('rejects bytes that are not the declared image type', async () => {
    // Prepare
    const bytes = new TextEncoder().encode('plain words, not a JPEG at all');

    // Act
    const extraction = collectPages(extractor.extractPages({ bytes, mediaType: 'image/jpeg', maxPages: 1 }));

    // Assess
    await expect(extraction).rejects.toThrow(InvalidDocumentError);
    await expect(extraction).rejects.toThrow('Document declared as image/jpeg is not a JPEG image (bad signature)');
  });
});
