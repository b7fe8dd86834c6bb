import { noInstrument, type ClientInstrument } from './client-instrument.js';
import { ObjectStore } from './object-store.js';
import { createS3Client } from './s3-client.js';

/** The object store of the stages that read or write S3 objects, on its own S3 client. */
export function s3ObjectStore(instrument: ClientInstrument = noInstrument): ObjectStore {
  return new ObjectStore(instrument(createS3Client()));
}
