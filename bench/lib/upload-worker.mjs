// The uploading client of the throughput benchmark, in a worker thread: users upload from a program of their own,
// so the uploads' SDK work is kept off the thread that runs the pipeline being measured. Plain JavaScript on purpose:
// a worker thread inherits neither tsx's nor ts-jest's loader.
//
// workerData: { clientConfig } (an S3 client configuration, plain data). Messages from the parent:
// { id, bucket, key, bytes }; answers: { id, ok: true } or { id, ok: false, message }.
import { parentPort, workerData } from 'node:worker_threads';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client(workerData.clientConfig);

parentPort.on('message', async ({ id, bucket, key, bytes }) => {
  try {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
