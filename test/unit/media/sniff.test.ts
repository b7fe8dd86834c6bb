import { sniffMediaType, SNIFF_HEAD_BYTES, type SniffResult } from '../../../shared/media/sniff.js';

/** Builds a head from byte arrays and ASCII strings (each character one byte). */
function bytes(...parts: readonly (readonly number[] | string)[]): Uint8Array {
  const all: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') all.push(...Array.from(part, (char) => char.charCodeAt(0)));
    else all.push(...part);
  }
  return Uint8Array.from(all);
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function zeros(count: number): number[] {
  return new Array<number>(count).fill(0);
}

function refused(result: SniffResult): { detected: string; reason: string } {
  if (result.ok) throw new Error(`expected a refusal, got ${result.mediaType}`);
  return { detected: result.detected, reason: result.reason };
}

describe('sniffMediaType on supported formats', () => {
  it('recognises a PDF by its %PDF- header', () => {
    // Prepare
    const head = bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    // Act
    const result = sniffMediaType(head);
    // Assess
    expect(result).toEqual({ ok: true, mediaType: 'application/pdf' });
  });

  it('recognises a PDF whose header follows some junk within the first 1024 bytes', () => {
    const head = bytes(zeros(600), '%PDF-1.4\n', [0x00, 0x01, 0x02]);

    const result = sniffMediaType(head);

    expect(result).toEqual({ ok: true, mediaType: 'application/pdf' });
  });

  it('does not take a %PDF- marker beyond the first 1024 bytes for a PDF header', () => {
    const head = utf8(`${'plain words '.repeat(100)}%PDF-1.4 mentioned late in a text`);

    const result = sniffMediaType(head);

    expect(result).toEqual({ ok: true, mediaType: 'text/plain' });
  });

  it('recognises a PNG by its eight-byte signature', () => {
    const head = bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', [0, 0, 1, 0, 0, 0, 1, 0, 8, 2, 0, 0, 0]);

    expect(sniffMediaType(head)).toEqual({ ok: true, mediaType: 'image/png' });
  });

  it('recognises a JPEG (JFIF) by FF D8 FF', () => {
    const head = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00, 0x01, 0x01, 0x00, 0x00, 0x48]);

    expect(sniffMediaType(head)).toEqual({ ok: true, mediaType: 'image/jpeg' });
  });

  it('recognises a JPEG (Exif) by FF D8 FF', () => {
    const head = bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], 'Exif', [0, 0], 'MM', [0x00, 0x2a]);

    expect(sniffMediaType(head)).toEqual({ ok: true, mediaType: 'image/jpeg' });
  });

  it('recognises a little-endian TIFF (II*\\0)', () => {
    const head = bytes('II', [0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x0b, 0x00]);

    expect(sniffMediaType(head)).toEqual({ ok: true, mediaType: 'image/tiff' });
  });

  it('recognises a big-endian TIFF (MM\\0*)', () => {
    const head = bytes('MM', [0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x0b]);

    expect(sniffMediaType(head)).toEqual({ ok: true, mediaType: 'image/tiff' });
  });
});

