import type { AsyncTextJobResult, ExtractedPage, TextExtractor } from '../../shared/ports/text-extractor.js';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';

/**
 * An extractor that runs jobs, like Textract on AWS: ExtractText starts the job, the state machine waits and
 * CheckExtraction reads it until done; the stored pages then flow through the rest of the pipeline.
 */
function jobExtractor(checksUntilDone: number): { extractor: TextExtractor; started: string[] } {
  const started: string[] = [];
  let checks = 0;
  const page: ExtractedPage = { pageNumber: 1, text: 'Invoice number 4471. Total due 120.00 for consulting services rendered.', method: 'ocr', confidence: 0.93 };
  const extractor: TextExtractor = {
    // eslint-disable-next-line require-yield
    async *extractPages() {
      throw new Error('the job path must be used');
    },
    asyncJobs: {
      wantsAsync: async (request) => request.mediaType === 'application/pdf',
      start: async (source, key) => {
        started.push(`${source.key}:${key}`);
        return 'job-42';
      },
      check: async (): Promise<AsyncTextJobResult> => {
        checks += 1;
        return checks < checksUntilDone ? { status: 'IN_PROGRESS' } : { status: 'SUCCEEDED', pages: [page] };
      },
    },
    close: async () => undefined,
  };
  return { extractor, started };
}

describe('asynchronous text extraction jobs', () => {
  let t: TestRuntime;
  const job = jobExtractor(3);
  beforeAll(async () => {
    t = await startTestRuntime({ overrides: { textExtractor: async () => job.extractor } });
  });
  afterAll(async () => t?.stop());

  it('starts the job once, checks it until done, and processes the pages it returns', async () => {
    const upload = await t.upload('scan.pdf', '%PDF-1.7\n% a scanned page\n');

    expect(upload.status).toBe('SUCCEEDED');
    expect(job.started).toEqual([`scan.pdf:${upload.documentId}`]);
    const document = await t.records.getDocument(upload.documentId ?? '');
    expect(document).toMatchObject({ status: 'SUCCEEDED', pageCount: 1, ocrPages: 1, extractionMethod: 'ocr' });
    const execution = t.runtime.executions.list().find((e) => e.key === 'scan.pdf');
    const history = t.runtime.executions.get(execution?.name ?? '')?.history ?? [];
    expect(history.filter((e) => e.type === 'StateEntered' && e.stateName === 'CheckExtraction')).toHaveLength(3);
  });
});
