import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createS3Client } from '../../shared/aws/clients.js';
import type { ExecutionRecord } from '../execution-store.js';
import { LOCAL_NAMES } from '../paths.js';
import { loadPipelineDefinition } from '../pipeline-runner.js';
import type { LocalRuntime } from '../runtime.js';
import { parseAslDefinition } from './asl-definition.js';
import { createConsoleApi } from './console-api.js';
import { EventStream } from './event-stream.js';
import { executionRow } from './execution-views.js';
import { layoutStateMachine } from './graph-layout.js';
import { ConsoleRequestError, sendError } from './http-responses.js';
import { serveStatic } from './static-files.js';

export const DEFAULT_CONSOLE_PORT = 4571;
export const DEFAULT_CONSOLE_HOST = '127.0.0.1';

export interface ConsoleOptions {
  readonly runtime: LocalRuntime;
  /** 0 picks a free port. */
  readonly port: number;
  /** Address to bind; loopback unless given. */
  readonly host?: string;
}

export interface ConsoleServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The web console of the local runtime: the executions with their state machine graph, the documents, search and
 * upload, on 127.0.0.1 by default. Pages update from server-sent events at /api/events.
 */
export async function startConsole(options: ConsoleOptions): Promise<ConsoleServer> {
  const { runtime } = options;
  const host = options.host ?? DEFAULT_CONSOLE_HOST;
  const layout = layoutStateMachine(parseAslDefinition(loadPipelineDefinition()));
  const graph = { stateNames: layout.nodes.map((node) => node.name), edges: layout.edges };
  const s3 = createS3Client();
  const api = createConsoleApi({
    executions: runtime.executions,
    records: runtime.deps.records,
    objects: runtime.deps.objects,
    s3,
    searchIndex: runtime.deps.searchIndex,
    layout,
    uploadBucket: LOCAL_NAMES.uploadBucket,
    derivedBucket: runtime.config.derivedBucket,
    maxBytes: runtime.config.maxBytes,
  });
  const stream = new EventStream();
  const onExecution = (record: ExecutionRecord): void => stream.send('execution', executionRow(record, graph));
  runtime.runner.on('execution', onExecution);

  const loopbackOnly = LOOPBACK_NAMES.has(host);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A page on another site cannot reach the console through a name that resolves to 127.0.0.1 (DNS rebinding).
    const hostHeader = req.headers.host ?? '';
    const hostName = hostHeader.replace(/:\d+$/, '');
    if (loopbackOnly && !LOOPBACK_NAMES.has(hostName)) {
      throw new ConsoleRequestError(421, 'MisdirectedRequest', 'The console answers only to 127.0.0.1 or localhost.');
    }
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    if (url.pathname === '/api/events' && req.method === 'GET') {
      stream.open(res);
      return;
    }
    if (await api(req, res, url)) return;
    if (req.method === 'GET' && (await serveStatic(url.pathname, res))) return;
    throw new ConsoleRequestError(404, 'NotFound', `Nothing at ${url.pathname}.`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!(error instanceof ConsoleRequestError)) {
        runtime.log.error('Console request failed', { path: req.url?.split('?')[0] ?? '', error: error instanceof Error ? error.name : 'Error' });
      }
      sendError(res, error);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    runtime.runner.off('execution', onExecution);
    stream.close();
    s3.destroy();
    throw new Error(`Could not start the console on ${host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    async close() {
      runtime.runner.off('execution', onExecution);
      stream.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      s3.destroy();
    },
  };
}
