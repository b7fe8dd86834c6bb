import type { DocumentRecord, UploadRecord } from '../../shared/records/types.js';
import type { Liveness } from './liveness.js';

/** An object in the upload bucket, as a listing shows it. */
export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
}

export type RedriveCause = 'no-record' | 'newer-object' | 'interrupted';

export type ReconcileAction =
  /** Start an execution for the object: a fresh event, or the interrupted upload's own event (`uploadId`). */
  | { readonly kind: 'redrive'; readonly cause: RedriveCause; readonly key: string; readonly size?: number; readonly uploadId?: string }
  /** The upload's document reached its end in the interrupted execution; only the upload record was left behind. */
  | { readonly kind: 'complete'; readonly key: string; readonly uploadId: string; readonly documentId: string; readonly status: 'SUCCEEDED' | 'FAILED'; readonly reason?: string }
  /** A document claimed by an execution that is gone: released so the re-drive (or a re-upload) can claim it. */
  | { readonly kind: 'release'; readonly documentId: string; readonly executionId: string; readonly key: string };

export interface ReconcilePlan {
  readonly objects: number;
  /** Objects whose latest upload has a terminal record and nothing newer. */
  readonly settled: number;
  /** Objects or uploads left alone because an execution may still be working on them. */
  readonly inFlight: number;
  readonly actions: readonly ReconcileAction[];
}

/** S3's LastModified is in whole seconds and clocks differ a little: an upload received this close is the same write. */
const SAME_WRITE_MS = 1000;

/**
 * Compares the bucket with the table. Every object must have an upload whose record is terminal (SUCCEEDED, FAILED or
 * DUPLICATE) and received after the object was last written; an upload stuck in PROCESSING whose execution is gone is
 * re-driven with its own event (or completed, when its document already finished), an object with no upload record
 * gets a fresh event, and a document claim held by a dead execution is released first.
 */
export function planReconcile(
  objects: readonly ListedObject[],
  uploads: readonly UploadRecord[],
  documents: readonly DocumentRecord[],
  liveness: Liveness,
): ReconcilePlan {
  const documentsById = new Map(documents.map((document) => [document.documentId, document]));
  const uploadsByKey = new Map<string, UploadRecord[]>();
  for (const upload of uploads) uploadsByKey.set(upload.key, [...(uploadsByKey.get(upload.key) ?? []), upload]);

  const actions: ReconcileAction[] = [];
  for (const document of documents) {
    if (document.status === 'PROCESSING' && !liveness.isAlive(document.executionId, document.updatedAt)) {
      actions.push({ kind: 'release', documentId: document.documentId, executionId: document.executionId, key: document.key });
    }
  }

  let settled = 0;
  let inFlight = 0;
  const listedKeys = new Set(objects.map((object) => object.key));
  for (const object of objects) {
    const ofKey = uploadsByKey.get(object.key) ?? [];
    const processing = ofKey.filter((upload) => upload.status === 'PROCESSING');
    const alive = processing.filter((upload) => liveness.isAlive(upload.executionId, upload.updatedAt));
    const dead = processing.filter((upload) => !liveness.isAlive(upload.executionId, upload.updatedAt));
    if (alive.length > 0 || !liveness.isSettled(object.key, object.lastModified)) inFlight += 1;
    for (const upload of dead) actions.push(resume(upload, documentsById, object.size));
    if (alive.length > 0 || dead.length > 0 || !liveness.isSettled(object.key, object.lastModified)) continue;

    const latest = Math.max(...ofKey.map((upload) => Date.parse(upload.receivedAt)));
    if (ofKey.length === 0) actions.push({ kind: 'redrive', cause: 'no-record', key: object.key, size: object.size });
    else if (object.lastModified.getTime() > latest + SAME_WRITE_MS) actions.push({ kind: 'redrive', cause: 'newer-object', key: object.key, size: object.size });
    else settled += 1;
  }

  // Uploads of objects deleted since: re-driving records that the object is gone (Ingest fails it with that reason).
  for (const upload of uploads) {
    if (listedKeys.has(upload.key) || upload.status !== 'PROCESSING' || liveness.isAlive(upload.executionId, upload.updatedAt)) continue;
    actions.push(resume(upload, documentsById, undefined));
  }
  return { objects: objects.length, settled, inFlight, actions };
}

function resume(upload: UploadRecord, documents: ReadonlyMap<string, DocumentRecord>, size: number | undefined): ReconcileAction {
  const document = upload.documentId ? documents.get(upload.documentId) : undefined;
  if (document && document.executionId === upload.executionId && (document.status === 'SUCCEEDED' || document.status === 'FAILED')) {
    return {
      kind: 'complete',
      key: upload.key,
      uploadId: upload.uploadId,
      documentId: document.documentId,
      status: document.status,
      ...(document.reason ? { reason: document.reason } : {}),
    };
  }
  return {
    kind: 'redrive',
    cause: 'interrupted',
    key: upload.key,
    uploadId: upload.uploadId,
    ...(size === undefined ? {} : { size }),
  };
}
