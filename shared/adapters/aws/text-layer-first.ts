import type { AsyncTextJobs, ExtractedPage, ExtractionRequest, TextExtractor } from '../../ports/text-extractor.js';

/** Reads a PDF's text layers without OCR: every page's text when all are usable, else `complete: false`. */
export type TextLayerReader = (
  bytes: Uint8Array,
  options: { maxPages: number; minTextLayerLetters: number },
) => Promise<{ readonly pages: readonly ExtractedPage[]; readonly complete: boolean }>;

/**
 * Born-digital PDFs keep their own text layer (no Textract cost); only PDFs with a page lacking a usable text layer,
 * and images, go to the OCR service. The text layers read while deciding are reused, so a PDF is parsed once.
 */
export class TextLayerFirstExtractor implements TextExtractor {
  private readonly decided = new WeakMap<ExtractionRequest, readonly ExtractedPage[]>();
  readonly asyncJobs: AsyncTextJobs | undefined;

  constructor(
    private readonly ocr: TextExtractor,
    private readonly readTextLayers: TextLayerReader,
    private readonly minTextLayerLetters = 20,
  ) {
    const inner = ocr.asyncJobs;
    this.asyncJobs = inner && {
      wantsAsync: async (request) => (await this.textLayerPages(request)) === undefined && inner.wantsAsync(request),
      start: (source, key) => inner.start(source, key),
      check: (jobId, maxPages) => inner.check(jobId, maxPages),
    };
  }

  async *extractPages(request: ExtractionRequest): AsyncIterable<ExtractedPage> {
    const pages = await this.textLayerPages(request);
    if (pages) {
      yield* pages;
      return;
    }
    yield* this.ocr.extractPages(request);
  }

  close(): Promise<void> {
    return this.ocr.close();
  }

  private async textLayerPages(request: ExtractionRequest): Promise<readonly ExtractedPage[] | undefined> {
    if (request.mediaType !== 'application/pdf') return undefined;
    const known = this.decided.get(request);
    if (known) return known;
    const read = await this.readTextLayers(request.bytes, { maxPages: request.maxPages, minTextLayerLetters: this.minTextLayerLetters });
    if (!read.complete) return undefined;
    this.decided.set(request, read.pages);
    return read.pages;
  }
}
