import {
  GetDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommand,
  type GetDocumentTextDetectionCommandOutput,
  type TextractClient,
} from '@aws-sdk/client-textract';
import type { S3Ref } from '../../contracts/stages.js';
import { InvalidDocumentError, PageLimitExceededError, TransientError } from '../../errors.js';
import type { ExtractedPage } from '../../ports/text-extractor.js';
import { PageTextCollector } from './textract-blocks.js';
import { textractError } from './textract-errors.js';

/** An S3 object for Textract to read, optionally a given version. */
export interface TextractSource extends S3Ref {
  readonly version?: string;
}

export interface StartTextDetectionOptions {
  /** Idempotency token (1–64 of `A-Za-z0-9-_`): starting again with it returns the same job. */
  readonly clientRequestToken?: string;
  /** Label returned in the completion notification, e.g. the document id. */
  readonly jobTag?: string;
  /** Where Textract announces completion (instead of, or beside, polling). */
  readonly notificationChannel?: { readonly snsTopicArn: string; readonly roleArn: string };
  /** KMS key for Textract's encrypted output. */
  readonly kmsKeyId?: string;
}

/** Starts an asynchronous text detection job over an S3 object (PDF or TIFF, up to 3,000 pages). Returns the job id. */
export async function startTextDetection(
  client: TextractClient,
  source: TextractSource,
  options: StartTextDetectionOptions = {},
): Promise<string> {
  let jobId: string | undefined;
  try {
    const response = await client.send(
      new StartDocumentTextDetectionCommand({
        DocumentLocation: {
          S3Object: { Bucket: source.bucket, Name: source.key, ...(source.version ? { Version: source.version } : {}) },
        },
        ClientRequestToken: options.clientRequestToken,
        JobTag: options.jobTag,
        KMSKeyId: options.kmsKeyId,
        NotificationChannel: options.notificationChannel && {
          SNSTopicArn: options.notificationChannel.snsTopicArn,
          RoleArn: options.notificationChannel.roleArn,
        },
      }),
    );
    jobId = response.JobId;
  } catch (error) {
    throw textractError(error, 'Starting Textract text detection');
  }
  if (!jobId) throw new TransientError('Starting Textract text detection returned no job id');
  return jobId;
}

export type TextDetectionResult =
  | { readonly status: 'IN_PROGRESS' }
  | {
      readonly status: 'SUCCEEDED';
      readonly pages: ExtractedPage[];
      /** Textract's warnings (PARTIAL_SUCCESS: pages it could not read, which come back empty). */
      readonly warnings: readonly string[];
    };

export interface TextDetectionPagesOptions {
  /** Stop with PageLimitExceededError as soon as the document is known to have more pages than this. */
  readonly maxPages?: number;
}

/** Textract's own page size limit for GetDocumentTextDetection. */
const MAX_RESULTS = 1000;

/**
 * Reads an asynchronous text detection job: `IN_PROGRESS` while it runs; when it is done, every page's text,
 * following `NextToken` to the last batch of blocks. A failed job is an InvalidDocumentError with Textract's reason.
 */
export async function getTextDetectionPages(
  client: TextractClient,
  jobId: string,
  options: TextDetectionPagesOptions = {},
): Promise<TextDetectionResult> {
  const collector = new PageTextCollector();
  const warnings: string[] = [];
  let pageCount: number | undefined;
  let nextToken: string | undefined;
  do {
    let response: GetDocumentTextDetectionCommandOutput;
    try {
      response = await client.send(
        new GetDocumentTextDetectionCommand({ JobId: jobId, MaxResults: MAX_RESULTS, NextToken: nextToken }),
      );
    } catch (error) {
      throw textractError(error, 'Reading Textract text detection results');
    }
    if (response.JobStatus === 'IN_PROGRESS') return { status: 'IN_PROGRESS' };
    if (response.JobStatus === 'FAILED') {
      throw new InvalidDocumentError(`Textract could not read the document: ${response.StatusMessage ?? 'no reason given'}`);
    }
    pageCount = response.DocumentMetadata?.Pages ?? pageCount;
    if (options.maxPages !== undefined && pageCount !== undefined && pageCount > options.maxPages) {
      throw new PageLimitExceededError(`The document has ${pageCount} pages, more than the limit of ${options.maxPages}`);
    }
    collector.add(response.Blocks ?? []);
    for (const warning of response.Warnings ?? []) {
      warnings.push(`${warning.ErrorCode ?? 'Warning'} on pages ${(warning.Pages ?? []).join(', ')}`);
    }
    nextToken = response.NextToken;
  } while (nextToken);
  return { status: 'SUCCEEDED', pages: collector.result(pageCount), warnings };
}
