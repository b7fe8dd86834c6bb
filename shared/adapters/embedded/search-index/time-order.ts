import { ContractViolationError } from '../../../errors.js';
import type { SearchFilters } from './filters.js';

/**
 * Document ids are time-ordered: `second of processedAt × IDS_PER_SECOND + sequence`. So the newest documents have
 * the highest ids, a date filter is a range of ids (which FTS5 applies natively on its rowid), and listing by time
 * walks the primary key. Ids stay below 2^53, exact as JavaScript numbers.
 */
export const IDS_PER_SECOND = 2 ** 20;
const EARLIEST_SECOND = Date.UTC(1900, 0, 1) / 1000;
const LATEST_SECOND = Date.UTC(2200, 0, 1) / 1000 - 1;

function secondOf(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/** The first and last id a document processed at `processedAt` (stored form) may take. */
export function idsOfSecond(
  processedAt: string,
  documentId: string,
): { readonly first: number; readonly last: number } {
  const second = secondOf(processedAt);
  if (second < EARLIEST_SECOND || second > LATEST_SECOND) {
    throw new ContractViolationError(
      `Search document ${documentId}: processedAt ${processedAt} is outside the years 1900 to 2199.`,
    );
  }
  const first = second * IDS_PER_SECOND;
  return { first, last: first + IDS_PER_SECOND - 1 };
}

/** Ids covering a time filter, and whether a bound falls inside a second so exact times must still be checked. */
export interface IdRange {
  readonly low: number;
  readonly high: number;
  readonly needsExactTime: boolean;
}

/** The id range of the filters' time bounds, or undefined when they set none. */
export function idRange(filters: SearchFilters): IdRange | undefined {
  if (filters.from === undefined && filters.to === undefined) return undefined;
  const fromSecond = filters.from === undefined ? EARLIEST_SECOND : Math.max(EARLIEST_SECOND, secondOf(filters.from));
  const toSecond = filters.to === undefined ? LATEST_SECOND : Math.min(LATEST_SECOND, secondOf(filters.to));
  const needsExactTime =
    (filters.from !== undefined && Date.parse(filters.from) % 1000 !== 0) ||
    (filters.to !== undefined && Date.parse(filters.to) % 1000 !== 999);
  return { low: fromSecond * IDS_PER_SECOND, high: (toSecond + 1) * IDS_PER_SECOND - 1, needsExactTime };
}
