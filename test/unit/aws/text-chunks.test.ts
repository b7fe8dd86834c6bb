import { codePointToUtf16 } from '../../../shared/adapters/aws/code-point-offsets.js';
import { mapWithConcurrency } from '../../../shared/adapters/aws/map-with-concurrency.js';
import { splitText, truncateText, utf8Length } from '../../../shared/adapters/aws/text-chunks.js';

const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau';

describe('splitText', () => {
  it('gives back the whole text when its chunks are joined, each within the limit', () => {
    const text = `${words}\n\n${words} ${words}`;

    const chunks = splitText(text, 40, 'utf16-units');

    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(40);
      expect(text.slice(chunk.start, chunk.start + chunk.text.length)).toBe(chunk.text);
    }
  });

  it('never cuts inside a word', () => {
    const chunks = splitText(words, 23, 'utf16-units');

    const pieces = chunks.map((chunk) => chunk.text.trim().split(' ')).flat();
    expect(pieces).toEqual(words.split(' '));
  });

  it('prefers a paragraph break in the second half of the window', () => {
    const text = `${'a'.repeat(30)}\n\n${'b '.repeat(20)}`;

    const [first] = splitText(text, 50, 'utf16-units');

    expect(first?.text).toBe(`${'a'.repeat(30)}\n\n`);
  });

  it('counts UTF-8 bytes when asked, so multi-byte text gets smaller chunks', () => {
    const text = 'éééé éééé éééé éééé';

    const chunks = splitText(text, 10, 'utf8-bytes');

    for (const chunk of chunks) expect(utf8Length(chunk.text)).toBeLessThanOrEqual(10);
    expect(chunks.map((chunk) => chunk.text.trim())).toEqual(['éééé', 'éééé', 'éééé', 'éééé']);
  });

  it('cuts a word longer than the limit at the limit without splitting a surrogate pair', () => {
    const text = '😀😀😀😀😀';

    const chunks = splitText(text, 5, 'utf16-units');

    expect(chunks.map((chunk) => chunk.text)).toEqual(['😀😀', '😀😀', '😀']);
  });
});

describe('truncateText', () => {
  it('keeps the beginning that fits, ending at a word boundary', () => {
    expect(truncateText('one two three four', 12, 'utf8-bytes')).toBe('one two ');
  });

  it('keeps a text that fits unchanged', () => {
    expect(truncateText('short', 100, 'utf8-bytes')).toBe('short');
  });
});

describe('codePointToUtf16', () => {
  it('is the identity for text inside the Basic Multilingual Plane', () => {
    const toUtf16 = codePointToUtf16('plain text é');

    expect([0, 5, 12].map(toUtf16)).toEqual([0, 5, 12]);
  });

  it('shifts offsets after characters outside the Basic Multilingual Plane', () => {
    const text = '😀 Jane 😀 Doe';
    const toUtf16 = codePointToUtf16(text);

    // Code points: 😀=0, space=1, J=2..5, space=6, 😀=7, space=8, D=9..11, end=12
    expect(text.slice(toUtf16(2), toUtf16(6))).toBe('Jane');
    expect(text.slice(toUtf16(9), toUtf16(12))).toBe('Doe');
  });
});

describe('mapWithConcurrency', () => {
  it('keeps the order of results and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;

    const results = await mapWithConcurrency([30, 10, 20, 5], 2, async (ms, index) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return index * 10;
    });

    expect(results).toEqual([0, 10, 20, 30]);
    expect(most).toBe(2);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapWithConcurrency([1, 2, 3], 1, async (item) => {
        if (item === 2) throw new Error('second failed');
        return item;
      }),
    ).rejects.toThrow('second failed');
  });
});
