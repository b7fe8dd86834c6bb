import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InvalidDocumentError } from '../../shared/errors.js';

/** Extensions of the documents an OCR evaluation reads. */
const DOCUMENT_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.pdf']);

/** A document and its ground truth: `<name>.words.txt` beside it, the words it shows (one a line, or any spacing). */
export interface OcrSample {
  readonly file: string;
  readonly name: string;
  readonly wordsFile: string;
}

/** Ground truth of `scan-1.png` is `scan-1.words.txt`. */
export function wordsFileOf(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.words.txt`);
}

function sampleOf(file: string): OcrSample {
  const wordsFile = wordsFileOf(file);
  if (!existsSync(wordsFile)) {
    throw new InvalidDocumentError(`${file}: no ground truth beside it (expected ${basename(wordsFile)}, the words the page shows)`);
  }
  return { file, name: basename(file), wordsFile };
}

/**
 * The documents to read: the one given, or every PNG, JPEG, TIFF and PDF in the folder (not its subfolders), by
 * name. Each must have its `.words.txt`; a missing one is an InvalidDocumentError naming the document.
 */
export function ocrSamples(path: string): OcrSample[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw new InvalidDocumentError(`OCR data ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!isFolder) return [sampleOf(path)];
  const files = readdirSync(path)
    .filter((name) => DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) throw new InvalidDocumentError(`No PNG, JPEG, TIFF or PDF documents in ${path}`);
  return files.map(sampleOf);
}
