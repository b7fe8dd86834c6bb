import type { ExtractedPage } from '../../../shared/ports/text-extractor.js';

/** Drains an extraction into an array (the tests' documents are small). */
export async function collectPages(pages: AsyncIterable<ExtractedPage>): Promise<ExtractedPage[]> {
  const collected: ExtractedPage[] = [];
  for await (const page of pages) collected.push(page);
  return collected;
}

/** Lower-case words of a text, punctuation dropped, for comparing OCR output with what was drawn. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length > 0);
}
