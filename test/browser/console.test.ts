import { copyFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fixturePath, loadManifest } from '../../fixtures/manifest.js';
import { startConsole, type ConsoleServer } from '../../local/console/console-server.js';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';
import { launchChromium } from './chromium.js';

const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');
const DOC_IMAGES = join(process.cwd(), 'docs', 'images');
const SETTLE_MS = 120_000;

const SCRIPT_TEXT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';
/** The file name is shown too (upload list, executions, documents, search): it gets markup of its own. */
const MARKUP_FILE_NAME = '<img src=x onerror=window.__pwned=3>memo.txt';

/** A status and body from the console without a browser, with any Host header. */
function rawRequest(url: string, options: { method?: string; host?: string; body?: Buffer } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      { hostname: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: options.method ?? 'GET', headers: options.host ? { Host: options.host } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function pickFile(page: Page, path: string): Promise<void> {
  await page.locator('#file-input').setInputFiles(path);
}

/** Drops a text file on the drop zone, the way a file dragged from the desktop arrives. */
async function dropTextFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/plain' })); return dt; })()`,
  );
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
}

/** Follows the upload list's link to the file's execution and waits for the execution to end. */
async function openExecutionOf(page: Page, fileName: string): Promise<string> {
  const link = page.locator(`#upload-list li[data-file="${fileName}"] a.execution-link`);
  await link.waitFor({ timeout: SETTLE_MS });
  await link.click();
  const status = page.locator('#execution-status');
  await page.waitForSelector('#execution-status:not([data-execution-status="RUNNING"])', { timeout: SETTLE_MS });
  return (await status.getAttribute('data-execution-status')) ?? '';
}

async function graphStatuses(page: Page): Promise<Record<string, string>> {
  const groups = page.locator('#graph g.state');
  const statuses: Record<string, string> = {};
  for (let i = 0; i < (await groups.count()); i += 1) {
    const group = groups.nth(i);
    statuses[(await group.getAttribute('data-state')) ?? ''] = (await group.getAttribute('data-status')) ?? '';
  }
  return statuses;
}

/** The README's screenshots are refreshed only on request (DOCPIPE_UPDATE_DOC_IMAGES=1), so a test run leaves the tree clean. */
function refreshDocImage(name: string): void {
  if (process.env.DOCPIPE_UPDATE_DOC_IMAGES === '1') copyFileSync(join(SCREENSHOTS, name), join(DOC_IMAGES, name));
}

