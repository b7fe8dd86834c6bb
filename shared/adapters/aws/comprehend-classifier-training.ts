import { ComprehendClient, CreateDocumentClassifierCommand, type LanguageCode } from '@aws-sdk/client-comprehend';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../aws/clients.js';
import { ConfigurationError, InvalidDocumentError, TransientError } from '../../errors.js';
import { readLabelledJsonl } from '../embedded/classifier/index.js';
import { accessDenied, translateAwsError } from './aws-errors.js';
import { samplesPerLabel, toClassifierTrainingCsv } from './classifier-training-csv.js';
import { COMPREHEND_CLASSIFY_MAX_BYTES } from './comprehend-classifier.js';

/** Comprehend refuses to train a class with fewer documents than this. */
export const COMPREHEND_MIN_SAMPLES_PER_LABEL = 10;

const CLASSIFIER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/u;

export interface TrainComprehendClassifierRequest {
  /** Labelled JSONL file: `{"text": "...", "label": "..."}` a line (see readLabelledJsonl). */
  readonly data: string;
  /** Bucket the training CSV is written to (Comprehend reads it from there). */
  readonly bucket: string;
  /** Key prefix of the training CSV; the file is `<prefix>/<name>.csv`. */
  readonly prefix: string;
  /** Role Comprehend assumes to read the bucket (DataAccessRoleArn). */
  readonly roleArn: string;
  /** Classifier name: letters, digits and hyphens, at most 63 characters. */
  readonly name: string;
  /** Optional version name, to train a new version under an existing name. */
  readonly versionName?: string;
  /** @default 'en' */
  readonly languageCode?: LanguageCode;
  readonly s3?: S3Client;
  readonly comprehend?: ComprehendClient;
}

function trainingKey(prefix: string, name: string): string {
  const folder = prefix.replace(/^\/+|\/+$/gu, '');
  return folder === '' ? `${name}.csv` : `${folder}/${name}.csv`;
}

/**
 * Trains an Amazon Comprehend custom classifier (MULTI_CLASS) from labelled JSONL: writes the two-column training
 * CSV (label,text) to S3 and calls CreateDocumentClassifier. Returns the classifier's ARN at once; training runs on
 * in Comprehend (typically tens of minutes), after which an endpoint must be created for ClassifyDocument.
 */
export async function trainComprehendClassifier(request: TrainComprehendClassifierRequest): Promise<string> {
  if (request.name.length > 63 || !CLASSIFIER_NAME.test(request.name)) {
    throw new ConfigurationError(
      `Classifier name ${JSON.stringify(request.name)} must be letters, digits and single hyphens, at most 63 characters`,
    );
  }
  const samples = await readLabelledJsonl(request.data);
  const counts = samplesPerLabel(samples);
  const tooFew = [...counts].filter(([, count]) => count < COMPREHEND_MIN_SAMPLES_PER_LABEL);
  if (counts.size < 2 || tooFew.length > 0) {
    const detail = tooFew.map(([label, count]) => `${label} (${count})`).join(', ');
    throw new InvalidDocumentError(
      `${request.data}: Comprehend needs at least 2 labels with ${COMPREHEND_MIN_SAMPLES_PER_LABEL} samples each` +
        (detail ? `; too few for ${detail}` : `; found ${counts.size} label(s)`),
    );
  }

  const key = trainingKey(request.prefix, request.name);
  const s3 = request.s3 ?? createS3Client();
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: request.bucket,
        Key: key,
        Body: toClassifierTrainingCsv(samples, COMPREHEND_CLASSIFY_MAX_BYTES),
        ContentType: 'text/csv; charset=utf-8',
      }),
    );
  } catch (error) {
    throw translateAwsError(error, `Writing s3://${request.bucket}/${key}`, {
      AccessDenied: accessDenied(`writing the training file to s3://${request.bucket}/${key}`),
      NoSuchBucket: (message, cause) => new ConfigurationError(`Bucket ${request.bucket} does not exist: ${message}`, { cause }),
    });
  }

  const comprehend = request.comprehend ?? new ComprehendClient({});
  let arn: string | undefined;
  try {
    const response = await comprehend.send(
      new CreateDocumentClassifierCommand({
        DocumentClassifierName: request.name,
        VersionName: request.versionName,
        DataAccessRoleArn: request.roleArn,
        LanguageCode: request.languageCode ?? 'en',
        Mode: 'MULTI_CLASS',
        InputDataConfig: { DataFormat: 'COMPREHEND_CSV', S3Uri: `s3://${request.bucket}/${key}` },
      }),
    );
    arn = response.DocumentClassifierArn;
  } catch (error) {
    throw translateAwsError(error, 'Comprehend CreateDocumentClassifier', {
      InvalidRequestException: (message, cause) =>
        new ConfigurationError(`Comprehend refused to create the classifier: ${message}`, { cause }),
      ResourceInUseException: (message, cause) =>
        new ConfigurationError(`A classifier named ${request.name} already exists (give another name or a version): ${message}`, {
          cause,
        }),
      ResourceLimitExceededException: (message, cause) =>
        new ConfigurationError(`The account's Comprehend classifier quota is used up: ${message}`, { cause }),
      AccessDeniedException: accessDenied('to Comprehend CreateDocumentClassifier (and iam:PassRole on the data access role)'),
    });
  }
  if (!arn) throw new TransientError('Comprehend CreateDocumentClassifier returned no ARN');
  return arn;
}
