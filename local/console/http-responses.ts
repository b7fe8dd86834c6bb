import type { ServerResponse } from 'node:http';

/** A request the console refuses, with the HTTP status and a stable name the page and tests can match. */
export class ConsoleRequestError extends Error {
  override readonly name = 'ConsoleRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Headers on every response: nothing is cached, nothing sniffed, no script or frame from elsewhere. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** `{ "error": { "name", "message" } }` with the error's status (500 for anything unexpected, without internals). */
export function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof ConsoleRequestError) {
    sendJson(res, error.status, { error: { name: error.code, message: error.message } });
    return;
  }
  sendJson(res, 500, { error: { name: 'InternalError', message: 'The console could not answer this request; see the docpipe log.' } });
}
