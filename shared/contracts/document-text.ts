import type { StoredPages } from './stages.js';

/** Joins page texts with form feeds (the page separator the extractors understand), capped at `maxChars`. */
export function joinPages(pages: StoredPages['pages'], maxChars = Number.POSITIVE_INFINITY): string {
  const text = pages.map((page) => page.text).join('\n\f\n');
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}
