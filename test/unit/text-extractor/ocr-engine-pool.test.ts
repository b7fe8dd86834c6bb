import { OcrEnginePool, type PooledEngine } from '../../../shared/adapters/embedded/text-extractor/ocr-engine-pool.js';

class FakeEngine implements PooledEngine {
  usable = true;
  terminated = false;
  constructor(readonly id: number) {}
  async terminate(): Promise<void> {
    this.terminated = true;
  }
}

/** A promise with its resolver exposed, to hold a job open. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('the pool of OCR engines', () => {
  let started: FakeEngine[];
  const startEngine = async () => {
    const engine = new FakeEngine(started.length + 1);
    started.push(engine);
    return engine;
  };
  beforeEach(() => {
    started = [];
  });

  it('starts no engine until the first job', () => {
    // Act
    new OcrEnginePool(2, startEngine);

    // Assess
    expect(started).toHaveLength(0);
  });

  it('reuses one engine for jobs that follow each other', async () => {
    // Prepare
    const pool = new OcrEnginePool(2, startEngine);

    // Act
    const first = await pool.use(async (engine) => engine.id);
    const second = await pool.use(async (engine) => engine.id);

    // Assess
    expect([first, second]).toEqual([1, 1]);
    expect(started).toHaveLength(1);
  });

  it('runs as many jobs at once as it has engines, and queues the rest', async () => {
    // Prepare
    const pool = new OcrEnginePool(2, startEngine);
    const hold = gate();
    const running: number[] = [];

    // Act
    const jobs = [1, 2, 3].map(() =>
      pool.use(async (engine) => {
        running.push(engine.id);
        await hold.promise;
        return engine.id;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const runningWhileHeld = [...running];
    hold.open();
    const ids = await Promise.all(jobs);

    // Assess
    expect(runningWhileHeld).toEqual([1, 2]);
    expect(started).toHaveLength(2);
    expect(ids.sort()).toEqual([1, 1, 2].sort());
  });

  it('replaces an engine that died during a job', async () => {
    // Prepare
    const pool = new OcrEnginePool(1, startEngine);

    // Act
    await pool
      .use(async (engine) => {
        engine.usable = false;
        throw new Error('thread crashed');
      })
      .catch(() => undefined);
    const next = await pool.use(async (engine) => engine.id);

    // Assess
    expect(next).toBe(2);
    expect(started[0]?.terminated).toBe(true);
  });

  it('hands a waiting job the chance to start an engine when a start fails', async () => {
    // Prepare
    let attempts = 0;
    const pool = new OcrEnginePool(1, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('no memory');
      return startEngine();
    });

    // Act
    const results = await Promise.allSettled([pool.use(async (e) => e.id), pool.use(async (e) => e.id)]);

    // Assess
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('terminates its engines on close and starts afresh if used again', async () => {
    // Prepare
    const pool = new OcrEnginePool(1, startEngine);
    await pool.use(async () => undefined);

    // Act
    await pool.close();
    const after = await pool.use(async (engine) => engine.id);

    // Assess
    expect(started[0]?.terminated).toBe(true);
    expect(after).toBe(2);
  });
});
