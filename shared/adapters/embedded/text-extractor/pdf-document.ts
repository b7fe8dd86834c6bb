import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InvalidDocumentError } from '../../../errors.js';
import { restoreNativeBuiltins } from '../../../runtime/native-builtins.js';

/** An open PDF and the way to release everything pdf.js holds for it. */
export interface OpenPdf {
  readonly document: PDFDocumentProxy;
  close(): Promise<void>;
}

/**
 * Opens a PDF with pdf.js configured for a server: no font loading into a DOM, no `eval`, warnings silenced
 * (pdf.js prints them to stdout), bundled CMaps, standard fonts, ICC profiles and image decoders read from
 * the installed package (nothing fetched). Failures become InvalidDocumentErrors that say what is wrong.
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const assets = pdfjsAssetFolders();
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given; the caller keeps theirs.
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    cMapUrl: assets.cMaps,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFonts,
    iccUrl: assets.iccProfiles,
    wasmUrl: assets.wasm,
  });
  try {
    const document = await task.promise;
    return { document, close: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw unreadablePdf(error, bytes);
  }
}

/** A complete PDF ends with `%%EOF` (give or take trailing whitespace or junk) within its last kilobyte. */
const END_MARKER_SEARCH_BYTES = 1024;

function endsWithEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-END_MARKER_SEARCH_BYTES);
  return tail.includes('%%EOF', 0, 'latin1');
}

function unreadablePdf(error: unknown, bytes: Uint8Array): InvalidDocumentError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new InvalidDocumentError('PDF is encrypted (password-protected); remove the password and upload it again', {
      cause: error,
    });
  }
  if (name === 'InvalidPDFException' && !endsWithEofMarker(bytes)) {
    return new InvalidDocumentError(
      'PDF is corrupt or truncated: the file stops before its end-of-file marker (an incomplete upload or copy)',
      { cause: error },
    );
  }
  if (name === 'InvalidPDFException') {
    return new InvalidDocumentError(`PDF is corrupt or truncated: ${message}`, { cause: error });
  }
  return new InvalidDocumentError(`PDF cannot be read: ${message}`, { cause: error });
}

interface AssetFolders {
  readonly cMaps: string;
  readonly standardFonts: string;
  readonly iccProfiles: string;
  readonly wasm: string;
}

let assetFolders: AssetFolders | undefined;

/** pdf.js wants folder URLs ending in a separator; in Node they are plain file paths. */
function pdfjsAssetFolders(): AssetFolders {
  if (!assetFolders) {
    const packageFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const folder = (name: string) => join(packageFolder, name) + sep;
    assetFolders = {
      cMaps: folder('cmaps'),
      standardFonts: folder('standard_fonts'),
      iccProfiles: folder('iccs'),
      wasm: folder('wasm'),
    };
  }
  return assetFolders;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsLoaded: Promise<PdfJs> | undefined;

/**
 * Loads pdf.js on first use. Both of its modules bundle core-js, which swaps JSON and Array.prototype.push for slow
 * wrappers as each module loads; Node's own already do all pdf.js needs, so they go back at once, for the whole
 * process (native-builtins.ts). That is why pdf.js is imported here and not at the top of this module: the natives
 * are captured when native-builtins.ts loads, which must come first.
 *
 * Node has no web workers, so pdf.js parses on the main thread. Handing it the worker module's message handler
 * up front (the `pdfjsWorker` global it looks for) spares it a dynamic import of a worker path and the
 * "Setting up fake worker" warning.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoaded ??= (async () => {
    // Literal specifiers, so that bundlers (esbuild for Lambda) include both modules.
    const api = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const workerModule = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    restoreNativeBuiltins();
    if (!workerModule.WorkerMessageHandler) throw new Error('pdf.js worker module has no WorkerMessageHandler');
    if (!Reflect.has(globalThis, 'pdfjsWorker')) Reflect.set(globalThis, 'pdfjsWorker', workerModule);
    return api;
  })();
  return pdfjsLoaded;
}
