import {
  AccessDeniedException,
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  InternalServerError,
  ProvisionedThroughputExceededException,
  StartDocumentTextDetectionCommand,
  TextractClient,
  UnsupportedDocumentException,
  type Block,
} from '@aws-sdk/client-textract';
import { mockClient } from 'aws-sdk-client-mock';
import { getTextDetectionPages, startTextDetection } from '../../../shared/adapters/aws/textract-async.js';
import { TextractTextExtractor, type TextractExtractionRequest } from '../../../shared/adapters/aws/textract-text-extractor.js';
import { countTiffPages } from '../../../shared/adapters/aws/tiff-page-count.js';
import type { ExtractedPage } from '../../../shared/ports/text-extractor.js';

const textract = mockClient(TextractClient);
const client = new TextractClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const metadata = { $metadata: {} };

afterEach(() => {
  textract.reset();
});

function line(page: number | undefined, text: string, confidence = 99): Block {
  return { BlockType: 'LINE', Page: page, Text: text, Confidence: confidence };
}

/** A little-endian classic TIFF with `pages` image file directories of one entry each (no image data). */
function tiffWithPages(pages: number): Uint8Array {
  const ifdSize = 2 + 12 + 4;
  const bytes = new Uint8Array(8 + pages * ifdSize);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49]);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  for (let page = 0; page < pages; page += 1) {
    const at = 8 + page * ifdSize;
    view.setUint16(at, 1, true);
    view.setUint32(at + 14, page === pages - 1 ? 0 : at + ifdSize, true);
  }
  return bytes;
}

async function collect(pages: AsyncIterable<ExtractedPage>): Promise<ExtractedPage[]> {
  const result: ExtractedPage[] = [];
  for await (const page of pages) result.push(page);
  return result;
}

function extractor(): TextractTextExtractor {
  return new TextractTextExtractor({ client, pollIntervalMs: 1000, maxWaitMs: 5000, sleep: () => Promise.resolve() });
}

function request(overrides: Partial<TextractExtractionRequest>): TextractExtractionRequest {
  return { bytes: PNG, mediaType: 'image/png', maxPages: 50, ...overrides };
}

