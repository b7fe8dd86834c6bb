// The local S3 (s3rver) and DynamoDB (dynalite) emulators, run in a worker thread by local/services.ts so that their
// request handling, file I/O and garbage use the machine's second core instead of the thread that runs the state
// machine and the stages. Plain JavaScript on purpose: a worker thread inherits neither tsx's nor ts-jest's loader.
//
// Messages to the parent: { type: 'ready', s3Address, dynamoAddress }, { type: 'failed', service, message },
// { type: 'event', notification } (every S3 event s3rver emits), { type: 'flushed', id }, { type: 'closed' }.
// Messages from the parent: { type: 'flush', id } and { type: 'close' }.
import { parentPort, workerData } from 'node:worker_threads';
import S3rver from 's3rver';
import dynalite from 'dynalite';
import { installCompletePuts } from './s3-complete-puts.mjs';
import { installSafeKeyPaths } from './s3-key-paths.mjs';
import { installBucketSettingsCache } from './s3-bucket-settings.mjs';

installSafeKeyPaths();
installCompletePuts();
installBucketSettingsCache();

const { address, s3Port, dynamoPort, s3Directory, dynamoDirectory } = workerData;

function post(message) {
  parentPort.postMessage(message);
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

async function start() {
  const s3 = new S3rver({ address, port: s3Port, silent: true, directory: s3Directory, allowMismatchedSignatures: true, vhostBuckets: false });
  let s3Address;
  try {
    s3Address = await s3.run();
  } catch (error) {
    post({ type: 'failed', service: 's3', message: messageOf(error) });
    return;
  }
  const dynamo = dynalite({ path: dynamoDirectory, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  try {
    await listen(dynamo, dynamoPort);
  } catch (error) {
    await s3.close();
    post({ type: 'failed', service: 'dynamodb', message: messageOf(error) });
    return;
  }
  s3.on('event', (notification) => post({ type: 'event', notification }));

  const close = async () => {
    const closing = Promise.allSettled([s3.close(), new Promise((resolve) => dynamo.close(() => resolve()))]);
    // Idle keep-alive sockets of the parent's SDK clients would hold the servers open.
    s3.httpServer?.closeAllConnections();
    dynamo.closeAllConnections();
    await closing;
    post({ type: 'closed' });
    parentPort.close();
  };
  parentPort.on('message', (message) => {
    // Messages are delivered in order, so every event posted before this answer has reached the parent by then.
    if (message.type === 'flush') post({ type: 'flushed', id: message.id });
    else if (message.type === 'close') void close();
  });
  post({ type: 'ready', s3Address, dynamoAddress: dynamo.address() });
}

await start();
