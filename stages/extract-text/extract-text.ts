import type { ObjectStore } from '../../shared/aws/object-store.js';
import { derivedKeys } from '../../shared/contracts/derived-keys.js';
import { extractInputSchema, extractionSchema, type ExtractInput, type Extraction, type StoredPages } from '../../shared/contracts/stages.js';
import { defineTask } from '../../shared/contracts/task.js';
import { InvalidDocumentError } from '../../shared/errors.js';
import type { Log } from '../../shared/log.js';
import type { TextExtractor } from '../../shared/ports/text-extractor.js';

export interface ExtractTextDeps {
  readonly objects: ObjectStore;
  readonly textExtractor: () => Promise<TextExtractor>;
  readonly derivedBucket: string;
  readonly maxPages: number;
  readonly log: Log;
}

/** Pages with fewer letters than this count as having no text. */
const MIN_LETTERS = 1;

/** Extracts the text of every page, writes the pages to the derived bucket, and returns only a reference. */
export async function extractText(input: ExtractInput, deps: ExtractTextDeps): Promise<Extraction> {
  const { document } = input;
  const started = Date.now();
  const bytes = await deps.objects.read({ bucket: document.bucket, key: document.key });
  const pages: StoredPages['pages'] = [];
  const extractor = await deps.textExtractor();
  for await (const page of extractor.extractPages({ bytes, mediaType: document.mediaType, maxPages: deps.maxPages })) {
    pages.push({ pageNumber: page.pageNumber, text: page.text, method: page.method, confidence: page.confidence });
  }
  if (pages.length === 0) throw new InvalidDocumentError('The document has no pages');
  const characterCount = pages.reduce((sum, page) => sum + page.text.length, 0);
  const letters = pages.reduce((sum, page) => sum + (page.text.match(/\p{L}/gu)?.length ?? 0), 0);
  if (letters < MIN_LETTERS) {
    throw new InvalidDocumentError(
      document.mediaType === 'text/plain'
        ? 'The text file contains no words (only whitespace or symbols)'
        : `No text found on ${pages.length === 1 ? 'the page' : `any of the ${pages.length} pages`}: no text layer and OCR found no words`,
    );
  }

  const text = { bucket: deps.derivedBucket, key: derivedKeys.pages(document.documentId) };
  await deps.objects.writeJson(text, { documentId: document.documentId, pages } satisfies StoredPages);

  const methods = new Set(pages.map((page) => page.method));
  const ocrPages = pages.filter((page) => page.method === 'ocr').length;
  const confidence = pages.reduce((sum, page) => sum + page.confidence, 0) / pages.length;
  deps.log.info('Text extracted', {
    documentId: document.documentId,
    pageCount: pages.length,
    ocrPages,
    characterCount,
    ms: Date.now() - started,
  });
  return {
    text,
    pageCount: pages.length,
    characterCount,
    method: methods.size === 1 ? [...methods][0] ?? 'mixed' : 'mixed',
    confidence: Math.min(1, Math.max(0, confidence)),
    ocrPages,
  };
}

export const extractTextTask = defineTask('ExtractText', { input: extractInputSchema, output: extractionSchema }, extractText);
