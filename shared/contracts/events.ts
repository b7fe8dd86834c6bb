import * as z from 'zod';

/**
 * The EventBridge "Object Created" event S3 sends (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html).
 * The local runtime converts s3rver's notification into this same shape, so both engines see identical input.
 */
export const objectCreatedEventSchema = z.object({
  version: z.string(),
  id: z.string().min(1),
  'detail-type': z.literal('Object Created'),
  source: z.literal('aws.s3'),
  account: z.string(),
  time: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.object({
    version: z.string(),
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      /** The key as S3 stores it (EventBridge delivers keys unencoded). */
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      etag: z.string().optional(),
      'version-id': z.string().optional(),
      sequencer: z.string().optional(),
    }),
    'request-id': z.string().optional(),
    requester: z.string().optional(),
    'source-ip-address': z.string().optional(),
    reason: z.string().optional(),
  }),
});
export type ObjectCreatedEvent = z.infer<typeof objectCreatedEventSchema>;
