import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes one JSON object a line, waiting for the disk when the buffer is full, so memory stays bounded. */
export class PredictionsWriter {
  private constructor(private readonly stream: WriteStream | undefined) {}

  /** A writer to `path`, or one that writes nothing when no path is given. */
  static open(path: string | undefined): PredictionsWriter {
    return new PredictionsWriter(path === undefined ? undefined : createWriteStream(path, { encoding: 'utf8' }));
  }

  async write(value: unknown): Promise<void> {
    if (!this.stream) return;
    if (!this.stream.write(`${JSON.stringify(value)}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(() => resolve());
    });
  }
}
