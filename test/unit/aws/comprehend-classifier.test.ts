import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ClassifyDocumentCommand,
  ComprehendClient,
  CreateDocumentClassifierCommand,
  ResourceUnavailableException,
} from '@aws-sdk/client-comprehend';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { csvField, toClassifierTrainingCsv } from '../../../shared/adapters/aws/classifier-training-csv.js';
import { ComprehendClassifier, COMPREHEND_CLASSIFY_MAX_BYTES } from '../../../shared/adapters/aws/comprehend-classifier.js';
import { trainComprehendClassifier } from '../../../shared/adapters/aws/comprehend-classifier-training.js';
import { createClassifier } from '../../../shared/adapters/aws/create-classifier.js';
import { utf8Length } from '../../../shared/adapters/aws/text-chunks.js';
import { EmbeddedClassifier, saveClassifierModel, trainClassifier } from '../../../shared/adapters/embedded/classifier/index.js';

const comprehend = mockClient(ComprehendClient);
const s3 = mockClient(S3Client);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const comprehendClient = new ComprehendClient({ region: 'eu-west-1', credentials });
const s3Client = new S3Client({ region: 'eu-west-1', credentials });
const ENDPOINT = 'arn:aws:comprehend:eu-west-1:123456789012:document-classifier-endpoint/doc-types';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'docpipe-aws-classifier-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

afterEach(() => {
  comprehend.reset();
  s3.reset();
});

describe('ComprehendClassifier', () => {
  it('classifies on the endpoint and answers the highest class with scores normalised to 1', async () => {
    // Prepare
    comprehend.on(ClassifyDocumentCommand).resolves({
      Classes: [
        { Name: 'invoice', Score: 0.6 },
        { Name: 'letter', Score: 0.15 },
        { Name: 'memo', Score: 0.05 },
      ],
    });

    // Act
    const result = await new ComprehendClassifier({ client: comprehendClient, endpointArn: ENDPOINT }).classify('Invoice number 7');

    // Assess
    expect(comprehend.commandCalls(ClassifyDocumentCommand)[0]?.args[0].input).toEqual({ EndpointArn: ENDPOINT, Text: 'Invoice number 7' });
    expect(result.label).toBe('invoice');
    expect(result.confidence).toBeCloseTo(0.75, 10);
    expect(result.scores.letter).toBeCloseTo(0.1875, 10);
    expect(Object.values(result.scores).reduce((sum, score) => sum + score, 0)).toBeCloseTo(1, 10);
  });

  it('sends at most the API limit of UTF-8 bytes, cut between words', async () => {
    comprehend.on(ClassifyDocumentCommand).resolves({ Classes: [{ Name: 'report', Score: 1 }] });
    const text = 'année '.repeat(3000);

    await new ComprehendClassifier({ client: comprehendClient, endpointArn: ENDPOINT }).classify(text);

    const sent = comprehend.commandCalls(ClassifyDocumentCommand)[0]?.args[0].input.Text ?? '';
    expect(utf8Length(sent)).toBeLessThanOrEqual(COMPREHEND_CLASSIFY_MAX_BYTES);
    expect(utf8Length(sent)).toBeGreaterThan(COMPREHEND_CLASSIFY_MAX_BYTES - 10);
    expect(sent.trim().split(' ').every((word) => word === 'année')).toBe(true);
  });

  it('rejects empty text without calling the endpoint', async () => {
    await expect(new ComprehendClassifier({ client: comprehendClient, endpointArn: ENDPOINT }).classify('   ')).rejects.toMatchObject({
      name: 'InvalidDocumentError',
    });
    expect(comprehend.calls()).toHaveLength(0);
  });

  it('treats an endpoint that is not in service yet as transient', async () => {
    comprehend.on(ClassifyDocumentCommand).rejects(new ResourceUnavailableException({ message: 'Endpoint is updating', $metadata: {} }));

    await expect(
      new ComprehendClassifier({ client: comprehendClient, endpointArn: ENDPOINT }).classify('text'),
    ).rejects.toMatchObject({ name: 'TransientError', retryable: true });
  });
});

