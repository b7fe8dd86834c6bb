import { noInstrument, type ClientInstrument } from './client-instrument.js';
import { ObjectStore } from './object-store.js';
import type { RecentObjects } from './recent-objects.js';
import { createS3Client } from './s3-client.js';

/**
 * The object store of the stages that read or write S3 objects, on its own S3 client; `recent` serves reads of what
 * this process already wrote or read (one process running every stage; a Lambda function is given none).
 */
export function s3ObjectStore(instrument: ClientInstrument = noInstrument, recent?: RecentObjects): ObjectStore {
  return new ObjectStore(instrument(createS3Client()), recent);
}
