import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { grayRasterFromRgba, type GrayRaster } from './gray-raster.js';
import { OCR_MAX_PIXELS, PDF_RENDER_DPI } from './ocr-settings.js';

const PDF_POINTS_PER_INCH = 72;

/** The 2D context calls made here; pdf.js's Node canvas (@napi-rs/canvas) provides them. */
interface SurfaceContext {
  fillStyle: unknown;
  fillRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { readonly data: Uint8ClampedArray };
}

interface CanvasFactory {
  create(width: number, height: number): unknown;
  destroy(surface: unknown): void;
}

/**
 * Renders a page at PDF_RENDER_DPI (less when that would exceed OCR_MAX_PIXELS) onto a white canvas and
 * converts it to grayscale for OCR.
 *
 * The canvas comes from the document's own canvas factory: pdf.js draws images through canvases of the
 * @napi-rs/canvas build it depends on, and mixing those with canvases of another build crashes the process.
 */
export async function renderPageForOcr(document: PDFDocumentProxy, page: PDFPageProxy): Promise<GrayRaster> {
  const natural = page.getViewport({ scale: 1 });
  const naturalPixels = Math.max(1, natural.width * natural.height);
  const scale = Math.min(PDF_RENDER_DPI / PDF_POINTS_PER_INCH, Math.sqrt(OCR_MAX_PIXELS / naturalPixels));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const factory = canvasFactoryOf(document);
  const surface = factory.create(width, height);
  try {
    const context = contextOf(surface);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvas: null, canvasContext: context, viewport }).promise;
    return grayRasterFromRgba(context.getImageData(0, 0, width, height).data, width, height);
  } finally {
    factory.destroy(surface);
  }
}

function canvasFactoryOf(document: PDFDocumentProxy): CanvasFactory {
  const factory: unknown = document.canvasFactory;
  if (!hasFunctions<CanvasFactory>(factory, ['create', 'destroy'])) throw new Error('pdf.js offers no canvas factory');
  return factory;
}

function contextOf(surface: unknown): SurfaceContext {
  const context: unknown = typeof surface === 'object' && surface !== null ? Reflect.get(surface, 'context') : null;
  if (!hasFunctions<SurfaceContext>(context, ['fillRect', 'getImageData'])) {
    throw new Error('pdf.js canvas has no 2D context');
  }
  return context;
}

function hasFunctions<T>(value: unknown, names: readonly string[]): value is T {
  return (
    typeof value === 'object' &&
    value !== null &&
    names.every((name) => typeof Reflect.get(value, name) === 'function')
  );
}
