import { SUPPORTED_FORMATS_SENTENCE, type UnsupportedMedia } from './sniff-result.js';

/** An XML declaration, comments, processing instructions and whitespace that may come before the root element. */
const PROLOGUE = /^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/i;

/**
 * Names text that is really a web page or a vector drawing, by the element it opens with. Its words would reach the
 * index tangled with tags and attributes, so it is refused with a way to convert it. Other markup-like text (JSON,
 * CSV, Markdown, XML data) is plain text and passes.
 */
export function identifyMarkup(text: string): UnsupportedMedia | undefined {
  const start = text.replace(/^\uFEFF/, '').replace(PROLOGUE, '').slice(0, 64).toLowerCase();
  if (/^<!doctype\s+svg|^<svg[\s>]/.test(start)) {
    return {
      ok: false,
      detected: 'SVG image',
      reason: `This is an SVG image (a vector drawing), not a document: export it as PNG or PDF. ${SUPPORTED_FORMATS_SENTENCE}`,
    };
  }
  if (/^<!doctype\s+html|^<html[\s>]/.test(start)) {
    return {
      ok: false,
      detected: 'HTML page',
      reason:
        'This is an HTML page, not plain text: print it to PDF, or save its text as a .txt file. ' +
        SUPPORTED_FORMATS_SENTENCE,
    };
  }
  return undefined;
}
