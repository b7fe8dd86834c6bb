import type { ObjectCreatedEvent } from '../../shared/contracts/events.js';
import { toObjectCreatedEvent } from '../../local/events.js';

/** An "Object Created" event as the local runtime builds it from an s3rver notification. */
export function objectCreatedEvent(key: string, bucket = 'docpipe-uploads', size = 10): ObjectCreatedEvent {
  return toObjectCreatedEvent({
    eventName: 'ObjectCreated:Put',
    eventTime: '2026-01-01T00:00:00Z',
    s3: { bucket: { name: bucket }, object: { key, size } },
  });
}
