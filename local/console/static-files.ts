import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './http-responses.js';

/** The page, its styles and scripts: plain files, no build step. */
export const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `/` as index.html and `/static/<file>` from the static folder. Returns false (nothing sent) for any other
 * path, a path leaving the folder, or a file of a type not listed.
 */
export async function serveStatic(pathname: string, res: ServerResponse, dir = STATIC_DIR): Promise<boolean> {
  const relative = pathname === '/' ? 'index.html' : pathname.startsWith('/static/') ? pathname.slice('/static/'.length) : undefined;
  if (relative === undefined || relative.includes('\0')) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return false;
  }
  const root = normalize(dir.endsWith(sep) ? dir : `${dir}${sep}`);
  const file = normalize(join(root, decoded));
  const type = CONTENT_TYPES[extname(file)];
  if (!file.startsWith(root) || type === undefined) return false;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': body.byteLength });
  res.end(body);
  return true;
}
