import { existsSync } from 'node:fs';
import { SqliteSearchIndex } from '../../shared/adapters/embedded/search-index/index.js';
import { PII_ENTITY_TYPES, type PiiEntityType } from '../../shared/ports/pii-detector.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchIndex, type SearchQuery, type SearchResults } from '../../shared/ports/search-index.js';
import { loadAwsAdapterSettings } from '../../shared/adapters/aws/aws-settings.js';
import { printJson, table, truncate } from '../format.js';
import { dataPaths } from '../paths.js';

export interface SearchOptions {
  readonly dataDir: string;
  readonly type?: string;
  readonly pii?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly page: number;
  readonly pageSize: number;
  readonly json: boolean;
  /** A deployed OpenSearch endpoint; the local index otherwise. */
  readonly endpoint?: string;
}

function localIndex(dataDir: string): SearchIndex {
  const paths = dataPaths(dataDir);
  if (!existsSync(paths.searchIndex)) {
    throw new Error(`No search index at ${paths.searchIndex}: process some documents first (docpipe process <files> or docpipe up)`);
  }
  return new SqliteSearchIndex({ path: paths.searchIndex });
}

/** The deployed index, signed with the caller's AWS credentials (service and region read from the endpoint). */
async function openSearchIndex(endpoint: string): Promise<SearchIndex> {
  const { openSearch } = loadAwsAdapterSettings({ ...process.env, DOCPIPE_SEARCH: 'opensearch', DOCPIPE_OPENSEARCH_ENDPOINT: endpoint });
  if (!openSearch) throw new Error('OpenSearch settings are incomplete');
  const [{ fromNodeProviderChain }, { createOpenSearchClient }, { OpenSearchSearchIndex }] = await Promise.all([
    import('@aws-sdk/credential-providers'),
    import('../../shared/adapters/aws/opensearch-client.js'),
    import('../../shared/adapters/aws/opensearch-search-index.js'),
  ]);
  // Read-only: no ensureIndex, so a reader role without create permissions can search.
  const client = createOpenSearchClient({ ...openSearch, getCredentials: fromNodeProviderChain() });
  return new OpenSearchSearchIndex({ client, index: openSearch.index });
}

export function parsePiiTypes(values: readonly string[] | undefined): PiiEntityType[] | undefined {
  if (!values || values.length === 0) return undefined;
  return values.flatMap((value) => value.split(',')).map((raw) => {
    const type = raw.trim().toUpperCase();
    if (!(PII_ENTITY_TYPES as readonly string[]).includes(type)) {
      throw new Error(`Unknown PII type "${raw}". Known types: ${PII_ENTITY_TYPES.join(', ')}`);
    }
    return type as PiiEntityType;
  });
}

/** Queries the embedded search index (the SQLite file under the data folder). */
export async function searchCommand(text: string | undefined, options: SearchOptions): Promise<number> {
  const piiTypes = parsePiiTypes(options.pii);
  const query: SearchQuery = {
    ...(text ? { text } : {}),
    ...(options.type ? { documentType: options.type } : {}),
    ...(piiTypes ? { piiTypes } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    page: options.page,
    pageSize: options.pageSize,
  };
  const index = options.endpoint ? await openSearchIndex(options.endpoint) : localIndex(options.dataDir);
  let results: SearchResults;
  try {
    results = await index.search(query);
  } finally {
    await index.close();
  }
  if (options.json) {
    printJson({ query, ...results });
    return 0;
  }
  if (results.total === 0) {
    process.stdout.write('No documents found.\n');
    return 0;
  }
  const mark = (snippet: string): string =>
    process.stdout.isTTY
      ? snippet.split(HIGHLIGHT_START).join('\u001b[1m').split(HIGHLIGHT_END).join('\u001b[22m')
      : snippet.split(HIGHLIGHT_START).join('«').split(HIGHLIGHT_END).join('»');
  process.stdout.write(
    `${table(
      ['document', 'type', 'key', 'pages', 'pii', 'processed'],
      results.hits.map((hit) => [hit.documentId, hit.documentType, truncate(hit.key, 40), String(hit.pageCount), hit.piiTypes.join(','), hit.processedAt.slice(0, 19)]),
    )}\n`,
  );
  for (const hit of results.hits) {
    for (const snippet of hit.highlights) process.stdout.write(`  ${hit.documentId}: ${mark(snippet.replace(/\s+/g, ' '))}\n`);
  }
  const last = Math.min(results.total, results.page * results.pageSize);
  process.stdout.write(`\n${(results.page - 1) * results.pageSize + 1}-${last} of ${results.total}\n`);
  return 0;
}
