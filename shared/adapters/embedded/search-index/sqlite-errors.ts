import { ConfigurationError, ContractViolationError, DocpipeError, TransientError } from '../../../errors.js';

/** Result codes (and extended codes starting with them) that may pass: another writer, I/O, memory, a full disk. */
const PASSING_CODES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_NOMEM',
  'SQLITE_INTERRUPT',
];
/** Result codes that say the file cannot serve as an index: a setting to fix, not a retry. */
const UNUSABLE_FILE_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'];

function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Maps a failure of the SQLite layer to a docpipe error: passing conditions are transient (retried), an unusable
 * file is a configuration problem, and anything else (an SQL error) is a bug that a retry would repeat.
 */
export function toDocpipeError(error: unknown, action: string, location: string): DocpipeError {
  if (error instanceof DocpipeError) return error;
  const code = sqliteCode(error) ?? 'unknown error';
  const detail = error instanceof Error ? error.message : String(error);
  const message = `Search index at ${location}: ${action} failed (${code}: ${detail}).`;
  if (PASSING_CODES.some((passing) => code.startsWith(passing))) return new TransientError(message, { cause: error });
  if (UNUSABLE_FILE_CODES.some((unusable) => code.startsWith(unusable))) {
    return new ConfigurationError(message, { cause: error });
  }
  return new ContractViolationError(message, { cause: error });
}
