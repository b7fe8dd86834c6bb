import { extensionMismatch } from '../../../shared/media/sniff.js';

describe('extensionMismatch', () => {
  it('notes a .pdf file that holds a PNG image', () => {
    // Act
    const note = extensionMismatch('uploads/2024/scan.pdf', 'image/png');
    // Assess
    expect(note).toBe(
      'scan.pdf: the extension .pdf (PDF document) does not match the content (PNG image); it is processed as image/png.',
    );
  });

  it('notes a .docx file that holds plain text', () => {
    expect(extensionMismatch('letter.docx', 'text/plain')).toMatch(/\.docx \(Word document\).*plain text/);
  });

  it.each([
    ['report.pdf', 'application/pdf'],
    ['REPORT.PDF', 'application/pdf'],
    ['photo.jpg', 'image/jpeg'],
    ['photo.JPEG', 'image/jpeg'],
    ['fax.tif', 'image/tiff'],
    ['fax.tiff', 'image/tiff'],
    ['diagram.png', 'image/png'],
    ['notes.txt', 'text/plain'],
    ['data.csv', 'text/plain'],
    ['install.sh', 'text/plain'],
  ] as const)('has nothing to say when %s holds %s', (key, mediaType) => {
    expect(extensionMismatch(key, mediaType)).toBeUndefined();
  });

  it.each([
    ['a key without an extension', 'inbox/scan'],
    ['an unknown extension', 'inbox/scan.dat'],
    ['a dot file', 'inbox/.hidden'],
    ['a trailing dot', 'inbox/scan.'],
    ['a dot only in a folder name', 'inbox.v2/scan'],
  ])('has nothing to say for %s', (_name, key) => {
    expect(extensionMismatch(key, 'application/pdf')).toBeUndefined();
  });
});
