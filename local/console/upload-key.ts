import { ConsoleRequestError } from './http-responses.js';

/**
 * The object key for a file dropped on the page: its base name (a browser sends no folders), with control
 * characters removed. Refuses hidden files and names that are empty, `.`/`..` or over S3's 1,024-byte limit.
 */
export function uploadKeyFor(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base === '' || base === '.' || base === '..') {
    throw new ConsoleRequestError(400, 'InvalidFileName', 'The file needs a name.');
  }
  if (base.startsWith('.')) {
    throw new ConsoleRequestError(400, 'InvalidFileName', `Hidden files are not uploaded (${base}).`);
  }
  if (Buffer.byteLength(base, 'utf8') > 1024) {
    throw new ConsoleRequestError(400, 'InvalidFileName', 'The file name is longer than an object key may be (1,024 bytes).');
  }
  return base;
}
