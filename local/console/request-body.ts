import type { IncomingMessage } from 'node:http';
import { ConsoleRequestError } from './http-responses.js';

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/**
 * Reads a request body of at most `maxBytes`: a declared Content-Length above the limit is refused before reading,
 * and a body that grows past it is cut off. Both are 413 errors.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = (): ConsoleRequestError =>
    new ConsoleRequestError(413, 'FileTooLarge', `The file is larger than the ${mib(maxBytes)} the pipeline accepts.`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.byteLength;
    if (size > maxBytes) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}
