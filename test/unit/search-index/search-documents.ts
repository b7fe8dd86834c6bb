import type { SearchDocument } from '../../../shared/ports/search-index.js';

/** A search document with sensible defaults; override what a test is about. */
export function searchDocument(overrides: Partial<SearchDocument> & Pick<SearchDocument, 'documentId'>): SearchDocument {
  return {
    key: `inbox/${overrides.documentId}.pdf`,
    documentType: 'letter',
    piiTypes: [],
    pageCount: 1,
    processedAt: '2024-05-01T12:00:00.000Z',
    redactedText: 'Dear customer, thank you for your letter.',
    summary: 'A short letter.',
    keyPoints: [],
    ...overrides,
  };
}
