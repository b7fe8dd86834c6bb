import { ExecutionStore, type ExecutionStatus } from '../execution-store.js';
import { printJson, seconds, table, truncate } from '../format.js';
import { dataPaths } from '../paths.js';

const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED'];

/** Lists the local engine's executions, newest first. */
export function executionsCommand(options: { dataDir: string; status?: string; json: boolean; limit: number }): number {
  let status: ExecutionStatus | undefined;
  if (options.status) {
    const wanted = options.status.toUpperCase();
    status = STATUSES.find((s) => s === wanted);
    if (!status) throw new Error(`Unknown status "${options.status}". Use one of: ${STATUSES.join(', ')}`);
  }
  const list = new ExecutionStore(dataPaths(options.dataDir).executions).list(status ? { status } : {}).slice(0, options.limit);
  if (options.json) {
    printJson({ executions: list });
    return 0;
  }
  if (list.length === 0) {
    process.stdout.write('No executions.\n');
    return 0;
  }
  process.stdout.write(
    `${table(
      ['execution', 'status', 'key', 'started', 'duration', 'error'],
      list.map((e) => [e.name, e.status, truncate(e.key, 40), e.startedAt.slice(0, 19), seconds(e.durationMs), truncate(e.cause ?? e.error ?? '', 60)]),
    )}\n`,
  );
  return 0;
}
