/**
 * A token bucket: `ratePerSecond` tokens flow in continuously up to `capacity`; each request takes one or is refused.
 * It models a service quota such as Textract's transactions per second.
 */
export interface TokenBucketOptions {
  readonly ratePerSecond: number;
  /** Most tokens held at once (the burst a quota tolerates). @default ratePerSecond */
  readonly capacity?: number;
  /** Milliseconds clock. @default performance.now */
  readonly now?: () => number;
}

export class TokenBucket {
  private readonly ratePerMs: number;
  private readonly capacity: number;
  private readonly now: () => number;
  private tokens: number;
  private updatedAt: number;

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be positive, got ${options.ratePerSecond}`);
    this.capacity = options.capacity ?? options.ratePerSecond;
    if (!(this.capacity >= 1)) throw new RangeError(`capacity must be at least 1, got ${this.capacity}`);
    this.ratePerMs = options.ratePerSecond / 1000;
    this.now = options.now ?? (() => performance.now());
    this.tokens = this.capacity;
    this.updatedAt = this.now();
  }

  /** Takes a token when one is there (true), else refuses (false). */
  tryTake(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.ratePerMs);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