describe('the local web console in a browser', () => {
  const invoice = loadManifest().find((entry) => entry.file === 'documents/invoice-1.pdf');
  let t: TestRuntime;
  let web: ConsoleServer;
  let browser: Browser;
  let page: Page;
  let invoiceDocumentId = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(DOC_IMAGES, { recursive: true });
    t = await startTestRuntime({ env: { DOCPIPE_MAX_BYTES: String(2 * 1024 * 1024) } });
    web = await startConsole({ runtime: t.runtime, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await t?.stop();
  });

  it('listens on the loopback address only, at the port it prints', () => {
    expect(web.host).toBe('127.0.0.1');
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/`);
    expect(web.port).toBeGreaterThan(0);
  });

  it('uploads a fixture through the page and shows its execution succeed with the graph coloured', async () => {
    expect(invoice).toBeDefined();
    await page.goto(`${web.url}#/upload`);
    await page.evaluate('window.__sameDocument = true');

    await pickFile(page, fixturePath(invoice ?? { file: '' }));
    const status = await openExecutionOf(page, 'invoice-1.pdf');

    expect(status).toBe('SUCCEEDED');
    // The status arrived by server-sent events: the page was never reloaded.
    await expect(page.evaluate('window.__sameDocument')).resolves.toBe(true);
    const statuses = await graphStatuses(page);
    expect(statuses).toMatchObject({
      Ingest: 'succeeded',
      IsDuplicate: 'succeeded',
      ExtractText: 'succeeded',
      Analyse: 'succeeded',
      Classify: 'succeeded',
      Redact: 'succeeded',
      Summarise: 'succeeded',
      Store: 'succeeded',
      Done: 'succeeded',
      SkipDuplicate: 'not-reached',
      RecordFailure: 'not-reached',
      Failed: 'not-reached',
    });
    const arrow = (from: string, to: string) => page.locator(`#graph polyline.edge[data-from="${from}"][data-to="${to}"]`);
    await expect(arrow('IsDuplicate', 'ExtractText').getAttribute('class')).resolves.toContain('taken');
    await expect(arrow('IsDuplicate', 'SkipDuplicate').getAttribute('class')).resolves.not.toContain('taken');
    await page.locator('#graph g.state[data-state="Classify"]').click();
    await expect(page.locator('#state-panel .state-output').textContent()).resolves.toContain('"label": "invoice"');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-execution.png'), fullPage: true });
    refreshDocImage('console-execution.png');
  });

  it('draws the Parallel branches side by side inside their box', async () => {
    const box = async (name: string): Promise<{ x: number; y: number; width: number }> => {
      const rect = page.locator(`#graph g.state[data-state="${name}"] > rect`);
      const [x, y, width] = await Promise.all(['x', 'y', 'width'].map(async (attribute) => Number(await rect.getAttribute(attribute))));
      return { x: x ?? NaN, y: y ?? NaN, width: width ?? NaN };
    };

    const [analyse, classify, redact, summarise] = await Promise.all(['Analyse', 'Classify', 'Redact', 'Summarise'].map(box));

    expect(classify?.y).toBe(redact?.y);
    expect(redact?.y).toBe(summarise?.y);
    expect(classify?.x ?? 0).toBeLessThan(redact?.x ?? 0);
    expect(redact?.x ?? 0).toBeLessThan(summarise?.x ?? 0);
    for (const inner of [classify, redact, summarise]) {
      expect(inner?.x ?? 0).toBeGreaterThan(analyse?.x ?? 0);
      expect((inner?.x ?? 0) + (inner?.width ?? 0)).toBeLessThan((analyse?.x ?? 0) + (analyse?.width ?? 0));
    }
  });

  it('lists the execution with its document and filters the list by status', async () => {
    await page.goto(`${web.url}#/executions`);
    const row = page.locator('#executions tr[data-status="SUCCEEDED"]', { hasText: 'invoice-1.pdf' });
    await row.waitFor();
    invoiceDocumentId = ((await row.locator('a.document-link').textContent()) ?? '').trim();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-executions.png') });

    await page.locator('#status-filter').selectOption('FAILED');

    expect(invoiceDocumentId).toMatch(/^doc-/);
    await expect(page.locator('#executions tr[data-execution]').count()).resolves.toBe(0);
  });

  it('opens the document page with its classification, PII counts, summary and redacted text', async () => {
    await page.goto(`${web.url}#/documents`);
    await page.locator(`#documents tr[data-document="${invoiceDocumentId}"] a.document-link`).click();

    await page.locator('#redacted-text').waitFor();
    expect(await page.locator('#document-type').textContent()).toContain('invoice');
    expect(await page.locator('#pii-counts tr[data-pii="NAME"]').count()).toBe(1);
    expect(((await page.locator('#document-summary').textContent()) ?? '').length).toBeGreaterThan(20);
    const redacted = (await page.locator('#redacted-text').textContent()) ?? '';
    expect(redacted).toContain('[NAME]');
    expect(redacted).not.toContain('David Ross');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-document.png'), fullPage: true });
    refreshDocImage('console-document.png');
    await page.locator('a.execution-link', { hasText: 'view execution' }).first().click();
    await expect(page.locator('#execution-status').getAttribute('data-execution-status')).resolves.toBe('SUCCEEDED');
  });

  it('finds the document by search, with the matching word highlighted and the CLI filters applied', async () => {
    const word = invoice?.distinctiveWord ?? 'invoice';
    await page.goto(`${web.url}#/search`);

    await page.locator('#search-q').fill(word);
    await page.locator('#search-type').fill('invoice');
    await page.locator('button[type="submit"]').click();

    const hit = page.locator(`#search-results li.hit[data-document="${invoiceDocumentId}"]`);
    await hit.waitFor();
    expect(((await hit.locator('mark').first().textContent()) ?? '').toLowerCase()).toContain(word.slice(0, 6).toLowerCase());
    await page.screenshot({ path: join(SCREENSHOTS, 'console-search.png') });
    await page.goto(`${web.url}#/search?q=${encodeURIComponent(word)}&type=letter`);
    await page.locator('#search-total').waitFor();
    expect(await page.locator('#search-total').textContent()).toBe('No documents found.');
  });

  it('shows a document whose text holds HTML and script as inert text', async () => {
    const text = `Website memo\nThe page template below was pasted from the old site:\n${SCRIPT_TEXT}\nPlease review the markup before the launch.\n`;
    await page.goto(`${web.url}#/upload`);

    await dropTextFile(page, MARKUP_FILE_NAME, text);
    const status = await openExecutionOf(page, MARKUP_FILE_NAME);
    await page.locator('.facts a.document-link').first().click();
    await page.locator('#redacted-text').waitFor();

    expect(status).toBe('SUCCEEDED');
    expect(await page.locator('#redacted-text').textContent()).toContain(SCRIPT_TEXT);
    expect(await page.locator('#document-key').textContent()).toBe(MARKUP_FILE_NAME);
    expect(await page.locator('main script, main img').count()).toBe(0);
    await page.goto(`${web.url}#/search?q=markup`);
    await page.locator('#search-results li.hit').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-search-markup.png') });
    expect(await page.locator('main script, main img').count()).toBe(0);
    for (const listing of ['#/executions', '#/documents']) {
      await page.goto(`${web.url}${listing}`);
      await page.locator('table.list tbody a', { hasText: MARKUP_FILE_NAME }).first().waitFor();
      expect(await page.locator('main script, main img').count()).toBe(0);
    }
    await expect(page.evaluate('typeof window.__pwned')).resolves.toBe('undefined');
  });

  it('colours a failed execution: the state whose error was caught, the failure handler and the Fail state', async () => {
    await page.goto(`${web.url}#/upload`);

    await dropTextFile(page, 'broken.pdf', '%PDF-1.7\nthis file stops here');
    const status = await openExecutionOf(page, 'broken.pdf');

    expect(status).toBe('FAILED');
    const statuses = await graphStatuses(page);
    expect(Object.values(statuses).filter((s) => s === 'caught')).toHaveLength(1);
    expect(statuses).toMatchObject({ RecordFailure: 'succeeded', Failed: 'failed', Store: 'not-reached', Done: 'not-reached' });
    await page.screenshot({ path: join(SCREENSHOTS, 'console-execution-failed.png'), fullPage: true });
  });

  it('answers bad API requests with clear JSON errors', async () => {
    const unknownPii = await rawRequest(`${web.url}api/search?q=x&pii=NOT_A_TYPE`);
    const missing = await rawRequest(`${web.url}api/executions/no-such-execution`);
    const tooLarge = await rawRequest(`${web.url}api/uploads?name=big.txt`, { method: 'PUT', body: Buffer.alloc(3 * 1024 * 1024, 97) });
    const rebound = await rawRequest(`${web.url}api/executions`, { host: `attacker.example:${web.port}` });

    expect(unknownPii.status).toBe(400);
    expect(JSON.parse(unknownPii.body)).toMatchObject({ error: { name: 'InvalidRequest', message: expect.stringContaining('NOT_A_TYPE') } });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { name: 'ExecutionNotFound' } });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ error: { name: 'FileTooLarge' } });
    expect(rebound.status).toBe(421);
  });

});
