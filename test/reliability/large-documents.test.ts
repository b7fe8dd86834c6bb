import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuUsage, memoryUsage } from 'node:process';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageMarker, writeBornDigitalPdf, writeScannedPdf, type LargeDocument } from '../../fixtures/large/generate.js';
import type { OpenPdf } from '../../shared/adapters/embedded/text-extractor/pdf-document.js';
import type { StoredPages } from '../../shared/contracts/stages.js';
import { LOCAL_NAMES } from '../../local/paths.js';
import { waitForUpload } from '../../local/uploads.js';

/** How many PDF pages the extractor holds open (loaded and not yet cleaned up), and the most it ever held. */
const pdfPages = { loaded: 0, released: 0, open: 0, mostOpen: 0 };

// Wraps the real openPdf so the test sees every page the extractor loads and releases.
const realPdfModule = await import('../../shared/adapters/embedded/text-extractor/pdf-document.js');
jest.unstable_mockModule('../../shared/adapters/embedded/text-extractor/pdf-document.js', () => ({
  openPdf: async (bytes: Uint8Array): Promise<OpenPdf> => {
    const pdf = await realPdfModule.openPdf(bytes);
    const getPage = pdf.document.getPage.bind(pdf.document);
    pdf.document.getPage = async (pageNumber: number): Promise<PDFPageProxy> => {
      const page = await getPage(pageNumber);
      pdfPages.loaded += 1;
      pdfPages.open += 1;
      pdfPages.mostOpen = Math.max(pdfPages.mostOpen, pdfPages.open);
      const cleanup = page.cleanup.bind(page);
      page.cleanup = (resetStats?: boolean): boolean => {
        const released = cleanup(resetStats);
        if (released) {
          pdfPages.released += 1;
          pdfPages.open -= 1;
        }
        return released;
      };
      return page;
    };
    return pdf;
  },
}));
const { startTestRuntime } = await import('../helpers/runtime.js');
type TestRuntime = Awaited<ReturnType<typeof startTestRuntime>>;

/** Peak resident set and heap while a function runs, sampled every 50 ms, with the CPU time it took. */
async function measured<T>(
  run: () => Promise<T>,
): Promise<{ result: T; startRssMb: number; peakRssMb: number; peakHeapMb: number; cpuS: number; wallS: number }> {
  const startRss = memoryUsage.rss();
  let peakRss = memoryUsage.rss();
  let peakHeap = memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, memoryUsage.rss());
    peakHeap = Math.max(peakHeap, memoryUsage().heapUsed);
  }, 50);
  const cpuBefore = cpuUsage();
  const started = Date.now();
  try {
    const result = await run();
    const cpu = cpuUsage(cpuBefore);
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    return { result, startRssMb: mb(startRss), peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap), cpuS: (cpu.user + cpu.system) / 1e6, wallS: (Date.now() - started) / 1000 };
  } finally {
    clearInterval(sampler);
  }
}

/** Large documents go through the whole pipeline with pages streamed: read, extracted and released one at a time. */
describe('large documents', () => {
  let t: TestRuntime;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'docpipe-large-'));
    // The summariser and classifier read the first 50,000 characters: this test is about extraction.
    t = await startTestRuntime({ env: { DOCPIPE_MAX_ANALYSIS_CHARS: '50000' } });
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    Object.assign(pdfPages, { loaded: 0, released: 0, open: 0, mostOpen: 0 });
  });

  /** Uploads a document and waits for its record, allowing for a busy machine. */
  async function upload(key: string, body: Uint8Array) {
    await t.s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: key, Body: body }));
    const record = await waitForUpload(t.records, LOCAL_NAMES.uploadBucket, key, new Set(), { timeoutMs: 840_000, pollMs: 250 });
    if (!record) throw new Error(`No terminal record for ${key}`);
    return record;
  }

  async function processLarge(document: LargeDocument, key: string) {
    const run = await measured(() => upload(key, readFileSync(document.path)));
    process.stdout.write(
      `${key}: ${document.pages} pages, ${Math.round(document.bytes / 1024)} KiB -> ${run.result.status}; ` +
        `RSS ${run.startRssMb} MiB before, peak RSS ${run.peakRssMb} MiB, peak heap ${run.peakHeapMb} MiB, CPU ${run.cpuS.toFixed(1)} s, wall ${run.wallS.toFixed(1)} s\n`,
    );
    const record = await t.records.getDocument(run.result.documentId ?? '');
    const stored = await t.s3.send(new GetObjectCommand({ Bucket: 'docpipe-derived', Key: record?.textKey ?? '' }));
    const pages = (JSON.parse(await stored.Body?.transformToString('utf8') ?? '{}') as Partial<StoredPages>).pages ?? [];
    return { upload: run.result, record, pages };
  }

  it('processes a 300-page born-digital PDF, one page open at a time', async () => {
    // Prepare
    const document = await writeBornDigitalPdf(dir, 300);

    // Act
    const { upload, record, pages } = await processLarge(document, 'large/born-digital-300.pdf');

    // Assess
    expect(upload.status).toBe('SUCCEEDED');
    expect(record?.pageCount).toBe(300);
    expect(record?.ocrPages).toBe(0);
    expect(pages.map((page) => page.pageNumber)).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    for (const pageNumber of [1, 150, 300]) {
      expect(pages[pageNumber - 1]?.text).toContain(`Maintenance log, ${pageMarker(pageNumber)}.`);
    }
    expect(pdfPages).toEqual({ loaded: 300, released: 300, open: 0, mostOpen: 1 });
  }, 900_000);

  it('OCRs a 30-page scanned PDF, one page open at a time', async () => {
    // Prepare
    const document = await writeScannedPdf(dir, 30);

    // Act
    const { upload, record, pages } = await processLarge(document, 'large/scanned-30.pdf');

    // Assess
    expect(upload.status).toBe('SUCCEEDED');
    expect(record?.pageCount).toBe(30);
    expect(record?.ocrPages).toBe(30);
    for (const pageNumber of [1, 17, 30]) {
      expect(pages[pageNumber - 1]?.text.toLowerCase()).toContain(pageMarker(pageNumber));
    }
    expect(pdfPages).toEqual({ loaded: 30, released: 30, open: 0, mostOpen: 1 });
  }, 900_000);
});
