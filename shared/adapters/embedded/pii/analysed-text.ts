import nlp from 'compromise';

/** One word of the text with the tags compromise gave it in context. Offsets are UTF-16 code units. */
export interface TaggedTerm {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly tags: ReadonlySet<string>;
}

/** A span compromise found (a person or a place), offsets trimmed to the words themselves. */
export interface TaggedSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The text to scan, plus a part-of-speech parse made on first use and shared by the recognizers that need it
 * (names, addresses), so the text is parsed once per `detect` call.
 */
export class AnalysedText {
  private parsed: { terms: TaggedTerm[]; people: TaggedSpan[]; places: TaggedSpan[] } | undefined;

  constructor(readonly text: string) {}

  get terms(): readonly TaggedTerm[] {
    return this.parse().terms;
  }

  /** Spans compromise reads as people (`.people()`). */
  get people(): readonly TaggedSpan[] {
    return this.parse().people;
  }

  /** Spans compromise reads as places (`.places()`). */
  get places(): readonly TaggedSpan[] {
    return this.parse().places;
  }

  private parse(): { terms: TaggedTerm[]; people: TaggedSpan[]; places: TaggedSpan[] } {
    if (this.parsed) return this.parsed;
    const doc = nlp(this.text);
    const terms = locateTerms(this.text, doc.docs);
    const byId = new Map<string, TaggedTerm>();
    doc.docs.forEach((sentence, s) =>
      sentence.forEach((term, t) => {
        const located = terms[s]?.[t];
        if (term.id !== undefined && located) byId.set(term.id, located);
      }),
    );
    const spansOf = (view: { docs: { id?: string }[][] }): TaggedSpan[] =>
      view.docs.flatMap((match) => {
        const first = match[0]?.id === undefined ? undefined : byId.get(match[0].id);
        const lastTerm = match[match.length - 1];
        const last = lastTerm?.id === undefined ? undefined : byId.get(lastTerm.id);
        return first && last ? [{ start: first.start, end: last.end }] : [];
      });
    this.parsed = {
      terms: terms.flat().filter((term): term is TaggedTerm => term !== undefined),
      people: spansOf(doc.people()), places: spansOf(doc.places()) };
    return this.parsed;
  }
}

/**
 * Finds each compromise term's text in the original string, in order, to give it offsets. The result keeps the
 * sentence/term layout of the input (undefined where a term could not be placed). Offsets exclude surrounding
 * punctuation.
 */
function locateTerms(
  text: string,
  sentences: { text: string; tags?: Set<string> }[][],
): (TaggedTerm | undefined)[][] {
  let cursor = 0;
  return sentences.map((sentence) =>
    sentence.map((term) => {
      if (term.text === '') return undefined;
      const at = text.indexOf(term.text, cursor);
      if (at < 0) return undefined;
      cursor = at + term.text.length;
      const core = /[\p{L}\p{M}\p{N}](?:.*[\p{L}\p{M}\p{N}])?/su.exec(term.text);
      if (!core) return undefined;
      const start = at + core.index;
      return { text: core[0], start, end: start + core[0].length, tags: term.tags ?? new Set<string>() };
    }),
  );
}
