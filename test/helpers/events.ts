import { randomUUID } from 'node:crypto';
import type { ObjectCreatedEvent } from '../../shared/contracts/events.js';

export function objectCreatedEvent(key: string, bucket = 'docpipe-uploads', size = 10): ObjectCreatedEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: '2026-01-01T00:00:00Z',
    region: 'us-east-1',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: { version: '0', bucket: { name: bucket }, object: { key, size }, reason: 'PutObject' },
  };
}
