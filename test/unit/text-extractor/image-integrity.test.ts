import { InvalidDocumentError } from '../../../shared/errors.js';
import { assertJpegComplete } from '../../../shared/adapters/embedded/text-extractor/jpeg-header.js';
import { assertPngIntact } from '../../../shared/adapters/embedded/text-extractor/png-header.js';
import { textJpeg, textPng } from './sample-documents.js';

describe('checking an image is whole before decoding it', () => {
  it('accepts complete PNG and JPEG images', () => {
    expect(() => assertPngIntact(textPng(['Complete picture']))).not.toThrow();
    expect(() => assertJpegComplete(textJpeg(['Complete picture']))).not.toThrow();
  });

  it('calls a PNG cut short truncated', () => {
    const png = textPng(['Cut short']);

    expect(() => assertPngIntact(png.subarray(0, Math.floor(png.byteLength / 2)))).toThrow(/^PNG image is truncated/);
  });

  it('names the chunk of a PNG whose checksum fails', () => {
    const png = textPng(['Damaged']).slice();
    png[png.byteLength - 30] = (png[png.byteLength - 30] ?? 0) ^ 0xff;

    expect(() => assertPngIntact(png)).toThrow(InvalidDocumentError);
    expect(() => assertPngIntact(png)).toThrow('PNG image is corrupt: its IDAT chunk fails its checksum');
  });

  it('calls a JPEG whose scan data stops part-way truncated', () => {
    const jpeg = textJpeg(['Cut short']);

    expect(() => assertJpegComplete(jpeg.subarray(0, Math.floor(jpeg.byteLength * 0.7)))).toThrow(/^JPEG image is truncated/);
  });
});
