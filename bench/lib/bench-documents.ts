/**
 * The benchmark's documents, made at bench time with the fixture generator's functions: born-digital PDFs of a given
 * page count, scanned pages (PNG at 200 dpi), multi-page scanned PDFs, camera-style photos of a page (JPEG) and short
 * plain-text documents. Seeded, so every run makes the same files; every document is different (the pipeline skips
 * repeated content).
 */
import { PDFDocument } from 'pdf-lib';
import { DOCUMENT_TYPES, documentText, type DocumentLength, type GeneratedDocument } from '../../fixtures/content/document.js';
import { generateDocument } from '../../fixtures/content/generate-document.js';
import { Rng } from '../../fixtures/content/prng.js';
import { renderScanPng, type ScanStyle } from '../../fixtures/render/scan-png.js';
import { renderTextPdf } from '../../fixtures/render/text-pdf.js';
import { photographPage } from './photo-page.js';

export const BENCH_SEED = 20_261_122;

/** The classes the throughput benchmark measures, in the order it runs them. */
export const DOCUMENT_CLASSES = ['born-digital', 'scanned', 'photo'] as const;
/** A document class of the throughput benchmark. */
export type DocumentClass = (typeof DOCUMENT_CLASSES)[number];

export interface BenchDocument {
  readonly key: string;
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly documentClass: DocumentClass | 'scanned-pdf' | 'plain-text';
}

const SCAN_FONTS = ['DejaVu Sans', 'DejaVu Serif', 'DejaVu Sans Mono'] as const;
const ATTEMPTS = 50;

/** A generated document that fits: tries further variants when the renderer says one does not. */
async function firstThatFits<T>(rng: Rng, label: string, length: DocumentLength, render: (doc: GeneratedDocument) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const variant = rng.fork(`${label}:${attempt}`);
    const doc = generateDocument(variant.pick(DOCUMENT_TYPES), variant, length);
    try {
      return await render(doc);
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`No ${length} document variant fitted for ${label}`, { cause: lastError });
}

async function mergePdfs(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  for (const part of parts) {
    const source = await PDFDocument.load(part);
    for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
  }
  return merged.save({ useObjectStreams: false });
}

/** A born-digital PDF of exactly `pages` pages: one generated one-page document per page. */
export async function bornDigitalPdf(rng: Rng, pages: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (let page = 0; page < pages; page += 1) {
    parts.push(await firstThatFits(rng, `pdf-page-${page}`, 'standard', async (doc) => (await renderTextPdf(doc, 1)).bytes));
  }
  return pages === 1 && parts[0] !== undefined ? parts[0] : mergePdfs(parts);
}

function scanStyle(rng: Rng): ScanStyle {
  return { font: rng.pick(SCAN_FONTS), fontPx: 36, width: 1700, height: 2200, margin: 120, skewDegrees: (rng.next() - 0.5) * 0.6 };
}

/** One scanned page: a short generated document on a US Letter page at 200 dpi with paper tint, specks and skew. */
export async function scannedPng(rng: Rng): Promise<Buffer> {
  return firstThatFits(rng, 'scan', 'short', async (doc) => renderScanPng(doc, scanStyle(rng), rng.fork('noise')));
}

/** A scanned PDF of `pages` image-only pages (no text layer). */
export async function scannedPdf(rng: Rng, pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let page = 0; page < pages; page += 1) {
    const image = await pdf.embedPng(await scannedPng(rng.fork(`page-${page}`)));
    pdf.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  }
  return pdf.save({ useObjectStreams: false });
}

/** A phone photo of a scanned-looking page (see photo-page.ts), as JPEG. */
export async function photoJpeg(rng: Rng): Promise<Buffer> {
  return photographPage(await scannedPng(rng.fork('page')), rng.fork('camera'));
}

/** A short plain-text document (one page). */
export async function plainText(rng: Rng): Promise<Uint8Array> {
  return firstThatFits(rng, 'text', 'short', async (doc) => Buffer.from(`${documentText(doc)}\n`, 'utf8'));
}

/** Born-digital PDFs cycle through 1–5 pages. */
export function bornDigitalPages(index: number): number {
  return (index % 5) + 1;
}

/** `count` documents of a class, named `<class>/<n>.<ext>`. */
export async function makeDocuments(documentClass: DocumentClass, count: number, seed = BENCH_SEED): Promise<BenchDocument[]> {
  const root = new Rng(seed).fork(documentClass);
  const documents: BenchDocument[] = [];
  for (let index = 0; index < count; index += 1) {
    const rng = root.fork(`document-${index}`);
    const name = `${documentClass}/${String(index).padStart(4, '0')}`;
    switch (documentClass) {
      case 'born-digital': {
        const pages = bornDigitalPages(index);
        documents.push({ key: `${name}.pdf`, bytes: await bornDigitalPdf(rng, pages), pages, documentClass });
        break;
      }
      case 'scanned':
        documents.push({ key: `${name}.png`, bytes: await scannedPng(rng), pages: 1, documentClass });
        break;
      case 'photo':
        documents.push({ key: `${name}.jpg`, bytes: await photoJpeg(rng), pages: 1, documentClass });
        break;
    }
  }
  return documents;
}

/** `count` short plain-text documents for the burst test. */
export async function makePlainTextDocuments(count: number, seed = BENCH_SEED): Promise<BenchDocument[]> {
  const root = new Rng(seed).fork('plain-text');
  const documents: BenchDocument[] = [];
  for (let index = 0; index < count; index += 1) {
    const bytes = await plainText(root.fork(`document-${index}`));
    documents.push({ key: `burst/${String(index).padStart(4, '0')}.txt`, bytes, pages: 1, documentClass: 'plain-text' });
  }
  return documents;
}
