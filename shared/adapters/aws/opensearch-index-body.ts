import type { API } from '@opensearch-project/opensearch';

const englishText = { type: 'text', analyzer: 'english' } as const;
const englishTextWithOffsets = { ...englishText, index_options: 'offsets' } as const;

/**
 * The index's explicit mapping. `dynamic: strict` rejects any field not listed (the adapter writes exactly these).
 * The two long text fields keep offsets in the postings, so highlighting needs no re-analysis of the text (and is
 * not limited by `index.highlight.max_analyzed_offset` on long documents). No shard or replica settings: OpenSearch
 * Serverless does not accept them.
 */
export const SEARCH_INDEX_BODY: API.Indices_Create_RequestBody = {
  mappings: {
    dynamic: 'strict',
    properties: {
      documentId: { type: 'keyword' },
      key: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } },
      documentType: { type: 'keyword' },
      piiTypes: { type: 'keyword' },
      pageCount: { type: 'integer' },
      processedAt: { type: 'date', format: 'strict_date_optional_time' },
      redactedText: englishTextWithOffsets,
      summary: englishTextWithOffsets,
      keyPoints: englishText,
    },
  },
};
