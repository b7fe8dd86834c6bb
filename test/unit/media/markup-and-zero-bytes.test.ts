import { sniffMediaType, type SniffResult } from '../../../shared/media/sniff.js';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function detected(result: SniffResult): string {
  return result.ok ? result.mediaType : result.detected;
}

describe('sniffMediaType on text that is not plain text', () => {
  it.each([
    ['an HTML page', '<!DOCTYPE html>\n<html><body><p>Order shipped</p></body></html>', 'HTML page'],
    ['an HTML page without a doctype', '  <html lang="en"><head><title>x</title></head></html>', 'HTML page'],
    ['an SVG drawing with an XML declaration', '<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'SVG image'],
    ['an SVG drawing with a doctype', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg></svg>', 'SVG image'],
  ])('refuses %s, naming it', (_name, text, name) => {
    expect(detected(sniffMediaType(utf8(text)))).toBe(name);
  });

  it.each([
    ['JSON', '{"order": 42, "status": "shipped"}'],
    ['XML data', '<?xml version="1.0"?>\n<order><id>42</id></order>'],
    ['Markdown', '# Minutes\n\nThe <b>board</b> met on Monday.'],
    ['prose mentioning a tag', 'Use the <html> element to start a page.'],
  ])('accepts %s as plain text', (_name, text) => {
    expect(sniffMediaType(utf8(text))).toEqual({ ok: true, mediaType: 'text/plain' });
  });

  it('says a file of nothing but zero bytes was probably not completely written', () => {
    const result = sniffMediaType(new Uint8Array(4096));

    expect(detected(result)).toBe('zero bytes');
    expect(result.ok ? '' : result.reason).toMatch(/not completely written or copied/);
  });
});
