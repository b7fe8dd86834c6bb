import { randomUUID } from 'node:crypto';
import type { ObjectCreatedEvent } from '../../shared/contracts/events.js';

/** The object an event announces. */
export interface AnnouncedObject {
  readonly bucket: string;
  readonly key: string;
  readonly size?: number;
}

/** The identity of an event (its id and time), which names its upload record: `<time>#<id>`. */
export interface EventIdentity {
  readonly id: string;
  readonly time: string;
}

/** Reads an upload id back into the event identity it was derived from (see uploadIdFor), or undefined. */
export function identityOfUpload(uploadId: string): EventIdentity | undefined {
  const at = uploadId.indexOf('#');
  if (at <= 0 || at === uploadId.length - 1) return undefined;
  return { time: uploadId.slice(0, at), id: uploadId.slice(at + 1) };
}

/**
 * An "Object Created" event that re-drives an object: with the identity of an interrupted upload, the new execution
 * writes to that same upload record; without one, it is a fresh event for an object whose event never arrived.
 */
export function redriveEvent(object: AnnouncedObject, identity: EventIdentity | undefined, region: string, now: Date = new Date()): ObjectCreatedEvent {
  return {
    version: '0',
    id: identity?.id ?? randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: identity?.time ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:s3:::${object.bucket}`],
    detail: {
      version: '0',
      bucket: { name: object.bucket },
      object: { key: object.key, ...(object.size === undefined ? {} : { size: object.size }) },
      reason: 'Reconcile',
    },
  };
}
