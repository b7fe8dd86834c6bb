import { readFileSync } from 'node:fs';
import { readPdfTextLayers } from '../../../shared/adapters/embedded/text-extractor/index.js';
import { TextLayerFirstExtractor } from '../../../shared/adapters/aws/text-layer-first.js';
import type { ExtractedPage, ExtractionRequest, TextExtractor } from '../../../shared/ports/text-extractor.js';

function fakeOcr(): { extractor: TextExtractor; calls: string[]; requests: ExtractionRequest[] } {
  const calls: string[] = [];
  const requests: ExtractionRequest[] = [];
  const extractor: TextExtractor = {
    async *extractPages(request) {
      calls.push('extractPages');
      requests.push(request);
      yield { pageNumber: 1, text: 'from ocr', method: 'ocr', confidence: 0.9 } satisfies ExtractedPage;
    },
    asyncJobs: {
      wantsAsync: async (request) => {
        calls.push('wantsAsync');
        requests.push(request);
        return true;
      },
      start: async () => 'job-1',
      check: async () => ({ status: 'IN_PROGRESS' }),
    },
    close: async () => undefined,
  };
  return { extractor, calls, requests };
}

const request = (file: string): ExtractionRequest => ({
  bytes: new Uint8Array(readFileSync(file)),
  mediaType: 'application/pdf',
  maxPages: 50,
  source: { bucket: 'uploads', key: file },
});

describe('text layer first, then the OCR service', () => {
  it('keeps a born-digital PDF on its own text layer without calling the OCR service', async () => {
    const { extractor: ocr, calls } = fakeOcr();
    const extractor = new TextLayerFirstExtractor(ocr, readPdfTextLayers);
    const born = request('fixtures/documents/contract-2.pdf');

    const wantsAsync = await extractor.asyncJobs?.wantsAsync(born);
    const pages: ExtractedPage[] = [];
    for await (const page of extractor.extractPages(born)) pages.push(page);

    expect(wantsAsync).toBe(false);
    expect(pages.map((p) => [p.pageNumber, p.method])).toEqual([
      [1, 'text-layer'],
      [2, 'text-layer'],
      [3, 'text-layer'],
    ]);
    expect(pages[0]?.text.length).toBeGreaterThan(200);
    expect(calls).toEqual([]);
  });

  it('sends a scanned PDF (no text layer) to the OCR service job', async () => {
    const { extractor: ocr, calls } = fakeOcr();
    const extractor = new TextLayerFirstExtractor(ocr, readPdfTextLayers);

    const wantsAsync = await extractor.asyncJobs?.wantsAsync(request('fixtures/documents/form-scan-1.pdf'));

    expect(wantsAsync).toBe(true);
    expect(calls).toEqual(['wantsAsync']);
  });

  it('tells the OCR service how many pages a scanned PDF has, read on the way', async () => {
    const { extractor: ocr, requests } = fakeOcr();
    const extractor = new TextLayerFirstExtractor(ocr, readPdfTextLayers);
    const scan = request('fixtures/documents/form-scan-1.pdf');

    await extractor.asyncJobs?.wantsAsync(scan);
    for await (const page of extractor.extractPages(scan)) expect(page.method).toBe('ocr');

    expect(requests.map((r) => r.pageCount)).toEqual([1, 1]);
    expect(requests.every((r) => r.bytes === scan.bytes && r.source === scan.source)).toBe(true);
  });

  it('leaves images to the OCR service', async () => {
    const { extractor: ocr, calls } = fakeOcr();
    const extractor = new TextLayerFirstExtractor(ocr, readPdfTextLayers);

    const pages: ExtractedPage[] = [];
    for await (const page of extractor.extractPages({ ...request('fixtures/documents/memo-scan-1.png'), mediaType: 'image/png' })) pages.push(page);

    expect(pages).toEqual([{ pageNumber: 1, text: 'from ocr', method: 'ocr', confidence: 0.9 }]);
    expect(calls).toEqual(['extractPages']);
  });
});
