import { TransientError } from '../../../errors.js';

/** The part of an OCR engine the pool manages. */
export interface PooledEngine {
  readonly usable: boolean;
  terminate(): Promise<void>;
}

interface Waiter<E> {
  resolve(engine: E): void;
  reject(reason: unknown): void;
}

/**
 * A small pool of OCR engines, started lazily (the first OCR job pays the start-up, documents with a text layer
 * never do) and reused. Each engine runs one job at a time; with `size` engines, that many pages are recognised
 * in parallel, for example from two documents extracted at once. Dead engines are dropped and replaced.
 */
export class OcrEnginePool<E extends PooledEngine> {
  readonly #engines = new Set<E>();
  readonly #idle: E[] = [];
  readonly #waiters: Waiter<E>[] = [];
  #starting = 0;
  /** Bumped by close(), so engines started before it are not handed out after it. */
  #generation = 0;

  constructor(
    private readonly size: number,
    private readonly startEngine: () => Promise<E>,
  ) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`OCR pool size must be a positive integer, got ${size}`);
    }
  }

  /** Runs a job on an engine of its own, then gives the engine back. */
  async use<T>(job: (engine: E) => Promise<T>): Promise<T> {
    const engine = await this.acquire();
    try {
      return await job(engine);
    } finally {
      this.release(engine);
    }
  }

  /** Terminates every engine (idle or busy) and rejects waiting jobs. The pool starts afresh if used again. */
  async close(): Promise<void> {
    this.#generation += 1;
    const engines = [...this.#engines];
    this.#engines.clear();
    this.#idle.length = 0;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new TransientError('OCR engines were closed'));
    await Promise.allSettled(engines.map((engine) => engine.terminate()));
  }

  private async acquire(): Promise<E> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#engines.size + this.#starting < this.size) {
      return this.startOne().catch((reason: unknown) => {
        this.startForNextWaiter();
        throw reason;
      });
    }
    return new Promise<E>((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** A slot came free without an engine to pass on (a start failed, an engine died): start one for a waiter. */
  private startForNextWaiter(): void {
    const waiter = this.#waiters.shift();
    if (!waiter) return;
    this.startOne().then(waiter.resolve, (reason: unknown) => {
      waiter.reject(reason);
      this.startForNextWaiter();
    });
  }

  private async startOne(): Promise<E> {
    const generation = this.#generation;
    this.#starting += 1;
    let engine: E;
    try {
      engine = await this.startEngine();
    } finally {
      if (generation === this.#generation) this.#starting -= 1;
    }
    if (generation !== this.#generation) {
      await engine.terminate();
      throw new TransientError('OCR engines were closed');
    }
    this.#engines.add(engine);
    return engine;
  }

  private release(engine: E): void {
    if (!this.#engines.has(engine)) return;
    if (!engine.usable) {
      this.#engines.delete(engine);
      void engine.terminate().catch(() => undefined);
      this.startForNextWaiter();
      return;
    }
    const waiter = this.#waiters.shift();
    if (waiter) waiter.resolve(engine);
    else this.#idle.push(engine);
  }
}
