/**
 * Builds the documents the text-extractor tests read: text PDFs, scanned-looking PDFs and images, a multi-page
 * TIFF and an encrypted PDF, all generated on the fly (nothing checked in).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const TEST_FONT_FAMILY = 'Docpipe Test Sans';
let fontRegistered = false;

/** Registers the Liberation Sans font shipped with pdf.js, so text images render the same on any machine. */
function ensureTestFont(): void {
  if (fontRegistered) return;
  const pdfjsFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  GlobalFonts.registerFromPath(join(pdfjsFolder, 'standard_fonts', 'LiberationSans-Regular.ttf'), TEST_FONT_FAMILY);
  fontRegistered = true;
}

export interface TextImageOptions {
  /** Font size in pixels. @default 28 */
  readonly fontSize?: number;
  /** Image width in pixels. @default 900 */
  readonly width?: number;
}

/** Renders lines of black text on white, returning RGBA pixels and size (for PNG encoding or TIFF building). */
function drawText(lines: readonly string[], options: TextImageOptions = {}) {
  ensureTestFont();
  const fontSize = options.fontSize ?? 28;
  const width = options.width ?? 900;
  const lineHeight = Math.round(fontSize * 1.6);
  const height = lineHeight * (lines.length + 1);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.font = `${fontSize}px "${TEST_FONT_FAMILY}"`;
  lines.forEach((line, index) => context.fillText(line, fontSize, lineHeight * (index + 1)));
  return { canvas, context, width, height };
}

/** A PNG of the given lines of text. */
export function textPng(lines: readonly string[], options?: TextImageOptions): Uint8Array {
  return drawText(lines, options).canvas.toBuffer('image/png');
}

/**
 * A Letter page at 100 dpi holding lines of text and, in its right margin, `stamp` printed a quarter turn clockwise
 * (reading top to bottom), as document numbers are stamped on the edge of a page.
 */
export function pageWithTurnedStampPng(lines: readonly string[], stamp: string): Uint8Array {
  ensureTestFont();
  const canvas = createCanvas(850, 1100);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  context.font = `16px "${TEST_FONT_FAMILY}"`;
  lines.forEach((line, index) => context.fillText(line, 80, 120 + index * 40));
  context.translate(760, 700);
  context.rotate(Math.PI / 2);
  context.fillText(stamp, 0, 0);
  return canvas.toBuffer('image/png');
}

/** A JPEG of the given lines of text. */
export function textJpeg(lines: readonly string[], options?: TextImageOptions): Uint8Array {
  return drawText(lines, options).canvas.toBuffer('image/jpeg', 92);
}

/** An 8-bit grayscale rendering of the given lines (one byte a pixel). */
export function textGrayPixels(lines: readonly string[], options?: TextImageOptions) {
  const { context, width, height } = drawText(lines, options);
  const rgba = context.getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = rgba[index * 4] ?? 255;
  return { width, height, pixels };
}

/** A born-digital PDF: one page per entry, each line drawn as real text with Helvetica. */
export async function textPdf(pages: readonly (readonly string[])[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    lines.forEach((line, index) => page.drawText(line, { x: 72, y: 720 - index * 20, size: 12, font }));
  }
  return pdf.save();
}

/** A "scanned" PDF: pages holding only a picture of text, no text layer. */
export async function imageOnlyPdf(png: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([612, 792]);
  const width = 540;
  const height = (image.height / image.width) * width;
  page.drawImage(image, { x: 36, y: 792 - 36 - height, width, height });
  return pdf.save();
}

/** A PDF whose page tree holds no page at all. */
export async function emptyPdf(): Promise<Uint8Array> {
  return (await PDFDocument.create()).save({ addDefaultPage: false });
}

/**
 * A PDF protected by a user password (Standard security handler, RC4 40-bit). pdf-lib cannot encrypt, so the
 * file is written by hand: the /U entry is not the one the empty password produces, so readers must ask for a
 * password.
 */
export function encryptedPdf(): Uint8Array {
  const filler = '28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${filler}> /U <${filler.split('').reverse().join('')}> /P -4 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const fileId = '<0123456789ABCDEF0123456789ABCDEF>';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [${fileId} ${fileId}] >>\n`;
  body += `startxref\n${xrefOffset}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

export interface GrayPage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/**
 * A multi-page, uncompressed, 8-bit grayscale TIFF (little-endian), one image file directory per page, each
 * recording a resolution of `dpi`.
 */
export function grayTiff(pages: readonly GrayPage[], dpi = 150): Uint8Array {
  const entryCount = 11;
  const directorySize = 2 + entryCount * 12 + 4;
  const chunks: Uint8Array[] = [];
  let length = 8;
  const header = new DataView(new ArrayBuffer(8));
  header.setUint16(0, 0x4949);
  header.setUint16(2, 42, true);
  header.setUint32(4, 8, true);
  chunks.push(new Uint8Array(header.buffer));
  pages.forEach((page, index) => {
    const directoryOffset = length;
    const resolutionOffset = directoryOffset + directorySize;
    const pixelOffset = resolutionOffset + 8;
    // Directories start on a word boundary, as the format asks.
    const paddedLength = page.pixels.length + (page.pixels.length % 2);
    const next = index + 1 < pages.length ? pixelOffset + paddedLength : 0;
    const view = new DataView(new ArrayBuffer(directorySize + 8));
    view.setUint16(0, entryCount, true);
    const entries: [number, number, number][] = [
      [256, 4, page.width],
      [257, 4, page.height],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, pixelOffset],
      [277, 3, 1],
      [278, 4, page.height],
      [279, 4, page.pixels.length],
      [282, 5, resolutionOffset],
      [283, 5, resolutionOffset],
    ];
    entries.forEach(([tag, type, value], entryIndex) => {
      const at = 2 + entryIndex * 12;
      view.setUint16(at, tag, true);
      view.setUint16(at + 2, type, true);
      view.setUint32(at + 4, 1, true);
      if (type === 3) view.setUint16(at + 8, value, true);
      else view.setUint32(at + 8, value, true);
    });
    view.setUint32(2 + entryCount * 12, next, true);
    view.setUint32(directorySize, dpi, true);
    view.setUint32(directorySize + 4, 1, true);
    chunks.push(new Uint8Array(view.buffer), page.pixels, new Uint8Array(paddedLength - page.pixels.length));
    length = pixelOffset + paddedLength;
  });
  const tiff = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    tiff.set(chunk, offset);
    offset += chunk.length;
  }
  return tiff;
}

/** A PNG header (signature and IHDR) claiming the given size, with no image data after it. */
export function pngHeaderClaiming(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 0, 0, 0, 0], 24);
  return bytes;
}
