import type { IncomingMessage, ServerResponse } from 'node:http';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectStore } from '../../shared/aws/object-store.js';
import { storedPagesSchema } from '../../shared/contracts/stages.js';
import { PII_ENTITY_TYPES } from '../../shared/ports/pii-detector.js';
import type { SearchIndex, SearchResults } from '../../shared/ports/search-index.js';
import type { RecordStore } from '../../shared/records/records.js';
import type { ExecutionStore } from '../execution-store.js';
import {
  documentIdSchema,
  executionNameSchema,
  executionsQuerySchema,
  parseRequest,
  queryObject,
  searchQuerySchema,
  uploadQuerySchema,
} from './api-schemas.js';
import { documentRows, limitPages, type DocumentDetail } from './document-views.js';
import { executionDetail, executionNameOf, executionRow } from './execution-views.js';
import type { GraphLayout } from './graph-layout.js';
import { snippetSegments } from './highlight-segments.js';
import { ConsoleRequestError, sendJson } from './http-responses.js';
import { readBody } from './request-body.js';
import { STATE_STATUSES } from './state-runs.js';
import { uploadKeyFor } from './upload-key.js';

/** What the console reads and writes: the runtime's own stores, never copies. */
export interface ConsoleSources {
  readonly executions: ExecutionStore;
  readonly records: RecordStore;
  readonly objects: ObjectStore;
  readonly s3: S3Client;
  readonly searchIndex: () => Promise<SearchIndex>;
  readonly layout: GraphLayout;
  readonly uploadBucket: string;
  readonly derivedBucket: string;
  /** Largest upload accepted, in bytes (the pipeline's own limit). */
  readonly maxBytes: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, parts: readonly string[]) => Promise<void>;

/** JSON API under /api; returns false when the path is not one of its routes. */
export function createConsoleApi(sources: ConsoleSources): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const graph = { stateNames: sources.layout.nodes.map((node) => node.name), edges: sources.layout.edges };

  const routes: readonly { method: string; path: RegExp; handler: Handler }[] = [
    {
      method: 'GET',
      path: /^\/api\/definition$/,
      handler: async (_req, res) => sendJson(res, 200, { layout: sources.layout, statuses: STATE_STATUSES, piiTypes: PII_ENTITY_TYPES }),
    },
    {
      method: 'GET',
      path: /^\/api\/executions$/,
      handler: async (_req, res, url) => {
        const query = parseRequest(executionsQuerySchema, queryObject(url.searchParams), 'executions query');
        const summaries = sources.executions.list(query.status ? { status: query.status } : {}).slice(0, query.limit);
        const rows = summaries.flatMap((summary) => {
          const record = sources.executions.get(summary.name);
          return record ? [executionRow(record, graph)] : [];
        });
        sendJson(res, 200, { executions: rows });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/executions\/([^/]+)$/,
      handler: async (_req, res, _url, parts) => {
        const name = parseRequest(executionNameSchema, parts[0], 'execution name');
        const record = sources.executions.get(name);
        if (!record) throw new ConsoleRequestError(404, 'ExecutionNotFound', `No execution ${name}.`);
        sendJson(res, 200, { execution: executionDetail(record, graph) });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/documents$/,
      handler: async (_req, res) => sendJson(res, 200, { documents: documentRows(await sources.records.listDocuments()) }),
    },
    {
      method: 'GET',
      path: /^\/api\/documents\/([^/]+)$/,
      handler: async (_req, res, _url, parts) => {
        const documentId = parseRequest(documentIdSchema, parts[0], 'document id');
        const document = await sources.records.getDocument(documentId);
        if (!document) throw new ConsoleRequestError(404, 'DocumentNotFound', `No document ${documentId}.`);
        const stored = document.redactedTextKey
          ? await sources.objects.readJson({ bucket: sources.derivedBucket, key: document.redactedTextKey }, storedPagesSchema)
          : undefined;
        const limited = stored ? limitPages(stored.pages) : undefined;
        const uploads = await sources.records.uploadsOf(document.bucket, document.key);
        const detail: DocumentDetail = {
          document,
          executionName: executionNameOf(document.executionId),
          redactedPages: limited?.pages ?? null,
          truncated: limited?.truncated ?? false,
          uploads: uploads.map((upload) => ({ ...upload, executionName: executionNameOf(upload.executionId) })),
        };
        sendJson(res, 200, detail);
      },
    },
    {
      method: 'GET',
      path: /^\/api\/search$/,
      handler: async (_req, res, url) => {
        const query = parseRequest(searchQuerySchema, queryObject(url.searchParams), 'search');
        const index = await sources.searchIndex();
        let results: SearchResults;
        try {
          results = await index.search(query);
        } catch (error) {
          if (error instanceof Error && error.name === 'ContractViolationError') {
            throw new ConsoleRequestError(400, 'InvalidRequest', error.message, { cause: error });
          }
          throw error;
        }
        sendJson(res, 200, {
          query,
          total: results.total,
          page: results.page,
          pageSize: results.pageSize,
          hits: results.hits.map((hit) => ({ ...hit, snippets: hit.highlights.map(snippetSegments) })),
        });
      },
    },
    {
      method: 'PUT',
      path: /^\/api\/uploads$/,
      handler: async (req, res, url) => {
        const { name } = parseRequest(uploadQuerySchema, queryObject(url.searchParams), 'upload');
        const key = uploadKeyFor(name);
        const body = await readBody(req, sources.maxBytes);
        if (body.byteLength === 0) throw new ConsoleRequestError(400, 'EmptyFile', `${key} is empty.`);
        await sources.s3.send(new PutObjectCommand({ Bucket: sources.uploadBucket, Key: key, Body: body, ContentLength: body.byteLength }));
        sendJson(res, 201, { bucket: sources.uploadBucket, key, size: body.byteLength, uploadedAt: new Date().toISOString() });
      },
    },
  ];

  return async (req, res, url) => {
    if (!url.pathname.startsWith('/api/')) return false;
    const matching = routes.filter((route) => route.path.test(url.pathname));
    if (matching.length === 0) throw new ConsoleRequestError(404, 'NotFound', `No API route ${url.pathname}.`);
    const route = matching.find((r) => r.method === req.method);
    if (!route) throw new ConsoleRequestError(405, 'MethodNotAllowed', `${req.method ?? '?'} is not allowed on ${url.pathname}.`);
    const parts = (route.path.exec(url.pathname) ?? []).slice(1).map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        throw new ConsoleRequestError(400, 'InvalidRequest', 'The path is not valid URL encoding.');
      }
    });
    await route.handler(req, res, url, parts);
    return true;
  };
}
