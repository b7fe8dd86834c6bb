import type { S3Ref } from '../contracts/stages.js';

/** Limits of a RecentObjects cache. */
export interface RecentObjectsLimits {
  /** Bytes held in all (default 32 MiB); the least recently used objects go first. */
  readonly maxBytes: number;
  /** Objects larger than this are not kept (default 8 MiB). */
  readonly maxObjectBytes: number;
}

export const DEFAULT_RECENT_OBJECTS_LIMITS: RecentObjectsLimits = { maxBytes: 32 * 1024 * 1024, maxObjectBytes: 8 * 1024 * 1024 };

/**
 * The objects one process wrote or read last, by bucket and key: for a runtime that runs every stage in one process
 * (the local runtime, `docpipe eval`), where the next stage reads what the previous one just wrote. The object store
 * still writes every object to S3 (a stopped runtime resumes from there); only the reads that would fetch back what
 * this process already holds are saved. Lambda functions each run their own process and are given none.
 *
 * Bounded by bytes, least recently used first out. `set` keeps the bytes it is given (the caller gives up changing
 * them); `get` returns a copy, so nothing a reader does (pdf.js may detach a buffer) reaches what is held.
 */
export class RecentObjects {
  private readonly entries = new Map<string, Uint8Array>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly limits: RecentObjectsLimits = DEFAULT_RECENT_OBJECTS_LIMITS) {
    if (!(limits.maxObjectBytes > 0 && limits.maxBytes >= limits.maxObjectBytes)) {
      throw new RangeError(`RecentObjects limits must have 0 < maxObjectBytes <= maxBytes (got ${limits.maxObjectBytes} and ${limits.maxBytes})`);
    }
  }

  /** Whether an object of this many bytes would be kept. */
  accepts(bytes: number): boolean {
    return bytes <= this.limits.maxObjectBytes;
  }

  /** A copy of the object's bytes, or undefined when not held. */
  get(ref: S3Ref): Uint8Array | undefined {
    const id = idOf(ref);
    const bytes = this.entries.get(id);
    if (bytes === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(id);
    this.entries.set(id, bytes);
    return bytes.slice();
  }

  /** Holds the object's bytes (replacing what was held for it), unless it is over maxObjectBytes. */
  set(ref: S3Ref, bytes: Uint8Array): void {
    this.delete(ref);
    if (!this.accepts(bytes.byteLength)) return;
    this.entries.set(idOf(ref), bytes);
    this.bytes += bytes.byteLength;
    for (const [id, held] of this.entries) {
      if (this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(id);
      this.bytes -= held.byteLength;
    }
  }

  delete(ref: S3Ref): void {
    const id = idOf(ref);
    const held = this.entries.get(id);
    if (held === undefined) return;
    this.entries.delete(id);
    this.bytes -= held.byteLength;
  }

  /** What it holds and how often reads found it there. */
  stats(): { objects: number; bytes: number; hits: number; misses: number } {
    return { objects: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }
}

function idOf(ref: S3Ref): string {
  return `${ref.bucket}/${ref.key}`;
}
