import { asciiAt, bytesAt, indexOfAscii, readUint32BigEndian, readUint32LittleEndian } from './byte-patterns.js';
import { SUPPORTED_FORMATS_SENTENCE, type SniffResult } from './sniff-result.js';

/** `%PDF-` may follow a little junk (some generators prepend a header); readers look within the first 1024 bytes. */
const PDF_HEADER_SEARCH_LIMIT = 1024;

/** One recognisable binary format: a test on the head and what to report. */
interface BinarySignature {
  readonly matches: (head: Uint8Array) => boolean;
  readonly result: SniffResult;
}

function unsupported(detected: string, explanation: string): SniffResult {
  return { ok: false, detected, reason: `${explanation} ${SUPPORTED_FORMATS_SENTENCE}` };
}

/** HEIF-family brands (HEIC photos from phones and cameras). */
const HEIF_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1'];
const AVIF_BRANDS = ['avif', 'avis'];

function isoMediaBrand(head: Uint8Array): string | undefined {
  if (!asciiAt(head, 4, 'ftyp') || head.length < 12) return undefined;
  return String.fromCharCode(...head.subarray(8, 12));
}

/** BMP starts with "BM"; plain text can too, so the header's reserved bytes and DIB header size must also fit. */
function isBmp(head: Uint8Array): boolean {
  if (!asciiAt(head, 0, 'BM') || !bytesAt(head, 6, [0, 0, 0, 0])) return false;
  const dibHeaderSize = readUint32LittleEndian(head, 14);
  return dibHeaderSize !== undefined && [12, 16, 40, 52, 56, 64, 108, 124].includes(dibHeaderSize);
}

/** "MZ" alone could start a text file; a DOS header always holds zero bytes in its first 64. */
function isWindowsExecutable(head: Uint8Array): boolean {
  return asciiAt(head, 0, 'MZ') && head.subarray(0, 64).includes(0);
}

const MACH_O_MAGICS: readonly (readonly number[])[] = [
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
];

/** 0xCAFEBABE opens both universal Mach-O binaries and Java class files; the next word tells them apart. */
const CAFEBABE = [0xca, 0xfe, 0xba, 0xbe];
const FIRST_JAVA_CLASS_VERSION = 45;

function isUniversalMachO(head: Uint8Array): boolean {
  const architectureCount = readUint32BigEndian(head, 4);
  return bytesAt(head, 0, CAFEBABE) && architectureCount !== undefined && architectureCount < FIRST_JAVA_CLASS_VERSION;
}

function isJavaClass(head: Uint8Array): boolean {
  const version = readUint32BigEndian(head, 4);
  return bytesAt(head, 0, CAFEBABE) && version !== undefined && version >= FIRST_JAVA_CLASS_VERSION;
}

