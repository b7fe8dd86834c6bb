import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../ports/search-index.js';

/**
 * Markers used inside SQL, swapped for the port's markers afterwards. They are removed from text before it is
 * indexed (withoutMatchMarkers), so a snippet holds a match exactly when it holds MATCH_START.
 */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';
export const SNIPPET_ELLIPSIS = '…';
/** Approximate length of a snippet, in tokens. */
export const SNIPPET_TOKENS = 24;
export const MAX_HIGHLIGHTS = 2;

/** Snippets of one hit, one per indexed column, as FTS5 snippet() returned them. */
export interface ColumnSnippets {
  readonly text: string;
  readonly summary: string;
  readonly key: string;
}

function plain(snippet: string): string {
  return snippet.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '').replaceAll(SNIPPET_ELLIPSIS, '').trim();
}

function toPortMarkers(snippet: string): string {
  return snippet.replaceAll(MATCH_START, HIGHLIGHT_START).replaceAll(MATCH_END, HIGHLIGHT_END);
}

/**
 * Up to MAX_HIGHLIGHTS snippets that contain a match: the text's, then the summary's unless it repeats the text
 * passage (as an extractive summary often does); the file name's only when neither matched.
 */
export function chooseHighlights(snippets: ColumnSnippets): string[] {
  const chosen: string[] = [];
  for (const snippet of [snippets.text, snippets.summary]) {
    if (!snippet.includes(MATCH_START)) continue;
    const words = plain(snippet);
    const repeats = chosen.some((earlier) => plain(earlier).includes(words) || words.includes(plain(earlier)));
    if (!repeats) chosen.push(snippet);
  }
  if (chosen.length === 0 && snippets.key.includes(MATCH_START)) chosen.push(snippets.key);
  return chosen.slice(0, MAX_HIGHLIGHTS).map(toPortMarkers);
}

/** Removes the internal match markers from text before it is indexed, so only real matches carry them. */
export function withoutMatchMarkers(text: string): string {
  return text.replaceAll(MATCH_START, ' ').replaceAll(MATCH_END, ' ');
}
