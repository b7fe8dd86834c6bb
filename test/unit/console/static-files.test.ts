import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../../local/console/static-files.js';

/** A response that records what was sent. */
function recorder(): { res: ServerResponse; sent: () => { status: number; headers: Record<string, unknown>; body: string } | undefined } {
  let sent: { status: number; headers: Record<string, unknown>; body: string } | undefined;
  let status = 0;
  let headers: Record<string, unknown> = {};
  const res = {
    writeHead(code: number, h: Record<string, unknown>) {
      status = code;
      headers = h;
      return res;
    },
    end(body: Buffer) {
      sent = { status, headers, body: body.toString('utf8') };
    },
  } as unknown as ServerResponse;
  return { res, sent: () => sent };
}

describe('serving the console files', () => {
  let dir: string;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'console-static-'));
    dir = join(root, 'static');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'app.js'), 'export {};');
    writeFileSync(join(root, 'secret.js'), 'secret');
  });
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('serves the page at / and files under /static/ with their type and a content security policy', async () => {
    const page = recorder();
    const script = recorder();

    await expect(serveStatic('/', page.res, dir)).resolves.toBe(true);
    await expect(serveStatic('/static/app.js', script.res, dir)).resolves.toBe(true);

    expect(page.sent()).toMatchObject({ status: 200, body: '<!doctype html>', headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    expect(page.sent()?.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(script.sent()?.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the folder, missing, or of an unlisted type', async () => {
    for (const path of ['/static/../secret.js', '/static/%2e%2e/secret.js', '/static/missing.js', '/secret.js', '/static/index.html%00.js']) {
      const r = recorder();
      await expect(serveStatic(path, r.res, dir)).resolves.toBe(false);
      expect(r.sent()).toBeUndefined();
    }
  });
});
