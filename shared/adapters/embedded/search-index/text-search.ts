import type { SearchHit, SearchResults } from '../../../ports/search-index.js';
import { toHit } from './document-rows.js';
import { facetExpression, prefixMayMatchFacets } from './facets.js';
import { timeConditions, whereClause, type SearchFilters } from './filters.js';
import type { FtsQuery } from './fts-query.js';
import { chooseHighlights, MATCH_END, MATCH_START, SNIPPET_ELLIPSIS, SNIPPET_TOKENS } from './highlights.js';
import type { Paging } from './paging.js';
import type { RankedRow, SqlParameter, StatementCache } from './statements.js';
import { idRange } from './time-order.js';

/**
 * Restricts the user's words to the text columns. Needed only for prefix terms that could reach facet tokens
 * (see prefixMayMatchFacets): a whole word cannot equal a facet token, but a prefix such as `x*` could match them.
 * The filter makes FTS5 sort the positions of every matching row by column, which adds a third to a half to each
 * statement of a prefix query, so it is left out whenever no prefix can match a facet.
 */
const CONTENT_COLUMNS = '{redacted_text summary key}';
/** bm25 weights by column: redacted text, summary (a bit higher), file name, facets (ignored). */
const BM25 = 'bm25(documents_fts, 1.0, 1.5, 1.0, 0.0)';

function snippetSql(column: number): string {
  const markers = `'${MATCH_START}', '${MATCH_END}', '${SNIPPET_ELLIPSIS}'`;
  return `snippet(documents_fts, ${column}, ${markers}, ${SNIPPET_TOKENS})`;
}

/** Limits a match to a range of ids (cast: see matchSource). */
const ID_RANGE = 'documents_fts.rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)';

/**
 * Rows and snippets of one page of hits in one statement: the id range lets FTS5 evaluate the query once, and the
 * `+` keeps the id list from being turned into one lookup (and one query evaluation) per id.
 */
const HIT_DETAILS_SQL = `
  SELECT d.*, ${snippetSql(0)} AS text_snippet, ${snippetSql(1)} AS summary_snippet, ${snippetSql(2)} AS key_snippet
  FROM documents_fts CROSS JOIN documents d ON d.id = documents_fts.rowid
  WHERE documents_fts MATCH ? AND ${ID_RANGE} AND +documents_fts.rowid IN (SELECT value FROM json_each(?))`;

export interface TextSearchContext {
  readonly statements: StatementCache;
  /** How many of the most recently processed matches are ranked by bm25 (see searchText). */
  readonly rankingWindow: number;
}

/** FROM/WHERE of a full-text match and its parameters, in order. */
export interface MatchSource {
  readonly sql: string;
  readonly parameters: readonly SqlParameter[];
}

/**
 * FROM/WHERE of a full-text match within the filters' time bounds, given as a range of time-ordered ids. Joined
 * to `documents` only when a bound falls inside a second, so exact times must be checked row by row.
 * (Ids are cast: better-sqlite3 binds numbers as REAL, and FTS5 seeks by rowid only for INTEGER values.)
 */
export function matchSource(match: string, filters: SearchFilters): MatchSource {
  const ids = idRange(filters);
  if (ids === undefined) return { sql: 'FROM documents_fts WHERE documents_fts MATCH ?', parameters: [match] };
  if (!ids.needsExactTime) {
    return {
      sql: `FROM documents_fts WHERE documents_fts MATCH ? AND ${ID_RANGE}`,
      parameters: [match, ids.low, ids.high],
    };
  }
  const exact = timeConditions(filters);
  return {
    sql:
      'FROM documents_fts CROSS JOIN documents d ON d.id = documents_fts.rowid ' +
      `WHERE documents_fts MATCH ? AND ${ID_RANGE}${whereClause(exact.conditions, 'AND')}`,
    parameters: [match, ids.low, ids.high, ...exact.parameters],
  };
}

/**
 * The exact total and one page of ranked matches. The newest `rankingWindow` matches are scored with bm25 in one
 * pass (newest first, which FTS5 walks natively) and sorted; the full count is needed only when the window is
 * full. Pages beyond the window take older matches, newest first.
 */
function rankPage(
  context: TextSearchContext,
  source: MatchSource,
  paging: Paging,
): { readonly total: number; readonly ranked: RankedRow[] } {
  const window = context.rankingWindow;
  const inWindow =
    paging.offset >= window
      ? []
      : context.statements
          .windowRows(
            `SELECT id, rank, count(*) OVER () AS in_window FROM (
               SELECT documents_fts.rowid AS id, ${BM25} AS rank ${source.sql}
               ORDER BY documents_fts.rowid DESC LIMIT ?
             ) ORDER BY rank, id DESC LIMIT ? OFFSET ?`,
          )
          .all(...source.parameters, window, paging.pageSize, paging.offset);
  const windowSize = inWindow[0]?.in_window;
  const total =
    windowSize !== undefined && windowSize < window
      ? windowSize
      : (context.statements.count(`SELECT count(*) AS total ${source.sql}`).get(...source.parameters)?.total ?? 0);
  const ranked: RankedRow[] = inWindow.map(({ id, rank }) => ({ id, rank }));
  if (ranked.length < paging.pageSize && total > window) {
    const older = context.statements.rankedRows(
      `SELECT documents_fts.rowid AS id, ${BM25} AS rank ${source.sql}
       ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?`,
    );
    const olderOffset = window + Math.max(0, paging.offset - window);
    ranked.push(...older.all(...source.parameters, paging.pageSize - ranked.length, olderOffset));
  }
  return { total, ranked };
}

function hitsFor(context: TextSearchContext, contentMatch: string, ranked: readonly RankedRow[]): SearchHit[] {
  if (ranked.length === 0) return [];
  const ids = ranked.map((row) => row.id);
  const details = context.statements
    .hitDetailRows(HIT_DETAILS_SQL)
    .all(contentMatch, Math.min(...ids), Math.max(...ids), JSON.stringify(ids));
  const byId = new Map(details.map((row) => [row.id, row]));
  return ranked.flatMap(({ id, rank }) => {
    const row = byId.get(id);
    if (row === undefined) return [];
    const highlights = chooseHighlights({ text: row.text_snippet, summary: row.summary_snippet, key: row.key_snippet });
    return [toHit(row, -rank, highlights)];
  });
}

/**
 * Free-text search with an exact total. Ranking: the `rankingWindow` most recently processed matches are ordered
 * by bm25 (best first); when a query matches more documents than that, the older ones follow, newest first. This
 * bounds the cost of broad queries, whose full bm25 order would mean scoring every match.
 */
export function searchText(
  context: TextSearchContext,
  query: FtsQuery,
  filters: SearchFilters,
  paging: Paging,
): SearchResults {
  const contentMatch = query.prefixWords.some(prefixMayMatchFacets)
    ? `${CONTENT_COLUMNS} : (${query.expression})`
    : `(${query.expression})`;
  const facets = facetExpression(filters);
  const source = matchSource(facets === undefined ? contentMatch : `${contentMatch} AND ${facets}`, filters);
  const { total, ranked } = rankPage(context, source, paging);
  return { total, page: paging.page, pageSize: paging.pageSize, hits: hitsFor(context, contentMatch, ranked) };
}