describe('sniffMediaType on text', () => {
  it('accepts plain ASCII text', () => {
    const head = utf8('Invoice 2024-017\nTotal due: 1,250.00 EUR\r\nThank you.\t\f');

    expect(sniffMediaType(head)).toEqual({ ok: true, mediaType: 'text/plain' });
  });

  it('accepts UTF-8 text with accents, other scripts and emoji', () => {
    const head = utf8('Café, Straße, Ελληνικά, 日本語, 😀 — “quoted”');

    expect(sniffMediaType(head)).toEqual({ ok: true, mediaType: 'text/plain' });
  });

  it('accepts UTF-8 text that starts with a byte-order mark', () => {
    const head = bytes([0xef, 0xbb, 0xbf], 'Meeting notes\n');

    expect(sniffMediaType(head)).toEqual({ ok: true, mediaType: 'text/plain' });
  });

  it.each([
    ['a two-byte character (é)', 'é', 1],
    ['a three-byte character (€)', '€', 2],
    ['a three-byte character (€) after one byte', '€', 1],
    ['a four-byte character (😀)', '😀', 3],
  ])('accepts a head that ends in the middle of %s', (_name, char, keptBytes) => {
    // Prepare: 4 KiB of text whose last character is cut by the end of the head
    const whole = utf8(`${'x'.repeat(SNIFF_HEAD_BYTES - keptBytes)}${char}`);
    const head = whole.subarray(0, SNIFF_HEAD_BYTES);
    // Act
    const result = sniffMediaType(head);
    // Assess
    expect(head.length).toBe(SNIFF_HEAD_BYTES);
    expect(result).toEqual({ ok: true, mediaType: 'text/plain' });
  });

  it('accepts a shell script as text', () => {
    const head = utf8('#!/bin/sh\nset -eu\necho "hello"\n');

    expect(sniffMediaType(head)).toEqual({ ok: true, mediaType: 'text/plain' });
  });

  it('accepts text that starts with the letters BM or MZ', () => {
    expect(sniffMediaType(utf8('BMW fleet report for March\n'))).toEqual({ ok: true, mediaType: 'text/plain' });
    expect(sniffMediaType(utf8('MZ Holdings quarterly statement\n'))).toEqual({ ok: true, mediaType: 'text/plain' });
  });

  it('refuses bytes that break UTF-8 in the middle of the head, naming a legacy encoding', () => {
    const head = bytes('Caf', [0xe9], ' au lait, cr', [0xe8], 'me br', [0xfb], 'l', [0xe9], 'e, ', [0xe0], ' la carte.');

    const refusal = refused(sniffMediaType(head));

    expect(refusal.detected).toBe('text in a legacy 8-bit encoding (not UTF-8)');
    expect(refusal.reason).toMatch(/save it as UTF-8/);
  });

  it('refuses UTF-16 text with a little-endian byte-order mark and says it is not supported', () => {
    const head = bytes([0xff, 0xfe], 'H', [0], 'i', [0]);

    const refusal = refused(sniffMediaType(head));

    expect(refusal.detected).toBe('UTF-16 text');
    expect(refusal.reason).toMatch(/UTF-16 text, which is not supported/);
  });

  it('refuses UTF-16 text with a big-endian byte-order mark', () => {
    const head = bytes([0xfe, 0xff], [0], 'H', [0], 'i');

    expect(refused(sniffMediaType(head)).detected).toBe('UTF-16 text');
  });

  it('names UTF-16 text without a byte-order mark rather than calling it binary', () => {
    const head = bytes(...Array.from('Hello world, this is UTF-16', (char) => [char.charCodeAt(0), 0]));

    expect(refused(sniffMediaType(head)).detected).toBe('UTF-16 text (no byte-order mark)');
  });

  it('refuses valid UTF-8 that is mostly control characters', () => {
    const head = bytes([0x01, 0x02, 0x03, 0x04, 0x05, 0x06], 'ab', [0x07, 0x08, 0x0e, 0x0f]);

    expect(refused(sniffMediaType(head)).detected).toBe('binary data');
  });
});

