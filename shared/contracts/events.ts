import * as v from 'valibot';
import { nonEmptyString } from './validate.js';

/**
 * The EventBridge "Object Created" event S3 sends (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html).
 * The local runtime converts s3rver's notification into this same shape, so both engines see identical input.
 */
export const objectCreatedEventSchema = v.object({
  version: v.string(),
  id: nonEmptyString,
  'detail-type': v.literal('Object Created'),
  source: v.literal('aws.s3'),
  account: v.string(),
  time: v.string(),
  region: v.string(),
  resources: v.array(v.string()),
  detail: v.object({
    version: v.string(),
    bucket: v.object({ name: nonEmptyString }),
    object: v.object({
      /** The key as S3 stores it (EventBridge delivers keys unencoded). */
      key: nonEmptyString,
      size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      etag: v.optional(v.string()),
      'version-id': v.optional(v.string()),
      sequencer: v.optional(v.string()),
    }),
    'request-id': v.optional(v.string()),
    requester: v.optional(v.string()),
    'source-ip-address': v.optional(v.string()),
    reason: v.optional(v.string()),
  }),
});
export type ObjectCreatedEvent = v.InferOutput<typeof objectCreatedEventSchema>;
