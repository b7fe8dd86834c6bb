import { InvalidDocumentError, PageLimitExceededError } from '../../../shared/errors.js';
import { createEmbeddedTextExtractor } from '../../../shared/adapters/embedded/text-extractor/index.js';
import { collectPages } from './collect-pages.js';

describe('EmbeddedTextExtractor on plain text', () => {
  const extractor = createEmbeddedTextExtractor();
  afterAll(() => extractor.close());

  const extract = (text: Uint8Array | string, maxPages = 10) =>
    collectPages(
      extractor.extractPages({
        bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
        mediaType: 'text/plain',
        maxPages,
      }),
    );

  it('returns UTF-8 text as one page with full confidence', async () => {
    // Prepare
    const text = 'Grüße aus Köln.\nSecond line — with a dash.';

    // Act
    const pages = await extract(text);

    // Assess
    expect(pages).toEqual([{ pageNumber: 1, text, method: 'plain-text', confidence: 1 }]);
  });

  it('splits pages at form feeds, ignoring one that ends the text', async () => {
    // Prepare
    const text = 'page one\fpage two\fpage three\f';

    // Act
    const pages = await extract(text);

    // Assess
    expect(pages.map((page) => [page.pageNumber, page.text])).toEqual([
      [1, 'page one'],
      [2, 'page two'],
      [3, 'page three'],
    ]);
  });

  it('normalises Windows line endings', async () => {
    // Act
    const pages = await extract('alpha\r\nbeta\r\n');

    // Assess
    expect(pages[0]?.text).toBe('alpha\nbeta\n');
  });

  it('rejects bytes that are not valid UTF-8', async () => {
    // Prepare
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]);

    // Act
    const extraction = extract(latin1);

    // Assess
    await expect(extraction).rejects.toThrow(InvalidDocumentError);
    await expect(extraction).rejects.toThrow(/is not valid UTF-8 text/);
  });

  it('refuses text with more form-feed pages than the limit', async () => {
    // Act
    const extraction = extract('a\fb\fc', 2);

    // Assess
    await expect(extraction).rejects.toThrow(PageLimitExceededError);
  });
});
