import type { ObjectStore } from '../../shared/aws/object-store.js';
import { ingestInputSchema, ingestOutputSchema, type IngestInput, type IngestOutput } from '../../shared/contracts/stages.js';
import { defineTask } from '../../shared/contracts/task.js';
import { InvalidDocumentError } from '../../shared/errors.js';
import type { Log } from '../../shared/log.js';
import { extensionMismatch, sniffMediaType } from '../../shared/media/sniff.js';
import { uploadIdFor, type RecordStore } from '../../shared/records/records.js';
import { allSettledOrThrow } from '../../shared/settled.js';
import { documentIdFor, formatBytes } from './document-id.js';
import type { StageDeps } from '../../shared/runtime/stage-deps.js';
import type { TaskFunction } from '../../shared/runtime/task-names.js';

export interface IngestDeps {
  readonly objects: ObjectStore;
  readonly records: RecordStore;
  readonly log: Log;
  readonly maxBytes: number;
  readonly now: () => Date;
}

/** Bytes read to detect the real type. */
const SNIFF_BYTES = 4096;

/**
 * Checks the object's real type and size, hashes its content, then records the upload and claims the document (with
 * a conditional write) at once. The same content seen before becomes a DUPLICATE pointing to the original. An object
 * refused here gets its upload record from RecordFailure.
 */
export async function ingest(input: IngestInput, deps: IngestDeps): Promise<IngestOutput> {
  const { event, executionId } = input;
  const ref = { bucket: event.detail.bucket.name, key: event.detail.object.key };
  const uploadId = uploadIdFor(event.time, event.id);
  const receivedAt = deps.now().toISOString();

  // One read of the object: its size is checked before the body comes, its real type from its first bytes, and the
  // rest only streams through the hash.
  let sniffed: ReturnType<typeof sniffMediaType> | undefined;
  const { hash, size } = await deps.objects.sha256(ref, {
    size: (bytes) => {
      if (bytes === 0) throw new InvalidDocumentError('The file is empty (0 bytes)');
      if (bytes > deps.maxBytes) {
        throw new InvalidDocumentError(
          `The file is ${formatBytes(bytes)}, over the ${formatBytes(deps.maxBytes)} limit (setting DOCPIPE_MAX_BYTES)`,
        );
      }
    },
    prefixBytes: SNIFF_BYTES,
    prefix: (bytes) => {
      sniffed = sniffMediaType(bytes);
      if (!sniffed.ok) throw new InvalidDocumentError(`Unsupported file: ${sniffed.reason}`);
    },
  });
  // The prefix check always runs (on the whole object when it is shorter); this only tells TypeScript so.
  if (!sniffed?.ok) throw new InvalidDocumentError('Unsupported file: its first bytes could not be read');
  const documentId = documentIdFor(hash);
  const note = extensionMismatch(ref.key, sniffed.mediaType);
  const now = deps.now().toISOString();
  // The upload's record (pointing to its document: a duplicate's content has the same document id) and the claim are
  // written at once; both end before either's error is raised, so the failure RecordFailure records after this is
  // never overtaken by the PROCESSING record.
  const [, claim] = await allSettledOrThrow([
    deps.records.putUpload({ uploadId, ...ref, status: 'PROCESSING', executionId, receivedAt, updatedAt: now, documentId, size }),
    deps.records.claimDocument({
      documentId,
      contentHash: hash,
      status: 'PROCESSING',
      ...ref,
      mediaType: sniffed.mediaType,
      size,
      executionId,
      createdAt: now,
      updatedAt: now,
      ...(note ? { note } : {}),
    }),
  ]);

  if (!claim.claimed) {
    await deps.records.updateUpload(ref.bucket, ref.key, uploadId, {
      status: 'DUPLICATE',
      documentId,
      duplicateOf: claim.existing.documentId,
      reason: `Same content as ${claim.existing.key} (document ${claim.existing.documentId}); skipped`,
      updatedAt: now,
    });
    await deps.records.countRepeat(documentId);
    deps.log.info('Duplicate upload skipped', { documentId, uploadId, originalStatus: claim.existing.status });
    return { status: 'DUPLICATE', uploadId, ...ref, receivedAt, documentId, duplicateOf: claim.existing.documentId, contentHash: hash };
  }

  deps.log.info('Document claimed', { documentId, uploadId, mediaType: sniffed.mediaType, size });
  return {
    status: 'CLAIMED',
    uploadId,
    ...ref,
    receivedAt,
    documentId,
    contentHash: hash,
    mediaType: sniffed.mediaType,
    size,
    ...(note ? { note } : {}),
  };
}

export const ingestTask = defineTask('Ingest', { input: ingestInputSchema, output: ingestOutputSchema }, ingest);

/** The Ingest Task state's function on a runtime's dependencies (a Lambda handler's, or the local runtime's). */
export function ingestStage(deps: StageDeps): TaskFunction {
  return ingestTask({ objects: deps.objects, records: deps.records, log: deps.log, maxBytes: deps.config.maxBytes, now: deps.now });
}
