import { ContractViolationError } from '../../../errors.js';
import type { SearchDocument } from '../../../ports/search-index.js';

/** Rejects a document the index cannot store faithfully (a caller's bug, never retried). */
export function assertIndexable(document: SearchDocument): void {
  if (typeof document.documentId !== 'string' || document.documentId.trim() === '') {
    throw new ContractViolationError('A search document needs a non-empty documentId.');
  }
  if (!Number.isSafeInteger(document.pageCount) || document.pageCount < 0) {
    throw new ContractViolationError(
      `Search document ${document.documentId}: pageCount must be a whole number of 0 or more, ` +
        `got ${String(document.pageCount)}.`,
    );
  }
}
