import { execFileSync } from 'node:child_process';
import { restoreNativeBuiltins } from '../../../shared/runtime/native-builtins.js';

/** What core-js does to the built-ins when pdfjs-dist's legacy build loads: slower JavaScript stand-ins. */
function replaceLikeCoreJs(): void {
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const push = Array.prototype.push;
  Object.defineProperty(JSON, 'stringify', { value: (...args: Parameters<typeof JSON.stringify>) => stringify(...args), writable: true, configurable: true, enumerable: true });
  Object.defineProperty(JSON, 'parse', { value: (text: string) => parse(text) as unknown, writable: true, configurable: true, enumerable: true });
  Object.defineProperty(Array.prototype, 'push', {
    value: function push_(this: unknown[], ...items: unknown[]) {
      return push.apply(this, items);
    },
    writable: true,
    configurable: true,
    enumerable: true,
  });
}

describe('restoreNativeBuiltins', () => {
  const natives = { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push };
  afterEach(() => {
    for (const [owner, key, value] of [[JSON, 'stringify', natives.stringify], [JSON, 'parse', natives.parse], [Array.prototype, 'push', natives.push]] as const) {
      Object.defineProperty(owner, key, { value, writable: true, configurable: true, enumerable: false });
    }
  });

  it('changes nothing when no library replaced the built-ins', () => {
    expect(restoreNativeBuiltins()).toEqual([]);
    expect(JSON.stringify).toBe(natives.stringify);
  });

  it('puts back the native JSON functions and push a library replaced, not enumerable as before', () => {
    replaceLikeCoreJs();
    expect(JSON.stringify).not.toBe(natives.stringify);

    const restored = restoreNativeBuiltins();

    expect(restored).toEqual(['JSON.stringify', 'JSON.parse', 'Array.prototype.push']);
    expect(JSON.stringify).toBe(natives.stringify);
    expect(JSON.parse).toBe(natives.parse);
    expect(Array.prototype.push).toBe(natives.push);
    expect(Object.getOwnPropertyDescriptor(Array.prototype, 'push')?.enumerable).toBe(false);
    const keys: string[] = [];
    for (const key in [1, 2]) keys.push(key);
    expect(keys).toEqual(['0', '1']);
  });
});

/**
 * Run in a child Node process, not in Jest's module sandbox: there the built-ins pdf.js's core-js sees are not the
 * ones a real process has, and the swap this guards against did not show.
 */
const READ_PDF_SCRIPT = `
const natives = { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push };
const { readPdfTextLayers } = await import('./shared/adapters/embedded/text-extractor/index.ts');
const read = await readPdfTextLayers(new Uint8Array(readFileSync('fixtures/documents/contract-2.pdf')), { maxPages: 10, minTextLayerLetters: 20 });
console.log(JSON.stringify({ pages: read.pages.length, stringify: JSON.stringify === natives.stringify, parse: JSON.parse === natives.parse, push: Array.prototype.push === natives.push }));
`;

describe('reading a PDF', () => {
  it("leaves Node's own JSON functions and push in place once pdf.js has loaded", () => {
    const script = `import { readFileSync } from 'node:fs';\n${READ_PDF_SCRIPT}`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;

    expect(result).toEqual({ pages: expect.any(Number), stringify: true, parse: true, push: true });
    expect(result.pages).toBeGreaterThan(0);
  });
});
