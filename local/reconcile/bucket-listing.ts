import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { toDocpipeError } from '../../shared/aws/sdk-errors.js';
import type { ListedObject } from './reconcile-plan.js';

/** Every object in a bucket (all pages of ListObjectsV2), with its size and last write. */
export async function listBucket(s3: S3Client, bucket: string): Promise<ListedObject[]> {
  const objects: ListedObject[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ...(token ? { ContinuationToken: token } : {}) }));
      for (const item of page.Contents ?? []) {
        if (item.Key === undefined) continue;
        objects.push({ key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } catch (error) {
    throw toDocpipeError(error, `listing s3://${bucket}`);
  }
  return objects;
}
