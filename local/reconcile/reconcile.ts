import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectCreatedEvent } from '../../shared/contracts/events.js';
import type { Log } from '../../shared/log.js';
import { uploadIdFor, type RecordStore } from '../../shared/records/records.js';
import { listBucket } from './bucket-listing.js';
import type { Liveness } from './liveness.js';
import { planReconcile, type ReconcileAction, type ReconcilePlan } from './reconcile-plan.js';
import { identityOfUpload, redriveEvent } from './redrive-event.js';

/** Starts an execution for an event: in-process, through a running `docpipe up`, or on the deployed state machine. */
export type Redrive = (event: ObjectCreatedEvent) => Promise<void>;

export interface ReconcileSources {
  readonly s3: S3Client;
  readonly records: RecordStore;
  readonly bucket: string;
  readonly region: string;
  readonly liveness: Liveness;
  readonly redrive: Redrive;
  readonly log: Log;
  readonly now?: () => Date;
}

export interface ReconcileReport extends ReconcilePlan {
  readonly dryRun: boolean;
  /** The events re-driven, by object key (empty on a dry run). */
  readonly redriven: readonly { readonly key: string; readonly uploadId: string }[];
}

/**
 * Compares the upload bucket with the record table and re-drives every object with no terminal record: releases claims
 * held by dead executions, completes uploads whose document already finished, and starts an execution for the rest.
 * Works the same against the local emulators and against real S3 and DynamoDB. A dry run only plans.
 */
export async function reconcile(sources: ReconcileSources, options: { dryRun: boolean }): Promise<ReconcileReport> {
  const now = sources.now ?? (() => new Date());
  const [objects, uploads, documents] = await Promise.all([
    listBucket(sources.s3, sources.bucket),
    sources.records.listUploads(),
    sources.records.listDocuments(),
  ]);
  const plan = planReconcile(
    objects,
    uploads.filter((upload) => upload.bucket === sources.bucket),
    documents.filter((document) => document.bucket === sources.bucket),
    sources.liveness,
  );
  if (options.dryRun) return { ...plan, dryRun: true, redriven: [] };

  const redriven: { key: string; uploadId: string }[] = [];
  for (const action of ordered(plan.actions)) {
    const at = now().toISOString();
    if (action.kind === 'release') {
      await sources.records.releaseInterruptedClaim(action.documentId, action.executionId, INTERRUPTED_REASON, at);
    } else if (action.kind === 'complete') {
      await sources.records.updateUpload(sources.bucket, action.key, action.uploadId, {
        status: action.status,
        documentId: action.documentId,
        updatedAt: at,
        ...(action.reason ? { reason: action.reason } : {}),
      });
    } else {
      const identity = action.uploadId ? identityOfUpload(action.uploadId) : undefined;
      const event = redriveEvent({ bucket: sources.bucket, key: action.key, ...(action.size === undefined ? {} : { size: action.size }) }, identity, sources.region, now());
      await sources.redrive(event);
      redriven.push({ key: action.key, uploadId: uploadIdFor(event.time, event.id) });
    }
    sources.log.info('Reconciled', { action: action.kind, ...(action.kind === 'redrive' ? { cause: action.cause } : {}) });
  }
  return { ...plan, dryRun: false, redriven };
}

export const INTERRUPTED_REASON = 'Processing was interrupted before it finished (the runtime stopped); the upload was re-driven';

/** Claims are released before anything is re-driven, so a re-drive never finds its own document held by a dead attempt. */
function ordered(actions: readonly ReconcileAction[]): ReconcileAction[] {
  const rank = { release: 0, complete: 1, redrive: 2 } as const;
  return [...actions].sort((a, b) => rank[a.kind] - rank[b.kind]);
}
