/**
 * The AWS adapters of shared/adapters/aws/ (through awsAdapterOverrides, exactly as a deployment builds them) over
 * SDK clients whose requests are answered in-process by the embedded adapters and counted: Textract pages per API
 * (DetectDocumentText, StartDocumentTextDetection), Comprehend requests and 100-character units (DetectPiiEntities,
 * ClassifyDocument), Bedrock Converse requests and tokens. Born-digital PDFs keep their text layer and skip Textract
 * (DOCPIPE_PDF_TEXT_LAYER=first). Asynchronous jobs finish by the first check.
 *
 * Tokens are estimated at four characters per token (CHARACTERS_PER_TOKEN); the answers are the embedded
 * summariser's, so output tokens are those of an extractive summary in the requested JSON shape.
 */
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { ClassifyDocumentCommand, ComprehendClient, DetectPiiEntitiesCommand } from '@aws-sdk/client-comprehend';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommand,
  TextractClient,
  type Block,
} from '@aws-sdk/client-textract';
import { mockClient } from 'aws-sdk-client-mock';
import { awsAdapterOverrides } from '../../shared/adapters/aws/select.js';
import { DEFAULT_BEDROCK_MODEL_ID } from '../../shared/adapters/aws/aws-settings.js';
import { createEmbeddedTextExtractor } from '../../shared/adapters/embedded/text-extractor/index.js';
import { EmbeddedClassifier } from '../../shared/adapters/embedded/classifier/index.js';
import { EmbeddedPiiDetector } from '../../shared/adapters/embedded/pii/index.js';
import { EmbeddedSummariser } from '../../shared/adapters/embedded/summariser/index.js';
import { createS3Client } from '../../shared/aws/clients.js';
import { sniffMediaType } from '../../shared/media/sniff.js';
import type { ExtractedPage } from '../../shared/ports/text-extractor.js';
import type { AdapterOverrides } from '../../shared/runtime/stage-deps.js';
import { DEFAULT_CLASSIFIER_MODEL } from '../../shared/runtime/stage-deps.js';
import { comprehendUnits, estimateTokens } from './cost-model.js';

/** What the AWS adapters sent, as the services bill it. */
export interface AwsCallCounts {
  readonly textractSyncPages: number;
  readonly textractAsyncPages: number;
  readonly textractRequests: number;
  readonly comprehendPiiRequests: number;
  readonly comprehendPiiUnits: number;
  readonly comprehendClassifyRequests: number;
  readonly comprehendClassifyUnits: number;
  readonly bedrockRequests: number;
  readonly bedrockInputTokens: number;
  readonly bedrockOutputTokens: number;
}

const ZERO_CALLS: AwsCallCounts = {
  textractSyncPages: 0,
  textractAsyncPages: 0,
  textractRequests: 0,
  comprehendPiiRequests: 0,
  comprehendPiiUnits: 0,
  comprehendClassifyRequests: 0,
  comprehendClassifyUnits: 0,
  bedrockRequests: 0,
  bedrockInputTokens: 0,
  bedrockOutputTokens: 0,
};

export function callsDelta(after: AwsCallCounts, before: AwsCallCounts): AwsCallCounts {
  const delta: Record<keyof AwsCallCounts, number> = { ...ZERO_CALLS };
  for (const key of Object.keys(ZERO_CALLS) as (keyof AwsCallCounts)[]) delta[key] = after[key] - before[key];
  return delta;
}

export interface RecordingAdapters {
  readonly overrides: AdapterOverrides;
  snapshot(): AwsCallCounts;
  close(): Promise<void>;
}

const REGION = 'us-east-1';
const PLACEHOLDER_CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };
/** A well-formed endpoint ARN: the classifier runs through ComprehendClassifier so its requests are counted. */
const CLASSIFIER_ENDPOINT_ARN = 'arn:aws:comprehend:us-east-1:000000000000:document-classifier-endpoint/bench';

function blocksOf(pages: readonly ExtractedPage[], withPageNumbers: boolean): Block[] {
  return pages.flatMap((page): Block[] => [
    { BlockType: 'PAGE', ...(withPageNumbers ? { Page: page.pageNumber } : {}) },
    ...page.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line): Block => ({ BlockType: 'LINE', Text: line, Confidence: page.confidence * 100, ...(withPageNumbers ? { Page: page.pageNumber } : {}) })),
  ]);
}

/** Code points before a UTF-16 offset (Comprehend counts offsets in code points). */
function codePoints(text: string, utf16Offset: number): number {
  return [...text.slice(0, utf16Offset)].length;
}

function between(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  const end = text.lastIndexOf(close);
  return start === -1 || end <= start ? text : text.slice(start + open.length, end).trim();
}

