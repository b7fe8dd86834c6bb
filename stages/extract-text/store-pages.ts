import type { ObjectStore } from '../../shared/aws/object-store.js';
import { derivedKeys } from '../../shared/contracts/derived-keys.js';
import type { ClaimedDocument, CompletedExtraction, StoredPages } from '../../shared/contracts/stages.js';
import { InvalidDocumentError } from '../../shared/errors.js';
import type { ExtractedPage } from '../../shared/ports/text-extractor.js';

/**
 * Takes the pages as the extractor hands them over, one at a time, keeping only their text; checks that they hold
 * some words; writes them to the derived bucket and returns the reference the next states carry. Shared by
 * ExtractText (synchronous extraction) and CheckExtraction (a finished asynchronous job).
 */
export async function storePages(
  document: ClaimedDocument,
  extracted: AsyncIterable<ExtractedPage> | Iterable<ExtractedPage>,
  deps: { readonly objects: ObjectStore; readonly derivedBucket: string },
): Promise<CompletedExtraction> {
  const pages: StoredPages['pages'] = [];
  let letters = 0;
  for await (const page of extracted) {
    pages.push({ pageNumber: page.pageNumber, text: page.text, method: page.method, confidence: page.confidence });
    letters += page.text.match(/\p{L}/gu)?.length ?? 0;
  }
  if (pages.length === 0) throw new InvalidDocumentError('The document has no pages');
  if (letters === 0) {
    throw new InvalidDocumentError(
      document.mediaType === 'text/plain'
        ? 'The text file contains no words (only whitespace or symbols)'
        : `No text found on ${pages.length === 1 ? 'the page' : `any of the ${pages.length} pages`}: no text layer and OCR found no words`,
    );
  }
  const text = { bucket: deps.derivedBucket, key: derivedKeys.pages(document.documentId) };
  await deps.objects.writeJson(text, { documentId: document.documentId, pages } satisfies StoredPages);
  const methods = new Set(pages.map((page) => page.method));
  const confidence = pages.reduce((sum, page) => sum + page.confidence, 0) / pages.length;
  return {
    status: 'COMPLETE',
    text,
    pageCount: pages.length,
    characterCount: pages.reduce((sum, page) => sum + page.text.length, 0),
    method: methods.size === 1 ? ([...methods][0] ?? 'mixed') : 'mixed',
    confidence: Math.min(1, Math.max(0, confidence)),
    ocrPages: pages.filter((page) => page.method === 'ocr').length,
  };
}
