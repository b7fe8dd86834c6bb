import type { MediaType } from '../contracts/media-type.js';
import { MEDIA_TYPE_LABELS } from './sniff-result.js';

/** What a file extension usually announces: one of the supported types, or another format by name. */
type ExpectedContent = { readonly mediaType: MediaType } | { readonly other: string };

const TEXT_EXTENSIONS = [
  'txt', 'text', 'md', 'markdown', 'rst', 'csv', 'tsv', 'log', 'json', 'jsonl', 'ndjson', 'xml', 'html', 'htm',
  'yaml', 'yml', 'ini', 'cfg', 'conf', 'toml', 'sh', 'bash', 'eml', 'tex', 'sql', 'srt', 'vtt',
];

const OTHER_FORMAT_EXTENSIONS: Readonly<Record<string, string>> = {
  doc: 'Word document', docx: 'Word document', odt: 'OpenDocument text', rtf: 'RTF document',
  xls: 'Excel workbook', xlsx: 'Excel workbook', ods: 'OpenDocument spreadsheet',
  ppt: 'PowerPoint presentation', pptx: 'PowerPoint presentation',
  zip: 'ZIP archive', gz: 'GZIP file', tgz: 'GZIP file', rar: 'RAR archive', '7z': '7z archive',
  gif: 'GIF image', bmp: 'BMP image', webp: 'WebP image', heic: 'HEIC image', heif: 'HEIF image', avif: 'AVIF image',
  exe: 'Windows executable', dll: 'Windows library', mp4: 'MP4 video', mov: 'QuickTime video',
};

function expectedContent(extension: string): ExpectedContent | undefined {
  if (extension === 'pdf') return { mediaType: 'application/pdf' };
  if (extension === 'png') return { mediaType: 'image/png' };
  if (['jpg', 'jpeg', 'jpe', 'jfif'].includes(extension)) return { mediaType: 'image/jpeg' };
  if (extension === 'tif' || extension === 'tiff') return { mediaType: 'image/tiff' };
  if (TEXT_EXTENSIONS.includes(extension)) return { mediaType: 'text/plain' };
  const other = OTHER_FORMAT_EXTENSIONS[extension];
  return other === undefined ? undefined : { other };
}

/** Lower-case extension of the last path segment of an object key, without the dot; undefined when it has none. */
function extensionOf(key: string): string | undefined {
  const fileName = key.slice(key.lastIndexOf('/') + 1);
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return undefined;
  return fileName.slice(dot + 1).toLowerCase();
}

/**
 * A note when the key's extension announces another format than the content has (e.g. `scan.pdf` holding a PNG).
 * Informational only: the pipeline processes the file by its detected type. Unknown or missing extensions give no
 * note.
 */
export function extensionMismatch(key: string, mediaType: MediaType): string | undefined {
  const extension = extensionOf(key);
  if (extension === undefined) return undefined;
  const expected = expectedContent(extension);
  if (expected === undefined) return undefined;
  if ('mediaType' in expected && expected.mediaType === mediaType) return undefined;
  const announced = 'mediaType' in expected ? MEDIA_TYPE_LABELS[expected.mediaType] : expected.other;
  const fileName = key.slice(key.lastIndexOf('/') + 1);
  return (
    `${fileName}: the extension .${extension} (${announced}) does not match the content ` +
    `(${MEDIA_TYPE_LABELS[mediaType]}); it is processed as ${mediaType}.`
  );
}