describe('sniffMediaType on unsupported formats', () => {
  it.each<[string, Uint8Array, string]>([
    ['a ZIP archive', bytes('PK', [0x03, 0x04, 0x14, 0x00, 0x06, 0x00], '[Content_Types].xml'), 'ZIP archive (also .docx/.xlsx)'],
    ['an empty ZIP archive', bytes('PK', [0x05, 0x06], zeros(18)), 'ZIP archive (also .docx/.xlsx)'],
    ['a GZIP file', bytes([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]), 'GZIP compressed file'],
    ['a RAR 4 archive', bytes('Rar!', [0x1a, 0x07, 0x00, 0xcf, 0x90, 0x73]), 'RAR archive'],
    ['a RAR 5 archive', bytes('Rar!', [0x1a, 0x07, 0x01, 0x00, 0x33, 0x92]), 'RAR archive'],
    ['a 7z archive', bytes('7z', [0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04]), '7z archive'],
    ['a GIF 89a image', bytes('GIF89a', [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]), 'GIF image'],
    ['a GIF 87a image', bytes('GIF87a', [0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]), 'GIF image'],
    [
      'a BMP image',
      bytes('BM', [0x46, 0x00, 0x00, 0x00], zeros(4), [0x36, 0x00, 0x00, 0x00], [0x28, 0x00, 0x00, 0x00], [2, 0, 0, 0]),
      'BMP image',
    ],
    ['a WebP image', bytes('RIFF', [0x24, 0x00, 0x00, 0x00], 'WEBPVP8 ', [0x18, 0x00, 0x00, 0x00]), 'WebP image'],
    ['a HEIC photo', bytes([0x00, 0x00, 0x00, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), 'HEIC image'],
    ['a HEIF image with the mif1 brand', bytes([0x00, 0x00, 0x00, 0x1c], 'ftypmif1', [0, 0, 0, 0], 'mif1heic'), 'HEIC image'],
    ['an AVIF image', bytes([0x00, 0x00, 0x00, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1'), 'AVIF image'],
    ['an MP4 video', bytes([0x00, 0x00, 0x00, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2mp41'), 'MP4/QuickTime media'],
    ['an ELF executable', bytes([0x7f], 'ELF', [0x02, 0x01, 0x01, 0x00], zeros(8), [0x02, 0x00, 0x3e, 0x00]), 'ELF executable'],
    [
      'a Windows executable',
      bytes('MZ', [0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff], zeros(48), 'PE'),
      'Windows executable',
    ],
    ['a 64-bit Mach-O executable', bytes([0xcf, 0xfa, 0xed, 0xfe, 0x0c, 0x00, 0x00, 0x01]), 'Mach-O executable'],
    ['a 32-bit big-endian Mach-O executable', bytes([0xfe, 0xed, 0xfa, 0xce, 0x00, 0x00, 0x00, 0x12]), 'Mach-O executable'],
    ['a universal Mach-O binary', bytes([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x02]), 'Mach-O executable'],
    ['a Java class file', bytes([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x41]), 'Java class file'],
    [
      'a legacy Word document',
      bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], zeros(16)),
      'legacy Microsoft Office document (.doc/.xls/.ppt)',
    ],
    ['an RTF document', utf8('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}'), 'RTF document'],
    ['a BigTIFF image', bytes('II', [0x2b, 0x00, 0x08, 0x00, 0x00, 0x00]), 'BigTIFF image'],
    ['a JPEG 2000 image', bytes([0x00, 0x00, 0x00, 0x0c], 'jP  ', [0x0d, 0x0a, 0x87, 0x0a]), 'JPEG 2000 image'],
  ])('names %s', (_name, head, detected) => {
    // Act
    const refusal = refused(sniffMediaType(head));
    // Assess
    expect(refusal.detected).toBe(detected);
    expect(refusal.reason).toMatch(/docpipe reads PDF, PNG, JPEG, TIFF and UTF-8 plain text\.$/);
  });

  it('tells a person that a ZIP may be an Office document', () => {
    const refusal = refused(sniffMediaType(bytes('PK', [0x03, 0x04], 'word/document.xml')));

    expect(refusal.reason).toMatch(/\.docx/);
    expect(refusal.reason).toMatch(/export it as PDF/);
  });

  it('calls data with NUL bytes binary data, not a supported document', () => {
    const head = bytes([0x00, 0x01, 0x02, 0x03, 0xfe, 0x10, 0x00, 0x00, 0x80, 0x81, 0x00, 0x42]);

    const refusal = refused(sniffMediaType(head));

    expect(refusal).toEqual({
      detected: 'binary data',
      reason: 'The file holds binary data, not a supported document. docpipe reads PDF, PNG, JPEG, TIFF and UTF-8 plain text.',
    });
  });

  it('says an empty file is empty', () => {
    const refusal = refused(sniffMediaType(new Uint8Array(0)));

    expect(refusal.detected).toBe('empty file');
    expect(refusal.reason).toMatch(/the file is empty/i);
  });

  it('says a file holding only a UTF-8 byte-order mark has no text', () => {
    expect(refused(sniffMediaType(bytes([0xef, 0xbb, 0xbf]))).detected).toBe('empty text file');
  });

  it('reads a head passed as a view into a larger buffer', () => {
    // Prepare: the PNG signature sits at offset 16 of the underlying buffer
    const buffer = new Uint8Array(64);
    buffer.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 16);
    // Act
    const result = sniffMediaType(buffer.subarray(16, 40));
    // Assess
    expect(result).toEqual({ ok: true, mediaType: 'image/png' });
  });
});
