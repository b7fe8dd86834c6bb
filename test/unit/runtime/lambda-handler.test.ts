import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { mockClient } from 'aws-sdk-client-mock';
import { s3ObjectStore } from '../../../shared/aws/s3-objects.js';
import { dynamoRecordStore } from '../../../shared/records/dynamo-records.js';
import { createLambdaHandler, type LambdaStage } from '../../../shared/runtime/lambda.js';
import { recordFailureStage } from '../../../stages/record-failure/record-failure.js';
import { redactStage } from '../../../stages/redact/redact.js';
import { storeStage } from '../../../stages/store/store.js';

const REDACT: LambdaStage = { state: 'Redact', task: redactStage, stores: { objects: s3ObjectStore } };

/** The Lambda entry of a stage, with S3 and DynamoDB mocked: correlation ids on every log line, no PII in any. */
const PII = ['Margaret Holloway', 'margaret.holloway@example.com', '(415) 555-0134', '078-05-1120'];
const pageText = `Dear ${PII[0]}, your claim is approved. Write to ${PII[1]} or call ${PII[2]}. SSN on file: ${PII[3]}.`;

const document = {
  status: 'CLAIMED',
  uploadId: '2026-01-01T00:00:00Z#e1',
  bucket: 'uploads',
  key: 'claim.txt',
  receivedAt: '2026-01-01T00:00:00.000Z',
  documentId: 'doc-abc',
  contentHash: 'b'.repeat(64),
  mediaType: 'text/plain',
  size: pageText.length,
};
const extraction = { status: 'COMPLETE', text: { bucket: 'derived', key: 'extracted/doc-abc/pages.json' }, pageCount: 1, characterCount: pageText.length, method: 'plain-text', confidence: 1, ocrPages: 0 };

describe('a stage running as a Lambda function', () => {
  const s3 = mockClient(S3Client);
  const db = mockClient(DynamoDBDocumentClient);
  const lines: string[] = [];
  let restore: () => void;
  const env = { ...process.env };

  beforeEach(() => {
    Object.assign(process.env, {
      DOCPIPE_TABLE_NAME: 'documents',
      DOCPIPE_DERIVED_BUCKET: 'derived',
      POWERTOOLS_LOG_LEVEL: 'DEBUG',
      AWS_REGION: 'us-east-1',
    });
    lines.length = 0;
    const write = process.stdout.write.bind(process.stdout);
    const capture = (chunk: string | Uint8Array): boolean => {
      lines.push(chunk.toString());
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    const errWrite = process.stderr.write.bind(process.stderr);
    process.stderr.write = capture as typeof process.stderr.write;
    restore = () => {
      process.stdout.write = write;
      process.stderr.write = errWrite;
    };
    const stored = Buffer.from(JSON.stringify({ documentId: 'doc-abc', pages: [{ pageNumber: 1, text: pageText, method: 'plain-text', confidence: 1 }] }));
    s3.on(GetObjectCommand).callsFake(async () => ({ Body: { transformToByteArray: async () => new Uint8Array(stored) } }));
    s3.on(PutObjectCommand).resolves({});
    db.on(UpdateCommand).resolves({});
  });

  afterEach(() => {
    restore();
    s3.reset();
    db.reset();
    process.env = { ...env };
  });

  it('redacts, tags every log line with the document and execution ids, and logs no PII', async () => {
    const handler = createLambdaHandler(REDACT);

    const output = (await handler({ document, extraction, executionId: 'arn:exec:1' })) as { piiCounts: Record<string, number> };

    expect(output.piiCounts).toEqual(expect.objectContaining({ NAME: 1, EMAIL: 1, PHONE: 1, SSN: 1 }));
    const written = s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Body as string;
    for (const value of PII) expect(written).not.toContain(value);
    const logged = lines.join('');
    expect(logged).toContain('"documentId":"doc-abc"');
    for (const value of PII) expect(logged).not.toContain(value);
    expect(logged).not.toContain('claim is approved');
  });

  it('logs the error name, not the document, when a stage fails', async () => {
    s3.on(GetObjectCommand).rejects(Object.assign(new Error('slow down'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } }));
    const handler = createLambdaHandler(REDACT);

    await expect(handler({ document, extraction, executionId: 'arn:exec:2' })).rejects.toMatchObject({ name: 'ThrottlingError' });

    const logged = lines.join('');
    expect(logged).toContain('"errorName":"ThrottlingError"');
    expect(logged).toContain('"executionId":"arn:exec:2"');
  });

  it("annotates a subsegment of the stage's own, not Lambda's segment (which takes none), and closes it", async () => {
    interface FakeSegment {
      readonly name: string;
      closed: boolean;
      readonly annotations: Record<string, unknown>;
      addNewSubsegment(name: string): FakeSegment;
      close(): void;
    }
    const segmentNamed = (name: string): FakeSegment => ({
      name,
      closed: false,
      annotations: {},
      addNewSubsegment: (child) => {
        const made = segmentNamed(child);
        created.push(made);
        return made;
      },
      close() {
        this.closed = true;
      },
    });
    const created: FakeSegment[] = [];
    const facade = segmentNamed('facade');
    let current = facade;
    const tracer = {
      getSegment: () => current,
      setSegment: (segment: FakeSegment) => {
        current = segment;
      },
      putAnnotation: (key: string, value: unknown) => {
        current.annotations[key] = value;
      },
      annotateColdStart: () => undefined,
      addServiceNameAnnotation: () => undefined,
      addErrorAsMetadata: () => undefined,
      captureAWSv3Client: <C>(client: C) => client,
    };
    const handler = createLambdaHandler(REDACT, { tracer: tracer as unknown as Tracer });

    await handler({ document, extraction, executionId: 'arn:exec:3' });

    expect(facade.annotations).toEqual({});
    expect(created.map((segment) => ({ name: segment.name, closed: segment.closed, annotations: segment.annotations }))).toEqual([
      { name: '## Redact', closed: true, annotations: { stage: 'Redact', documentId: 'doc-abc' } },
    ]);
    expect(current).toBe(facade);
  });

  it('fails at cold start naming a missing setting', () => {
    delete process.env.DOCPIPE_TABLE_NAME;

    expect(() => createLambdaHandler({ state: 'Store', task: storeStage, stores: { objects: s3ObjectStore, records: dynamoRecordStore } })).toThrow(/DOCPIPE_TABLE_NAME/);
  });

  it('fails at cold start, naming the store, when a stage is built without a store it uses', () => {
    expect(() => createLambdaHandler({ state: 'RecordFailure', task: recordFailureStage, stores: { objects: s3ObjectStore } })).toThrow(
      expect.objectContaining({ name: 'ConfigurationError', message: expect.stringMatching(/without a record store/) }),
    );
  });
});
