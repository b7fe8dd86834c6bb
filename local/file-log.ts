import { appendFileSync } from 'node:fs';
import type { Log, LogAttributes } from '../shared/log.js';

/** JSON-lines log file for the local runtime (stdout stays free for command output). */
export function fileLog(path: string, base: LogAttributes = {}): Log {
  const write = (level: string, message: string, attributes?: LogAttributes): void => {
    const line = JSON.stringify({ timestamp: new Date().toISOString(), level, message, ...base, ...attributes });
    appendFileSync(path, `${line}\n`);
  };
  return {
    debug: (message, attributes) => write('DEBUG', message, attributes),
    info: (message, attributes) => write('INFO', message, attributes),
    warn: (message, attributes) => write('WARN', message, attributes),
    error: (message, attributes) => write('ERROR', message, attributes),
  };
}
