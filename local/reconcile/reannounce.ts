import { CopyObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { toDocpipeError } from '../../shared/aws/sdk-errors.js';
import { INTERRUPTED_ERROR, uploadIdFor, type RecordStore } from '../../shared/records/records.js';
import type { Redrive } from './reconcile.js';

export const REANNOUNCED_REASON = 'Processing was interrupted before it finished; the object was announced again and processed as a new upload';

/**
 * Re-drives where the engine cannot be started directly (a deployed pipeline): the object is copied onto itself, which
 * makes S3 send a fresh "Object Created" event through the same rule a real upload uses. An interrupted upload's own
 * record is closed first (FAILED, `Interrupted`), since the fresh event gets a record of its own.
 */
export function reannounceObjects(s3: S3Client, records: RecordStore, now: () => Date = () => new Date()): Redrive {
  return async (event) => {
    const bucket = event.detail.bucket.name;
    const key = event.detail.object.key;
    const uploadId = uploadIdFor(event.time, event.id);
    const existing = (await records.uploadsOf(bucket, key)).find((upload) => upload.uploadId === uploadId);
    if (existing) {
      await records.updateUpload(bucket, key, uploadId, { status: 'FAILED', error: INTERRUPTED_ERROR, reason: REANNOUNCED_REASON, updatedAt: now().toISOString() });
    }
    try {
      await s3.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: key,
          CopySource: `${bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}`,
          MetadataDirective: 'REPLACE',
          Metadata: { 'docpipe-reannounced': now().toISOString() },
        }),
      );
    } catch (error) {
      throw toDocpipeError(error, `announcing s3://${bucket}/${key} again`);
    }
  };
}