describe('createClassifier', () => {
  it('returns the Comprehend classifier when an endpoint ARN is configured', async () => {
    const classifier = await createClassifier({ endpointArn: ENDPOINT, modelPath: '/nowhere.json', comprehend: comprehendClient });

    expect(classifier).toBeInstanceOf(ComprehendClassifier);
  });

  it('returns the embedded classifier read from the model file otherwise', async () => {
    // Prepare
    const samples = ['invoice total due', 'invoice amount payable', 'dear sir letter', 'yours sincerely letter'].map((text) => ({
      text,
      label: text.includes('invoice') ? 'invoice' : 'letter',
    }));
    const modelPath = join(folder, 'model.json');
    await saveClassifierModel(trainClassifier(samples), modelPath);

    // Act
    const classifier = await createClassifier({ endpointArn: undefined, modelPath });

    // Assess
    expect(classifier).toBeInstanceOf(EmbeddedClassifier);
    await expect(classifier.classify('invoice total')).resolves.toMatchObject({ label: 'invoice' });
  });
});

describe('Comprehend training CSV', () => {
  it('quotes fields holding commas or quotes and puts each document on one line', () => {
    const csv = toClassifierTrainingCsv(
      [
        { label: 'letter', text: 'Dear Sir,\nthanks for the "quick" reply.' },
        { label: 'memo', text: 'Plain memo text' },
        { label: 'memo', text: '  \n ' },
      ],
      1000,
    );

    expect(csv).toBe('letter,"Dear Sir, thanks for the ""quick"" reply."\nmemo,Plain memo text\n');
  });

  it('leaves a field without special characters unquoted', () => {
    expect(csvField('invoice')).toBe('invoice');
  });
});

describe('trainComprehendClassifier', () => {
  async function writeData(perLabel: number): Promise<string> {
    const lines = Array.from({ length: perLabel }, (_, i) => [
      JSON.stringify({ text: `Invoice ${i}, total due`, label: 'invoice' }),
      JSON.stringify({ text: `Dear reader ${i}\nyours sincerely`, label: 'letter' }),
    ]).flat();
    const path = join(folder, `labelled-${perLabel}.jsonl`);
    await writeFile(path, `${lines.join('\n')}\n`);
    return path;
  }

  it('writes the training CSV to S3 and creates a multi-class classifier on it', async () => {
    // Prepare
    const data = await writeData(10);
    s3.on(PutObjectCommand).resolves({});
    const arn = 'arn:aws:comprehend:eu-west-1:123456789012:document-classifier/doc-types';
    comprehend.on(CreateDocumentClassifierCommand).resolves({ DocumentClassifierArn: arn });

    // Act
    const result = await trainComprehendClassifier({
      data,
      bucket: 'training',
      prefix: 'classifier/',
      roleArn: 'arn:aws:iam::123456789012:role/comprehend-data',
      name: 'doc-types',
      s3: s3Client,
      comprehend: comprehendClient,
    });

    // Assess
    expect(result).toBe(arn);
    const put = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put).toMatchObject({ Bucket: 'training', Key: 'classifier/doc-types.csv' });
    const csv = String(put?.Body);
    expect(csv.split('\n')).toHaveLength(21);
    expect(csv.startsWith('invoice,"Invoice 0, total due"\nletter,Dear reader 0 yours sincerely\n')).toBe(true);
    expect(comprehend.commandCalls(CreateDocumentClassifierCommand)[0]?.args[0].input).toEqual({
      DocumentClassifierName: 'doc-types',
      DataAccessRoleArn: 'arn:aws:iam::123456789012:role/comprehend-data',
      LanguageCode: 'en',
      Mode: 'MULTI_CLASS',
      InputDataConfig: { DataFormat: 'COMPREHEND_CSV', S3Uri: 's3://training/classifier/doc-types.csv' },
    });
  });

  it('refuses labels with fewer than 10 samples before writing anything', async () => {
    const data = await writeData(9);

    await expect(
      trainComprehendClassifier({ data, bucket: 'b', prefix: 'p', roleArn: 'r', name: 'doc-types', s3: s3Client, comprehend: comprehendClient }),
    ).rejects.toMatchObject({ name: 'InvalidDocumentError', message: expect.stringMatching(/too few for invoice \(9\), letter \(9\)/) });
    expect(s3.calls()).toHaveLength(0);
  });

  it('refuses a classifier name Comprehend would reject', async () => {
    await expect(
      trainComprehendClassifier({ data: 'x', bucket: 'b', prefix: 'p', roleArn: 'r', name: 'doc types', s3: s3Client, comprehend: comprehendClient }),
    ).rejects.toMatchObject({ name: 'ConfigurationError' });
  });
});
