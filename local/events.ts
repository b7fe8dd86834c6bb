import { randomUUID } from 'node:crypto';
import type { ObjectCreatedEvent } from '../shared/contracts/events.js';
import { LOCAL_NAMES } from './paths.js';

/** One record of an S3 event notification, as s3rver emits it. */
export interface S3NotificationRecord {
  readonly eventName: string;
  readonly eventTime?: string;
  readonly s3: {
    readonly bucket: { readonly name: string };
    readonly object: { readonly key: string; readonly size?: number; readonly eTag?: string; readonly sequencer?: string };
  };
}

/** Converts s3rver's notification record into the EventBridge "Object Created" event S3 sends on AWS. */
export function toObjectCreatedEvent(record: S3NotificationRecord, now: Date = new Date()): ObjectCreatedEvent {
  const bucket = record.s3.bucket.name;
  // s3rver puts the key in its records as stored (S3's own notifications would URL-encode it); EventBridge events
  // carry it as stored too, so it passes through unchanged.
  const key = record.s3.object.key;
  const time = (record.eventTime ? new Date(record.eventTime) : now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time,
    region: LOCAL_NAMES.region,
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object: {
        key,
        ...(record.s3.object.size === undefined ? {} : { size: record.s3.object.size }),
        ...(record.s3.object.eTag ? { etag: record.s3.object.eTag } : {}),
        ...(record.s3.object.sequencer ? { sequencer: record.s3.object.sequencer } : {}),
      },
      'request-id': randomUUID(),
      requester: '000000000000',
      'source-ip-address': '127.0.0.1',
      reason: record.eventName.endsWith('Copy') ? 'CopyObject' : 'PutObject',
    },
  };
}

export function isObjectCreated(record: S3NotificationRecord): boolean {
  return record.eventName.startsWith('ObjectCreated:');
}
