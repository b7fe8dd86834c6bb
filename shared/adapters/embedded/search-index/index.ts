export { SqliteSearchIndex, type SqliteSearchIndexOptions } from './sqlite-search-index.js';
export type { StoredSearchDocument } from './document-rows.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.js';
