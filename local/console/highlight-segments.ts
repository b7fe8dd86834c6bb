import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/ports/search-index.js';

/** A piece of a search snippet; `marked` pieces matched the query. */
export interface SnippetSegment {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * Splits a snippet whose matches are wrapped in HIGHLIGHT_START / HIGHLIGHT_END into plain and marked pieces, so the
 * page can put each in its own text node (no markup ever built from document text). An unclosed marker marks the
 * rest of the snippet.
 */
export function snippetSegments(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, marked: boolean): void => {
    if (text !== '') segments.push({ text, marked });
  };
  let rest = snippet;
  for (;;) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start < 0) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, start), false);
    const afterStart = rest.slice(start + HIGHLIGHT_START.length);
    const end = afterStart.indexOf(HIGHLIGHT_END);
    if (end < 0) {
      push(afterStart, true);
      break;
    }
    push(afterStart.slice(0, end), true);
    rest = afterStart.slice(end + HIGHLIGHT_END.length);
  }
  return segments;
}
