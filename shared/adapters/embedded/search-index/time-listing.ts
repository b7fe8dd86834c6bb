import type { SearchResults } from '../../../ports/search-index.js';
import { toHit } from './document-rows.js';
import { facetExpression } from './facets.js';
import { documentConditions, whereClause, type SearchFilters } from './filters.js';
import type { Paging } from './paging.js';
import type { StatementCache } from './statements.js';
import { matchSource } from './text-search.js';

/**
 * Lists documents newest first (time-ordered ids) with the filters and an exact total. A PII filter is counted
 * through the facets of the full-text index, where FTS5 intersects the types fast; other filters through table
 * indexes.
 */
export function listByTime(statements: StatementCache, filters: SearchFilters, paging: Paging): SearchResults {
  const sql = documentConditions(filters);
  const where = whereClause(sql.conditions, 'WHERE');
  const rows = statements
    .documentRows(`SELECT d.* FROM documents d${where} ORDER BY d.id DESC LIMIT ? OFFSET ?`)
    .all(...sql.parameters, paging.pageSize, paging.offset);
  const countAll = (): number => {
    const facets = facetExpression(filters);
    if (filters.piiTypes.length > 0 && facets !== undefined) {
      const source = matchSource(facets, filters);
      return statements.count(`SELECT count(*) AS total ${source.sql}`).get(...source.parameters)?.total ?? 0;
    }
    return statements.count(`SELECT count(*) AS total FROM documents d${where}`).get(...sql.parameters)?.total ?? 0;
  };
  const pageTellsTotal = rows.length > 0 && rows.length < paging.pageSize;
  const total = pageTellsTotal ? paging.offset + rows.length : countAll();
  return { total, page: paging.page, pageSize: paging.pageSize, hits: rows.map((row) => toHit(row, 0, [])) };
}
