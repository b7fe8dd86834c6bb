import type { API } from '@opensearch-project/opensearch';
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchQuery } from '../../ports/search-index.js';
import type { Paging } from '../embedded/search-index/paging.js';
import { lowerBound, upperBound } from '../embedded/search-index/timestamps.js';

type QueryContainer = NonNullable<API.Search_RequestBody['query']>;

/** Fields searched for free text, with the summary weighted double. */
export const SEARCHED_FIELDS = ['redactedText', 'summary^2', 'keyPoints', 'key'];

/** Filters of a query: document type, every one of the PII types, and processedAt bounds (inclusive). */
export function searchFilters(query: SearchQuery): QueryContainer[] {
  const filters: QueryContainer[] = [];
  if (query.documentType !== undefined && query.documentType !== '') {
    filters.push({ term: { documentType: query.documentType } });
  }
  for (const type of new Set(query.piiTypes ?? [])) filters.push({ term: { piiTypes: type } });
  if (query.from !== undefined || query.to !== undefined) {
    filters.push({
      range: {
        processedAt: {
          ...(query.from === undefined ? {} : { gte: lowerBound(query.from) }),
          ...(query.to === undefined ? {} : { lte: upperBound(query.to) }),
        },
      },
    });
  }
  return filters;
}

/**
 * The search request body. Free text: every word must match, across the searched fields (cross_fields, AND), ranked
 * by relevance, newest first among equals; highlights from the redacted text, then the summary, then (only when
 * neither matched, see the hit mapping) the file name. No text: everything matching the filters, newest first.
 * The redacted text is left out of the returned source (hits carry highlights instead).
 */
export function searchRequestBody(query: SearchQuery, paging: Paging): API.Search_RequestBody {
  const text = query.text?.trim() ?? '';
  const filter = searchFilters(query);
  const page = { from: paging.offset, size: paging.pageSize, track_total_hits: true, _source: { excludes: ['redactedText'] } };
  if (text === '') {
    return {
      ...page,
      query: filter.length === 0 ? { match_all: {} } : { bool: { must: [{ match_all: {} }], filter } },
      sort: [{ processedAt: { order: 'desc' } }, { documentId: { order: 'asc' } }],
    };
  }
  return {
    ...page,
    query: {
      bool: {
        must: [{ multi_match: { query: text, fields: SEARCHED_FIELDS, type: 'cross_fields', operator: 'and' } }],
        filter,
      },
    },
    sort: [{ _score: { order: 'desc' } }, { processedAt: { order: 'desc' } }, { documentId: { order: 'asc' } }],
    highlight: {
      pre_tags: [HIGHLIGHT_START],
      post_tags: [HIGHLIGHT_END],
      fields: {
        redactedText: { fragment_size: 160, number_of_fragments: 1 },
        summary: { fragment_size: 160, number_of_fragments: 1 },
        key: { number_of_fragments: 0 },
      },
    },
  };
}