const SUPPORTED_SIGNATURES: readonly BinarySignature[] = [
  {
    matches: (head) => bytesAt(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    result: { ok: true, mediaType: 'image/png' },
  },
  { matches: (head) => bytesAt(head, 0, [0xff, 0xd8, 0xff]), result: { ok: true, mediaType: 'image/jpeg' } },
  {
    matches: (head) => bytesAt(head, 0, [0x49, 0x49, 0x2a, 0x00]) || bytesAt(head, 0, [0x4d, 0x4d, 0x00, 0x2a]),
    result: { ok: true, mediaType: 'image/tiff' },
  },
];

const UNSUPPORTED_SIGNATURES: readonly BinarySignature[] = [
  {
    matches: (head) =>
      bytesAt(head, 0, [0x50, 0x4b, 0x03, 0x04]) ||
      bytesAt(head, 0, [0x50, 0x4b, 0x05, 0x06]) ||
      bytesAt(head, 0, [0x50, 0x4b, 0x07, 0x08]),
    result: unsupported(
      'ZIP archive (also .docx/.xlsx)',
      'This is a ZIP archive (Word .docx, Excel .xlsx and PowerPoint .pptx files are ZIP archives too), not a ' +
        'supported document: export it as PDF, or unpack it and upload the files inside.',
    ),
  },
  {
    matches: (head) => bytesAt(head, 0, [0x1f, 0x8b]),
    result: unsupported(
      'GZIP compressed file',
      'This is a GZIP-compressed file: decompress it and upload the file inside.',
    ),
  },
  {
    matches: (head) => bytesAt(head, 0, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]),
    result: unsupported('RAR archive', 'This is a RAR archive: unpack it and upload the files inside.'),
  },
  {
    matches: (head) => bytesAt(head, 0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
    result: unsupported('7z archive', 'This is a 7z archive: unpack it and upload the files inside.'),
  },
  {
    matches: (head) => asciiAt(head, 0, 'GIF87a') || asciiAt(head, 0, 'GIF89a'),
    result: unsupported('GIF image', 'This is a GIF image: convert it to PNG.'),
  },
  { matches: isBmp, result: unsupported('BMP image', 'This is a BMP image: convert it to PNG.') },
  {
    matches: (head) => asciiAt(head, 0, 'RIFF') && asciiAt(head, 8, 'WEBP'),
    result: unsupported('WebP image', 'This is a WebP image: convert it to PNG or JPEG.'),
  },
  {
    matches: (head) => HEIF_BRANDS.includes(isoMediaBrand(head) ?? ''),
    result: unsupported('HEIC image', 'This is a HEIC/HEIF photo (the iPhone default): export it as JPEG.'),
  },
  {
    matches: (head) => AVIF_BRANDS.includes(isoMediaBrand(head) ?? ''),
    result: unsupported('AVIF image', 'This is an AVIF image: convert it to PNG or JPEG.'),
  },
  {
    matches: (head) => isoMediaBrand(head) !== undefined,
    result: unsupported(
      'MP4/QuickTime media',
      'This is an audio or video file (MP4/QuickTime family), not a document.',
    ),
  },
  {
    matches: (head) => bytesAt(head, 0, [0x49, 0x49, 0x2b, 0x00]) || bytesAt(head, 0, [0x4d, 0x4d, 0x00, 0x2b]),
    result: unsupported('BigTIFF image', 'This is a BigTIFF image: save it as a standard TIFF, PNG or PDF.'),
  },
  {
    matches: (head) => bytesAt(head, 0, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]),
    result: unsupported('JPEG 2000 image', 'This is a JPEG 2000 image: convert it to PNG, JPEG or PDF.'),
  },
  {
    matches: (head) => bytesAt(head, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    result: unsupported(
      'legacy Microsoft Office document (.doc/.xls/.ppt)',
      'This is a legacy Microsoft Office file (.doc, .xls or .ppt): save it as PDF.',
    ),
  },
  {
    matches: (head) => asciiAt(head, 0, '{\\rtf'),
    result: unsupported('RTF document', 'This is a Rich Text Format document: save it as PDF or plain text.'),
  },
  {
    matches: (head) => bytesAt(head, 0, [0x7f, 0x45, 0x4c, 0x46]),
    result: unsupported('ELF executable', 'This is a program (an ELF executable for Linux), not a document.'),
  },
  {
    matches: isWindowsExecutable,
    result: unsupported('Windows executable', 'This is a Windows program (.exe or .dll), not a document.'),
  },
  {
    matches: (head) => MACH_O_MAGICS.some((magic) => bytesAt(head, 0, magic)) || isUniversalMachO(head),
    result: unsupported('Mach-O executable', 'This is a macOS program (Mach-O executable), not a document.'),
  },
  {
    matches: isJavaClass,
    result: unsupported('Java class file', 'This is compiled Java code (a .class file), not a document.'),
  },
];

/**
 * Names a binary format from its signature, or returns undefined when none matches (the head may then be text).
 * Signatures fixed at offset 0 are checked before the PDF header search, so an archive holding a PDF is still an
 * archive.
 */
export function identifyBinaryFormat(head: Uint8Array): SniffResult | undefined {
  for (const signature of [...SUPPORTED_SIGNATURES, ...UNSUPPORTED_SIGNATURES]) {
    if (signature.matches(head)) return signature.result;
  }
  if (indexOfAscii(head, '%PDF-', PDF_HEADER_SEARCH_LIMIT) >= 0) return { ok: true, mediaType: 'application/pdf' };
  return undefined;
}