export function createRecordingAdapters(options: { readonly ocrWorkers?: number } = {}): RecordingAdapters {
  const counts: Record<keyof AwsCallCounts, number> = { ...ZERO_CALLS };
  const extractor = createEmbeddedTextExtractor({ ocrWorkers: options.ocrWorkers ?? 1 });
  const pii = new EmbeddedPiiDetector();
  const summariser = new EmbeddedSummariser();
  const classifier = EmbeddedClassifier.fromFile(DEFAULT_CLASSIFIER_MODEL);
  const s3 = createS3Client();

  const extract = async (bytes: Uint8Array): Promise<ExtractedPage[]> => {
    const sniffed = sniffMediaType(bytes.subarray(0, 4096));
    if (!sniffed.ok) throw new Error(sniffed.reason);
    const pages: ExtractedPage[] = [];
    for await (const page of extractor.extractPages({ bytes, mediaType: sniffed.mediaType, maxPages: 3000 })) pages.push(page);
    return pages;
  };

  const textract = new TextractClient({ region: REGION, credentials: PLACEHOLDER_CREDENTIALS });
  const jobs = new Map<string, { pages: Promise<ExtractedPage[]>; billed: boolean }>();
  const textractMock = mockClient(textract);
  textractMock.on(DetectDocumentTextCommand).callsFake(async (input: { Document?: { Bytes?: Uint8Array } }) => {
    counts.textractRequests += 1;
    const pages = await extract(input.Document?.Bytes ?? new Uint8Array());
    counts.textractSyncPages += pages.length;
    return { Blocks: blocksOf(pages, false), DocumentMetadata: { Pages: pages.length } };
  });
  textractMock.on(StartDocumentTextDetectionCommand).callsFake(async (input: { DocumentLocation?: { S3Object?: { Bucket?: string; Name?: string } } }) => {
    counts.textractRequests += 1;
    const object = await s3.send(new GetObjectCommand({ Bucket: input.DocumentLocation?.S3Object?.Bucket, Key: input.DocumentLocation?.S3Object?.Name }));
    const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    const jobId = `bench-job-${jobs.size + 1}`;
    const pages = extract(bytes);
    pages.catch(() => undefined);
    jobs.set(jobId, { pages, billed: false });
    return { JobId: jobId };
  });
  textractMock.on(GetDocumentTextDetectionCommand).callsFake(async (input: { JobId?: string }) => {
    counts.textractRequests += 1;
    const job = jobs.get(input.JobId ?? '');
    if (!job) return { JobStatus: 'FAILED', StatusMessage: 'unknown job' };
    const pages = await job.pages;
    if (!job.billed) {
      job.billed = true;
      counts.textractAsyncPages += pages.length;
    }
    return { JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: pages.length }, Blocks: blocksOf(pages, true) };
  });

  const comprehend = new ComprehendClient({ region: REGION, credentials: PLACEHOLDER_CREDENTIALS });
  const comprehendMock = mockClient(comprehend);
  comprehendMock.on(DetectPiiEntitiesCommand).callsFake(async (input: { Text?: string }) => {
    const text = input.Text ?? '';
    counts.comprehendPiiRequests += 1;
    counts.comprehendPiiUnits += comprehendUnits([...text].length);
    const entities = await pii.detect(text);
    return {
      Entities: entities.map((entity) => ({
        Type: entity.type,
        BeginOffset: codePoints(text, entity.start),
        EndOffset: codePoints(text, entity.end),
        Score: entity.score,
      })),
    };
  });
  comprehendMock.on(ClassifyDocumentCommand).callsFake(async (input: { Text?: string }) => {
    const text = input.Text ?? '';
    counts.comprehendClassifyRequests += 1;
    counts.comprehendClassifyUnits += comprehendUnits([...text].length);
    const result = await (await classifier).classify(text);
    return { Classes: Object.entries(result.scores).map(([name, score]) => ({ Name: name, Score: score })) };
  });

  const bedrock = new BedrockRuntimeClient({ region: REGION, credentials: PLACEHOLDER_CREDENTIALS });
  const bedrockMock = mockClient(bedrock);
  bedrockMock.on(ConverseCommand).callsFake(async (input: { messages?: { content?: { text?: string }[] }[] }) => {
    const prompt = (input.messages ?? []).flatMap((message) => message.content ?? []).map((block) => block.text ?? '').join('');
    const content = prompt.includes('<document>') ? between(prompt, '<document>', '</document>') : between(prompt, '<summaries>', '</summaries>');
    const made = await summariser.summarise(content);
    const answer = JSON.stringify({ summary: made.summary, keyPoints: made.keyPoints });
    const inputTokens = estimateTokens(prompt.length);
    const outputTokens = estimateTokens(answer.length);
    counts.bedrockRequests += 1;
    counts.bedrockInputTokens += inputTokens;
    counts.bedrockOutputTokens += outputTokens;
    return {
      output: { message: { role: 'assistant', content: [{ text: answer }] } },
      stopReason: 'end_turn',
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: 0 },
    };
  });

  const overrides = awsAdapterOverrides(
    {
      textExtractor: 'textract',
      pdfTextLayer: 'first',
      piiDetector: 'comprehend',
      classifierEndpointArn: CLASSIFIER_ENDPOINT_ARN,
      summariser: 'bedrock',
      bedrock: { modelId: DEFAULT_BEDROCK_MODEL_ID, maxInputChars: 60_000 },
      search: 'embedded',
      openSearch: undefined,
      comprehendLanguage: 'en',
    },
    { textract, comprehend, bedrock },
  );

  return {
    overrides,
    snapshot: () => ({ ...counts }),
    async close() {
      textractMock.restore();
      comprehendMock.restore();
      bedrockMock.restore();
      s3.destroy();
      await extractor.close();
    },
  };
}
