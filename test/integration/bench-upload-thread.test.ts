import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { BenchDocument } from '../../bench/lib/bench-documents.js';
import { startBenchRuntime, type BenchRuntime } from '../../bench/lib/bench-runtime.js';
import { UploadThread } from '../../bench/lib/upload-thread.js';
import { createS3Client } from '../../shared/aws/clients.js';
import { LOCAL_NAMES } from '../../local/paths.js';

function textDocument(key: string, text: string): BenchDocument {
  return { key, bytes: new TextEncoder().encode(text), pages: 1, documentClass: 'born-digital' };
}

/** The throughput benchmark uploads from a worker thread, as a user's own program would. */
describe('uploads from the benchmark\'s upload thread', () => {
  let bench: BenchRuntime | undefined;

  afterEach(async () => {
    await bench?.stop();
    bench = undefined;
  });

  it('stores each upload byte for byte and each one starts its own execution', async () => {
    bench = await startBenchRuntime({ uploadThread: true, concurrency: 2 });
    const documents = [
      textDocument('thread/minutes.txt', 'Minutes of the planning meeting. The team agreed the budget and the hiring plan for the spring.'),
      textDocument('thread/memo.txt', 'Memo to all staff. The office will be closed on Friday for maintenance of the heating system.'),
    ];

    const records = await bench.processAll(documents);

    expect(records.map((record) => [record.key, record.status]).sort()).toEqual([
      ['thread/memo.txt', 'SUCCEEDED'],
      ['thread/minutes.txt', 'SUCCEEDED'],
    ]);
    const s3 = createS3Client();
    try {
      for (const document of documents) {
        const stored = await s3.send(new GetObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: document.key }));
        expect(Buffer.from((await stored.Body?.transformToByteArray()) ?? [])).toEqual(Buffer.from(document.bytes));
      }
    } finally {
      s3.destroy();
    }
    // The caller's bytes are copied to the thread, not moved: the direct calls use them afterwards.
    expect(new TextDecoder().decode(documents[0]?.bytes)).toContain('planning meeting');
  });

  it('rejects an upload S3 refuses with the service\'s own error name, and refuses uploads once closed', async () => {
    bench = await startBenchRuntime({ uploadThread: true });
    const uploads = new UploadThread();
    try {
      await expect(uploads.put('no-such-bucket', 'a.txt', new TextEncoder().encode('text'))).rejects.toThrow(/Upload failed: NoSuchBucket/);
    } finally {
      await uploads.close();
    }
    await expect(uploads.put(LOCAL_NAMES.uploadBucket, 'a.txt', new TextEncoder().encode('text'))).rejects.toThrow(/closed/);
  });
});
