import { StorageRequestCounter } from '../../bench/lib/http-counter.js';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';

const portOf = (endpoint: string): number => Number(new URL(endpoint).port);

/** S3 GETs the pipeline makes for one plain-text document, on a runtime started with these options. */
async function s3GetsForOneDocument(options: { recentObjects?: boolean }): Promise<{ gets: number; status: string }> {
  let runtime: TestRuntime | undefined;
  try {
    runtime = await startTestRuntime(options);
    const counter = new StorageRequestCounter(portOf(runtime.runtime.services.s3Endpoint), portOf(runtime.runtime.services.dynamoEndpoint));
    try {
      const upload = await runtime.upload('notes/meeting.txt', 'Meeting notes. The quarterly review covered budget planning, hiring and the new office.');
      return { gets: counter.snapshot().s3Gets, status: upload.status };
    } finally {
      counter.close();
    }
  } finally {
    await runtime?.stop();
  }
}

/** The local runtime serves a stage's reads of what an earlier stage wrote from memory; the cost benchmark turns that off. */
describe('reads of objects the runtime already holds', () => {
  it('makes one S3 read a document (Ingest\'s) by default, and every Lambda function\'s read when turned off', async () => {
    const held = await s3GetsForOneDocument({});
    const lambdaLike = await s3GetsForOneDocument({ recentObjects: false });

    expect([held.status, lambdaLike.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(held.gets).toBe(1);
    // Ingest and ExtractText read the upload; Classify, Redact and Summarise the pages; Store the redacted pages and the summary.
    expect(lambdaLike.gets).toBe(7);
  });
});