describe('TextractTextExtractor, synchronous path', () => {
  it('sends an image as bytes to DetectDocumentText and returns its lines as one OCR page', async () => {
    // Prepare
    textract.on(DetectDocumentTextCommand).resolves({
      DocumentMetadata: { Pages: 1 },
      Blocks: [{ BlockType: 'PAGE' }, line(undefined, 'Invoice 42', 98), line(undefined, 'Total 10.00', 96)],
    });

    // Act
    const pages = await collect(extractor().extractPages(request({})));

    // Assess
    expect(textract.commandCalls(DetectDocumentTextCommand)[0]?.args[0].input).toEqual({ Document: { Bytes: PNG } });
    expect(pages).toEqual([{ pageNumber: 1, text: 'Invoice 42\nTotal 10.00', method: 'ocr', confidence: 0.97 }]);
  });

  it('sends a single-page TIFF synchronously', async () => {
    textract.on(DetectDocumentTextCommand).resolves({ Blocks: [line(undefined, 'Scanned')] });

    const pages = await collect(extractor().extractPages(request({ bytes: tiffWithPages(1), mediaType: 'image/tiff' })));

    expect(pages.map((page) => page.text)).toEqual(['Scanned']);
    expect(textract.commandCalls(StartDocumentTextDetectionCommand)).toHaveLength(0);
  });

  it('decodes plain text itself without calling Textract', async () => {
    const pages = await collect(
      extractor().extractPages(request({ bytes: new TextEncoder().encode('Plain words'), mediaType: 'text/plain' })),
    );

    expect(pages).toEqual([{ pageNumber: 1, text: 'Plain words', method: 'plain-text', confidence: 1 }]);
    expect(textract.calls()).toHaveLength(0);
  });

  it('rejects an image over 10 MB before calling Textract, as an invalid document', async () => {
    const large = new Uint8Array(10 * 1024 * 1024 + 1);

    await expect(collect(extractor().extractPages(request({ bytes: large })))).rejects.toMatchObject({
      name: 'InvalidDocumentError',
      retryable: false,
      message: expect.stringMatching(/more than the 10485760 bytes/),
    });
    expect(textract.calls()).toHaveLength(0);
  });

  it('rejects a multi-page TIFF without an S3 source, naming the asynchronous path', async () => {
    await expect(
      collect(extractor().extractPages(request({ bytes: tiffWithPages(3), mediaType: 'image/tiff' }))),
    ).rejects.toMatchObject({ name: 'InvalidDocumentError', message: expect.stringMatching(/3 pages needs Textract's asynchronous path/) });
  });

  it('stops a TIFF with more pages than the limit before calling Textract', async () => {
    await expect(
      collect(extractor().extractPages(request({ bytes: tiffWithPages(4), mediaType: 'image/tiff', maxPages: 3 }))),
    ).rejects.toMatchObject({ name: 'PageLimitExceededError' });
  });
});

describe('TextractTextExtractor errors', () => {
  it('turns provisioned throughput exceeded into a retryable ThrottlingError', async () => {
    textract.on(DetectDocumentTextCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', ...metadata }));

    await expect(collect(extractor().extractPages(request({})))).rejects.toMatchObject({ name: 'ThrottlingError', retryable: true });
  });

  it.each(['ThrottlingException', 'LimitExceededException'])('turns %s into a retryable ThrottlingError', async (name) => {
    textract.on(DetectDocumentTextCommand).rejects(Object.assign(new Error('slow down'), { name }));

    await expect(collect(extractor().extractPages(request({})))).rejects.toMatchObject({ name: 'ThrottlingError', retryable: true });
  });

  it('turns an internal server error into a retryable TransientError', async () => {
    textract.on(DetectDocumentTextCommand).rejects(new InternalServerError({ message: 'oops', ...metadata }));

    await expect(collect(extractor().extractPages(request({})))).rejects.toMatchObject({ name: 'TransientError', retryable: true });
  });

  it('turns an unsupported document into a non-retryable InvalidDocumentError that says why', async () => {
    textract.on(DetectDocumentTextCommand).rejects(new UnsupportedDocumentException({ message: 'Request has unsupported document format', ...metadata }));

    await expect(collect(extractor().extractPages(request({})))).rejects.toMatchObject({
      name: 'InvalidDocumentError',
      retryable: false,
      message: expect.stringMatching(/format is not supported.*unsupported document format/),
    });
  });

  it('turns access denied into a non-retryable AccessDeniedError naming the permissions', async () => {
    textract.on(DetectDocumentTextCommand).rejects(new AccessDeniedException({ message: 'not authorized', ...metadata }));

    await expect(collect(extractor().extractPages(request({})))).rejects.toMatchObject({
      name: 'AccessDeniedError',
      retryable: false,
      message: expect.stringMatching(/textract:DetectDocumentText.*not authorized/),
    });
  });
});

describe('Textract errors for bad documents', () => {
  it.each(['BadDocumentException', 'DocumentTooLargeException', 'InvalidParameterException'])(
    'turns %s into a non-retryable InvalidDocumentError carrying the reason',
    async (name) => {
      textract.on(DetectDocumentTextCommand).rejects(Object.assign(new Error('the service said why'), { name }));

      await expect(collect(extractor().extractPages(request({})))).rejects.toMatchObject({
        name: 'InvalidDocumentError',
        retryable: false,
        message: expect.stringMatching(/Textract.*the service said why/),
      });
    },
  );
});

describe('Textract asynchronous path', () => {
  const source = { bucket: 'uploads', key: 'scans/report.pdf' };

  it('starts a job on the S3 object and returns its id', async () => {
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-1' });

    const jobId = await startTextDetection(client, source, { clientRequestToken: 'doc-123', jobTag: 'doc-123' });

    expect(jobId).toBe('job-1');
    expect(textract.commandCalls(StartDocumentTextDetectionCommand)[0]?.args[0].input).toMatchObject({
      DocumentLocation: { S3Object: { Bucket: 'uploads', Name: 'scans/report.pdf' } },
      ClientRequestToken: 'doc-123',
      JobTag: 'doc-123',
    });
  });

  it('reports a running job as IN_PROGRESS', async () => {
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'IN_PROGRESS' });

    await expect(getTextDetectionPages(client, 'job-1')).resolves.toEqual({ status: 'IN_PROGRESS' });
  });

  it('follows NextToken to the last batch and rebuilds every page', async () => {
    // Prepare
    textract
      .on(GetDocumentTextDetectionCommand, { JobId: 'job-1', NextToken: undefined })
      .resolves({
        JobStatus: 'SUCCEEDED',
        DocumentMetadata: { Pages: 3 },
        NextToken: 'second',
        Blocks: [{ BlockType: 'PAGE', Page: 1 }, line(1, 'Page one'), { BlockType: 'PAGE', Page: 2 }, line(2, 'Page two, first')],
      })
      .on(GetDocumentTextDetectionCommand, { JobId: 'job-1', NextToken: 'second' })
      .resolves({
        JobStatus: 'SUCCEEDED',
        DocumentMetadata: { Pages: 3 },
        NextToken: 'third',
        Blocks: [line(2, 'Page two, second')],
      })
      .on(GetDocumentTextDetectionCommand, { JobId: 'job-1', NextToken: 'third' })
      .resolves({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 3 }, Blocks: [{ BlockType: 'PAGE', Page: 3 }, line(3, 'Page three')] });

    // Act
    const result = await getTextDetectionPages(client, 'job-1');

    // Assess
    const calls = textract.commandCalls(GetDocumentTextDetectionCommand).map((call) => call.args[0].input.NextToken);
    expect(calls).toEqual([undefined, 'second', 'third']);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.status === 'SUCCEEDED' && result.pages.map((page) => page.text)).toEqual([
      'Page one',
      'Page two, first\nPage two, second',
      'Page three',
    ]);
  });

  it('stops with PageLimitExceededError as soon as the page count is over the limit', async () => {
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 900 }, NextToken: 'more' });

    await expect(getTextDetectionPages(client, 'job-1', { maxPages: 500 })).rejects.toMatchObject({
      name: 'PageLimitExceededError',
      message: expect.stringMatching(/900 pages/),
    });
    expect(textract.commandCalls(GetDocumentTextDetectionCommand)).toHaveLength(1);
  });

  it("turns a failed job into an InvalidDocumentError with Textract's reason", async () => {
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'FAILED', StatusMessage: 'Unable to get object metadata from S3' });

    await expect(getTextDetectionPages(client, 'job-1')).rejects.toMatchObject({
      name: 'InvalidDocumentError',
      message: expect.stringMatching(/Unable to get object metadata from S3/),
    });
  });

  it('lets the extractor read a PDF with a source through a job, polling until it is done', async () => {
    // Prepare
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-2' });
    textract
      .on(GetDocumentTextDetectionCommand)
      .resolvesOnce({ JobStatus: 'IN_PROGRESS' })
      .resolvesOnce({ JobStatus: 'IN_PROGRESS' })
      .resolves({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 1 }, Blocks: [line(1, 'From the job')] });

    // Act
    const pages = await collect(
      extractor().extractPages(request({ bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]), mediaType: 'application/pdf', source })),
    );

    // Assess
    expect(pages.map((page) => page.text)).toEqual(['From the job']);
    expect(textract.commandCalls(GetDocumentTextDetectionCommand)).toHaveLength(3);
    expect(textract.commandCalls(DetectDocumentTextCommand)).toHaveLength(0);
  });

  it('reads a PDF known to have one page synchronously, with no job to start or poll', async () => {
    textract.on(DetectDocumentTextCommand).resolves({ DocumentMetadata: { Pages: 1 }, Blocks: [line(undefined, 'One page scan')] });
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

    const onePage = request({ bytes: pdf, mediaType: 'application/pdf', source, pageCount: 1 });
    const wantsAsync = await extractor().asyncJobs.wantsAsync(onePage);
    const pages = await collect(extractor().extractPages(onePage));

    expect(wantsAsync).toBe(false);
    expect(pages.map((page) => page.text)).toEqual(['One page scan']);
    expect(textract.commandCalls(DetectDocumentTextCommand)[0]?.args[0].input).toEqual({ Document: { Bytes: pdf } });
    expect(textract.commandCalls(StartDocumentTextDetectionCommand)).toHaveLength(0);
  });

  it('keeps PDFs of several pages, or of unknown page count, on the asynchronous job', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

    expect(await extractor().asyncJobs.wantsAsync(request({ bytes: pdf, mediaType: 'application/pdf', source, pageCount: 2 }))).toBe(true);
    expect(await extractor().asyncJobs.wantsAsync(request({ bytes: pdf, mediaType: 'application/pdf', source }))).toBe(true);
  });

  it('gives up on a job still running after the longest wait with a retryable TransientError', async () => {
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-3' });
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'IN_PROGRESS' });

    await expect(
      collect(extractor().extractPages(request({ mediaType: 'application/pdf', source }))),
    ).rejects.toMatchObject({ name: 'TransientError', retryable: true, message: expect.stringMatching(/job-3 was still running/) });
    expect(textract.commandCalls(GetDocumentTextDetectionCommand)).toHaveLength(6);
  });
});

describe('countTiffPages', () => {
  it('counts the image file directories of a TIFF', () => {
    expect(countTiffPages(tiffWithPages(1))).toBe(1);
    expect(countTiffPages(tiffWithPages(5))).toBe(5);
  });

  it('answers undefined for bytes that are not a TIFF', () => {
    expect(countTiffPages(PNG)).toBeUndefined();
  });

  it('stops at a directory chain that loops back on itself', () => {
    const bytes = tiffWithPages(2);
    new DataView(bytes.buffer).setUint32(8 + 18 + 14, 8, true);

    expect(countTiffPages(bytes)).toBe(2);
  });
});
