import { ContractViolationError } from '../../../errors.js';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

export interface Paging {
  readonly page: number;
  readonly pageSize: number;
  readonly offset: number;
}

/** Applies the defaults and rejects pages below 1 and page sizes outside 1..MAX_PAGE_SIZE. */
export function resolvePaging(page: number | undefined, pageSize: number | undefined): Paging {
  const resolvedPage = page ?? 1;
  const resolvedPageSize = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(resolvedPage) || resolvedPage < 1) {
    throw new ContractViolationError(`Search page must be an integer of 1 or more, got ${String(page)}.`);
  }
  if (!Number.isSafeInteger(resolvedPageSize) || resolvedPageSize < 1 || resolvedPageSize > MAX_PAGE_SIZE) {
    throw new ContractViolationError(
      `Search pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(pageSize)}.`,
    );
  }
  return { page: resolvedPage, pageSize: resolvedPageSize, offset: (resolvedPage - 1) * resolvedPageSize };
}
