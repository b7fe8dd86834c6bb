import { InvalidDocumentError, PageLimitExceededError } from '../../../shared/errors.js';
import { assertImageSizeAcceptable } from '../../../shared/adapters/embedded/text-extractor/image-frame.js';
import { readJpegHeader } from '../../../shared/adapters/embedded/text-extractor/jpeg-header.js';
import { readPngHeader } from '../../../shared/adapters/embedded/text-extractor/png-header.js';
import { readTiffPages, tiffWithFirstPage } from '../../../shared/adapters/embedded/text-extractor/tiff-pages.js';
import { grayTiff, pngHeaderClaiming, textJpeg, textPng } from './sample-documents.js';

describe('reading image sizes from headers', () => {
  it('reads the size of a PNG', () => {
    expect(readPngHeader(textPng(['hello'], { width: 321 }))).toMatchObject({ width: 321 });
  });

  it('reads the size of a JPEG', () => {
    expect(readJpegHeader(textJpeg(['hello'], { width: 333 }))).toMatchObject({ width: 333 });
  });

  it('rejects a PNG cut short inside its header', () => {
    expect(() => readPngHeader(pngHeaderClaiming(10, 10).slice(0, 18))).toThrow(
      'PNG image is truncated: its header ends early',
    );
  });

  it('rejects a JPEG with no frame header', () => {
    expect(() => readJpegHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toThrow(InvalidDocumentError);
    expect(() => readJpegHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toThrow(/no frame header/);
  });

  it('lists the pages of a TIFF with their size and resolution', () => {
    // Prepare
    const page = (width: number) => ({ width, height: 4, pixels: new Uint8Array(width * 4).fill(255) });
    const bytes = grayTiff([page(10), page(12), page(14)], 200);

    // Act
    const pages = readTiffPages(bytes, 5);

    // Assess
    expect(pages.map(({ width, height, xDpi, yDpi }) => ({ width, height, xDpi, yDpi }))).toEqual([
      { width: 10, height: 4, xDpi: 200, yDpi: 200 },
      { width: 12, height: 4, xDpi: 200, yDpi: 200 },
      { width: 14, height: 4, xDpi: 200, yDpi: 200 },
    ]);
  });

  it('makes any TIFF page the first one by pointing the header at its directory', () => {
    // Prepare
    const page = (width: number) => ({ width, height: 2, pixels: new Uint8Array(width * 2) });
    const bytes = grayTiff([page(10), page(20)]);
    const [, second] = readTiffPages(bytes, 2);
    if (!second) throw new Error('the sample TIFF should have two pages');

    // Act
    const rewritten = tiffWithFirstPage(bytes, second);

    // Assess
    expect(readTiffPages(rewritten, 2)[0]?.width).toBe(20);
    expect(readTiffPages(bytes, 2)[0]?.width).toBe(10);
  });

  it('stops at the page limit while walking a TIFF', () => {
    // Prepare
    const page = { width: 2, height: 2, pixels: new Uint8Array(4) };
    const bytes = grayTiff([page, page, page]);

    // Act and assess
    expect(() => readTiffPages(bytes, 2)).toThrow(PageLimitExceededError);
  });

  it('rejects an image over 100 megapixels, naming its dimensions', () => {
    expect(() => assertImageSizeAcceptable({ width: 12_000, height: 9_000 }, 'PNG image')).toThrow(
      'PNG image is too large to OCR: 12000×9000 pixels (limit 20000 pixels a side and 100 megapixels)',
    );
  });

  it('rejects an image with a side over 20,000 pixels', () => {
    expect(() => assertImageSizeAcceptable({ width: 25_000, height: 100 }, 'TIFF page 2')).toThrow(/25000×100/);
  });
});
