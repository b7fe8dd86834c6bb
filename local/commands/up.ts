import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createS3Client } from '../../shared/aws/clients.js';
import { DEFAULT_CONSOLE_PORT, startConsole, type ConsoleServer } from '../console/console-server.js';
import type { ExecutionRecord } from '../execution-store.js';
import { InboxWatcher, seedInbox } from '../inbox.js';
import { LOCAL_NAMES } from '../paths.js';
import { startLocalRuntime } from '../runtime.js';

export interface UpOptions {
  readonly dataDir: string;
  readonly inbox: string;
  readonly s3Port: number;
  readonly dynamoPort: number;
  readonly concurrency: number;
  readonly seed: boolean;
  /** Web console port (0 = any free port); default 4571. */
  readonly consolePort?: number;
  /** Address the console binds; 127.0.0.1 unless given. */
  readonly consoleHost?: string;
  /** False: no web console. */
  readonly console?: boolean;
}

const SAMPLES_DIR = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));

/**
 * Starts the local pipeline and keeps it running: services on 127.0.0.1, an inbox folder watched for new files, and
 * one line per finished execution. What `npm start` runs.
 */
export async function upCommand(options: UpOptions): Promise<number> {
  const runtime = await startLocalRuntime({
    dataDir: options.dataDir,
    s3Port: options.s3Port,
    dynamoPort: options.dynamoPort,
    concurrency: options.concurrency,
    advertise: true,
  });
  const inbox = resolve(options.inbox);
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);

  if (options.seed) {
    const samples = readdirSync(SAMPLES_DIR).filter((name) => !name.startsWith('.')).map((name) => join(SAMPLES_DIR, name));
    const seeded = seedInbox(inbox, samples, join(runtime.paths.root, 'inbox-seeded'));
    if (seeded > 0) out(`Seeded ${seeded} sample documents into ${inbox}`);
  }

  runtime.runner.on('execution', (record: ExecutionRecord) => {
    if (record.status === 'RUNNING') return;
    const stored = record.history.find((e) => e.type === 'StateExited' && e.stateName === 'Store')?.output as
      | { stored?: { documentId?: string; documentType?: string } }
      | undefined;
    const skipped = record.history.some((e) => e.stateName === 'SkipDuplicate');
    if (record.status === 'SUCCEEDED') {
      const detail = skipped ? 'duplicate, skipped' : `${stored?.stored?.documentType ?? '?'} ${stored?.stored?.documentId ?? ''}`;
      out(`ok    ${record.key} -> ${detail} (${((record.durationMs ?? 0) / 1000).toFixed(1)}s)`);
    } else {
      out(`FAIL  ${record.key}: ${record.cause ?? record.error ?? 'failed'}`);
    }
  });

  const s3 = createS3Client();
  const watcher = new InboxWatcher(inbox, s3, LOCAL_NAMES.uploadBucket, runtime.log);
  watcher.start();

  let webConsole: ConsoleServer | undefined;
  if (options.console !== false) {
    try {
      webConsole = await startConsole({
        runtime,
        port: options.consolePort ?? DEFAULT_CONSOLE_PORT,
        ...(options.consoleHost ? { host: options.consoleHost } : {}),
      });
    } catch (error) {
      watcher.stop();
      s3.destroy();
      await runtime.close();
      throw error;
    }
  }

  out('docpipe is up (embedded: no AWS account, no network)');
  out(`  S3 (s3rver)          ${runtime.services.s3Endpoint}  buckets: ${LOCAL_NAMES.uploadBucket}, ${LOCAL_NAMES.derivedBucket}`);
  out(`  DynamoDB (dynalite)  ${runtime.services.dynamoEndpoint}  table: ${LOCAL_NAMES.table}`);
  out(`  search index         ${runtime.paths.searchIndex}`);
  out(`  data folder          ${runtime.paths.root}`);
  out(`  inbox                ${inbox}  (drop files here)`);
  if (webConsole) out(`  console              ${webConsole.url}`);
  if (webConsole && !['127.0.0.1', 'localhost', '::1'].includes(webConsole.host)) {
    out('  warning: the console has no sign-in; anyone who can reach that address can read and upload documents');
  }
  out('Try: npx docpipe search invoice   |   npx docpipe executions   |   Ctrl+C to stop');

  await new Promise<void>((resolveStop) => {
    const stop = (): void => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  out('Stopping: waiting for executions in flight...');
  watcher.stop();
  await webConsole?.close();
  s3.destroy();
  await runtime.close();
  return 0;
}
