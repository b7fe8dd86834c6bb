import type { AsyncTextJobs, ExtractedPage, ExtractionRequest, TextExtractor } from '../../ports/text-extractor.js';

/**
 * Reads a PDF's text layers without OCR: every page's text when all are usable, else `complete: false`; with the
 * document's page count when the reader could open it.
 */
export type TextLayerReader = (
  bytes: Uint8Array,
  options: { maxPages: number; minTextLayerLetters: number },
) => Promise<{ readonly pages: readonly ExtractedPage[]; readonly complete: boolean; readonly pageCount?: number }>;

type TextLayerDecision = { readonly pages: readonly ExtractedPage[] } | { readonly pages?: undefined; readonly pageCount?: number };

/**
 * Born-digital PDFs keep their own text layer (no Textract cost); only PDFs with a page lacking a usable text layer,
 * and images, go to the OCR service. The text layers read while deciding are reused, so a PDF is parsed once, and a
 * PDF sent to OCR carries the page count read on the way (a one-page scan then needs no asynchronous job).
 */
export class TextLayerFirstExtractor implements TextExtractor {
  private readonly decided = new WeakMap<ExtractionRequest, TextLayerDecision>();
  readonly asyncJobs: AsyncTextJobs | undefined;

  constructor(
    private readonly ocr: TextExtractor,
    private readonly readTextLayers: TextLayerReader,
    private readonly minTextLayerLetters = 20,
  ) {
    const inner = ocr.asyncJobs;
    this.asyncJobs = inner && {
      wantsAsync: async (request) => {
        const decision = await this.decide(request);
        return decision.pages === undefined && inner.wantsAsync(withPageCount(request, decision.pageCount));
      },
      start: (source, key) => inner.start(source, key),
      check: (jobId, maxPages) => inner.check(jobId, maxPages),
    };
  }

  async *extractPages(request: ExtractionRequest): AsyncIterable<ExtractedPage> {
    const decision = await this.decide(request);
    if (decision.pages) {
      yield* decision.pages;
      return;
    }
    yield* this.ocr.extractPages(withPageCount(request, decision.pageCount));
  }

  close(): Promise<void> {
    return this.ocr.close();
  }

  private async decide(request: ExtractionRequest): Promise<TextLayerDecision> {
    if (request.mediaType !== 'application/pdf') return {};
    const known = this.decided.get(request);
    if (known) return known;
    const read = await this.readTextLayers(request.bytes, { maxPages: request.maxPages, minTextLayerLetters: this.minTextLayerLetters });
    const decision: TextLayerDecision = read.complete ? { pages: read.pages } : { pageCount: read.pageCount };
    this.decided.set(request, decision);
    return decision;
  }
}

function withPageCount(request: ExtractionRequest, pageCount: number | undefined): ExtractionRequest {
  return pageCount === undefined || request.pageCount !== undefined ? request : { ...request, pageCount };
}
