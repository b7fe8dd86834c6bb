import { InvalidDocumentError, PageLimitExceededError } from '../../../errors.js';
import type { ExtractedPage } from '../../../ports/text-extractor.js';

const FORM_FEED = '\f';

/**
 * Splits UTF-8 text into pages at form feeds (the page break of printed text). A form feed at the very end
 * closes the last page rather than opening an empty one. Text without form feeds is one page.
 */
export function plainTextPages(bytes: Uint8Array, maxPages: number): ExtractedPage[] {
  const text = decodeUtf8(bytes).replace(/\r\n?/g, '\n');
  const parts = text.split(FORM_FEED);
  if (parts.length > 1 && parts[parts.length - 1]?.trim() === '') parts.pop();
  if (parts.length > maxPages) {
    throw new PageLimitExceededError(`Text has ${parts.length} pages (form feeds), over the limit of ${maxPages} (setting DOCPIPE_MAX_PAGES)`);
  }
  return parts.map((pageText, index) => ({
    pageNumber: index + 1,
    text: pageText,
    method: 'plain-text',
    confidence: 1,
  }));
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InvalidDocumentError('Document declared as text/plain is not valid UTF-8 text', { cause: error });
  }
}
