import { FEATURE_BLOCKS, extractTermCounts, type TermCounts } from './features.js';
import type { ClassifierOptions } from './options.js';
import type { Vocabulary } from './vocabulary.js';

/** A document as a sparse vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

interface BlockSpace {
  readonly index: ReadonlyMap<string, number>;
  readonly idf: readonly number[];
  readonly offset: number;
  readonly weight: number;
}

/**
 * Turns texts into TF-IDF vectors: sublinear term frequency (1 + ln tf) times IDF, each block (word n-grams,
 * character n-grams) L2-normalised and weighted, the whole vector of unit length. Word features come first,
 * then character features.
 */
export class FeatureSpace {
  readonly size: number;
  private readonly blocks: readonly { readonly name: keyof TermCounts; readonly space: BlockSpace }[];

  constructor(
    vocabulary: Vocabulary,
    private readonly options: ClassifierOptions,
  ) {
    let offset = 0;
    const blocks: { name: keyof TermCounts; space: BlockSpace }[] = [];
    for (const name of FEATURE_BLOCKS) {
      const { terms, idf } = vocabulary[name];
      const settings = name === 'word' ? options.word : options.char;
      const index = new Map<string, number>();
      terms.forEach((term, position) => index.set(term, position));
      blocks.push({ name, space: { index, idf, offset, weight: settings?.weight ?? 0 } });
      offset += terms.length;
    }
    this.blocks = blocks;
    this.size = offset;
  }

  vectoriseText(text: string): SparseVector {
    return this.vectorise(extractTermCounts(text, this.options));
  }

  vectorise(counts: TermCounts): SparseVector {
    const indices: number[] = [];
    const values: number[] = [];
    let weightSquares = 0;
    for (const { name, space } of this.blocks) {
      const start = values.length;
      let squares = 0;
      for (const [term, count] of counts[name]) {
        const position = space.index.get(term);
        if (position === undefined) continue;
        const value = (1 + Math.log(count)) * (space.idf[position] ?? 0);
        indices.push(space.offset + position);
        values.push(value);
        squares += value * value;
      }
      if (squares === 0) continue;
      const scale = space.weight / Math.sqrt(squares);
      for (let i = start; i < values.length; i += 1) values[i] = (values[i] ?? 0) * scale;
      weightSquares += space.weight * space.weight;
    }
    const norm = Math.sqrt(weightSquares);
    const scaled = new Float64Array(values.length);
    values.forEach((value, i) => {
      scaled[i] = value / norm;
    });
    return { indices: Int32Array.from(indices), values: scaled };
  }
}
