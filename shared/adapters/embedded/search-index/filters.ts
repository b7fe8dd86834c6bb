import { ContractViolationError } from '../../../errors.js';
import { PII_ENTITY_TYPES, type PiiEntityType } from '../../../ports/pii-detector.js';
import type { SearchQuery } from '../../../ports/search-index.js';
import { piiMask } from './pii-mask.js';
import { idRange } from './time-order.js';
import { lowerBound, upperBound } from './timestamps.js';

/** A query's filters, checked and normalised: times are stored-form ISO strings, inclusive. */
export interface SearchFilters {
  readonly documentType?: string;
  readonly piiTypes: readonly PiiEntityType[];
  readonly from?: string;
  readonly to?: string;
}

/** SQL conditions and their parameters, in order. */
export interface FilterSql {
  readonly conditions: readonly string[];
  readonly parameters: readonly (string | number)[];
}

/**
 * Reads the filters of a query. Empty strings count as absent; unknown PII types and unreadable times throw
 * ContractViolationError.
 */
export function resolveFilters(query: SearchQuery): SearchFilters {
  const present = (value: string | undefined): value is string => value !== undefined && value !== '';
  const unknown = (query.piiTypes ?? []).filter((type) => !(PII_ENTITY_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0) throw new ContractViolationError(`Unknown PII types in search: ${unknown.join(', ')}.`);
  return {
    ...(present(query.documentType) ? { documentType: query.documentType } : {}),
    piiTypes: [...new Set(query.piiTypes ?? [])],
    ...(present(query.from) ? { from: lowerBound(query.from) } : {}),
    ...(present(query.to) ? { to: upperBound(query.to) } : {}),
  };
}

/** Time bounds as SQL on the `documents` table aliased `d`. */
export function timeConditions(filters: SearchFilters): FilterSql {
  const conditions: string[] = [];
  const parameters: string[] = [];
  if (filters.from !== undefined) {
    conditions.push('d.processed_at >= ?');
    parameters.push(filters.from);
  }
  if (filters.to !== undefined) {
    conditions.push('d.processed_at <= ?');
    parameters.push(filters.to);
  }
  return { conditions, parameters };
}

/**
 * Every filter as SQL on the `documents` table aliased `d`: the time bounds as a range of time-ordered ids (plus
 * exact times when a bound falls inside a second), and a document must hold all the PII types asked for.
 */
export function documentConditions(filters: SearchFilters): FilterSql {
  const conditions: string[] = [];
  const parameters: (string | number)[] = [];
  if (filters.documentType !== undefined) {
    conditions.push('d.document_type = ?');
    parameters.push(filters.documentType);
  }
  if (filters.piiTypes.length > 0) {
    const mask = piiMask(filters.piiTypes);
    conditions.push('(d.pii_mask & ?) = ?');
    parameters.push(mask, mask);
  }
  const ids = idRange(filters);
  if (ids !== undefined) {
    conditions.push('d.id BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)');
    parameters.push(ids.low, ids.high);
    if (ids.needsExactTime) {
      const time = timeConditions(filters);
      conditions.push(...time.conditions);
      parameters.push(...time.parameters);
    }
  }
  return { conditions, parameters };
}

/** `AND`-joined conditions with a leading keyword, or an empty string when there are none. */
export function whereClause(conditions: readonly string[], keyword: 'WHERE' | 'AND'): string {
  return conditions.length === 0 ? '' : ` ${keyword} ${conditions.join(' AND ')}`;
}
