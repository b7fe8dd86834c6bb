import { createHash } from 'node:crypto';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { toDocpipeError } from '../aws/sdk-errors.js';
import type { DocumentRecord, UploadRecord } from './types.js';

const DOCUMENT_SK = 'DOC';

function documentPk(documentId: string): string {
  return `DOC#${documentId}`;
}

/** Object keys can be 1,024 bytes of any unicode: the partition key uses a hash of bucket and key. */
export function uploadPk(bucket: string, key: string): string {
  return `OBJ#${createHash('sha256').update(bucket).update('\0').update(key).digest('hex').slice(0, 40)}`;
}

/** The upload's id is derived from its event, so every stage (and RecordFailure) can name it without a lookup. */
export function uploadIdFor(eventTime: string, eventId: string): string {
  return `${eventTime}#${eventId}`;
}

/** The error name recorded on a document or upload whose execution stopped before it finished (a crash, a lost worker). */
export const INTERRUPTED_ERROR = 'Interrupted';

export type ClaimResult = { readonly claimed: true } | { readonly claimed: false; readonly existing: DocumentRecord };

type Writable<T> = { -readonly [K in keyof T]?: T[K] };

/** The DynamoDB table of document and upload records. */
export class RecordStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Claims a document id with a conditional write: succeeds when the content was never seen, or when its earlier
   * processing FAILED (so a re-upload retries it). Otherwise returns the existing record.
   */
  async claimDocument(record: DocumentRecord): Promise<ClaimResult> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: documentPk(record.documentId), sk: DOCUMENT_SK, entity: 'DOCUMENT', ...record },
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'FAILED' },
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        const existing = await this.getDocument(record.documentId);
        if (existing) return { claimed: false, existing };
      }
      throw toDocpipeError(error, 'claiming the document record');
    }
  }

  /**
   * Ends the claim of a document whose processing was interrupted (its execution is gone): the record becomes FAILED
   * with the reason, so the next attempt (a re-drive or a re-upload) may claim it again. Conditional on the record
   * still being PROCESSING under that execution, so a live or later attempt is never touched. True when released.
   */
  async releaseInterruptedClaim(documentId: string, executionId: string, reason: string, now: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: documentPk(documentId), sk: DOCUMENT_SK },
          UpdateExpression: 'SET #status = :failed, #error = :error, reason = :reason, failedAt = :now, updatedAt = :now',
          ConditionExpression: '#status = :processing AND executionId = :execution',
          ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
          ExpressionAttributeValues: {
            ':failed': 'FAILED',
            ':processing': 'PROCESSING',
            ':execution': executionId,
            ':error': INTERRUPTED_ERROR,
            ':reason': reason,
            ':now': now,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw toDocpipeError(error, 'releasing an interrupted claim');
    }
  }

  async getDocument(documentId: string): Promise<DocumentRecord | undefined> {
    try {
      const out = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: { pk: documentPk(documentId), sk: DOCUMENT_SK }, ConsistentRead: true }),
      );
      return out.Item ? stripKeys<DocumentRecord>(out.Item) : undefined;
    } catch (error) {
      throw toDocpipeError(error, 'reading the document record');
    }
  }

  async updateDocument(documentId: string, fields: Writable<DocumentRecord>): Promise<void> {
    await this.update({ pk: documentPk(documentId), sk: DOCUMENT_SK }, fields, 'attribute_exists(pk)');
  }

  async countRepeat(documentId: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: documentPk(documentId), sk: DOCUMENT_SK },
          UpdateExpression: 'ADD repeats :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    } catch (error) {
      throw toDocpipeError(error, 'counting a repeated upload');
    }
  }

  async putUpload(record: UploadRecord): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: uploadPk(record.bucket, record.key), sk: record.uploadId, entity: 'UPLOAD', ...record },
        }),
      );
    } catch (error) {
      throw toDocpipeError(error, 'writing the upload record');
    }
  }

  async updateUpload(bucket: string, key: string, uploadId: string, fields: Writable<UploadRecord>): Promise<void> {
    await this.update({ pk: uploadPk(bucket, key), sk: uploadId }, fields);
  }

  /** The uploads of one object key, oldest first. */
  async uploadsOf(bucket: string, key: string): Promise<UploadRecord[]> {
    try {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': uploadPk(bucket, key) },
          ConsistentRead: true,
        }),
      );
      return (out.Items ?? []).map((item) => stripKeys<UploadRecord>(item));
    } catch (error) {
      throw toDocpipeError(error, 'reading upload records');
    }
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    return this.scanEntity<DocumentRecord>('DOCUMENT');
  }

  async listUploads(): Promise<UploadRecord[]> {
    return this.scanEntity<UploadRecord>('UPLOAD');
  }

  private async scanEntity<T>(entity: string): Promise<T[]> {
    const items: T[] = [];
    let startKey: Record<string, unknown> | undefined;
    try {
      do {
        const out = await this.db.send(
          new ScanCommand({
            TableName: this.tableName,
            FilterExpression: 'entity = :entity',
            ExpressionAttributeValues: { ':entity': entity },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of out.Items ?? []) items.push(stripKeys<T>(item));
        startKey = out.LastEvaluatedKey;
      } while (startKey);
    } catch (error) {
      throw toDocpipeError(error, 'listing records');
    }
    return items;
  }

  private async update(key: { pk: string; sk: string }, fields: Record<string, unknown>, condition?: string): Promise<void> {
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = entries.map(([name, value], i) => {
      names[`#f${i}`] = name;
      values[`:v${i}`] = value;
      return `#f${i} = :v${i}`;
    });
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET ${sets.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ...(condition ? { ConditionExpression: condition } : {}),
        }),
      );
    } catch (error) {
      throw toDocpipeError(error, 'updating a record');
    }
  }
}

function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, entity: _entity, ...rest } = item;
  return rest as T;
}
