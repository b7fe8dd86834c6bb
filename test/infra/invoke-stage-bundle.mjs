/**
 * Runs a built stage bundle's handler once, in a fresh Node process, the way Lambda would, with the AWS calls answered
 * by mocks instead of the network: S3 serves one upload and records what is written; Textract starts a job (and
 * records that it was asked). Plain JavaScript, so that nothing but Node and the bundle's own folder take part.
 *
 * Usage: node invoke-stage-bundle.mjs <bundle index.mjs> <upload file> <event JSON>
 * Prints one JSON line: { output | error, textractCalls, written }.
 *
 * The SDK clients are imported from the bundle's folder, so they are the very modules the bundle loads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bundleFile, uploadFile, eventJson] = process.argv.slice(2);
const fromBundle = createRequire(join(dirname(bundleFile), 'package.json'));
const fromProject = createRequire(import.meta.url);
const importFromBundle = (name) => import(pathToFileURL(fromBundle.resolve(name)).href);

const { mockClient } = fromProject('aws-sdk-client-mock');
const s3Sdk = await importFromBundle('@aws-sdk/client-s3');
const textractSdk = await importFromBundle('@aws-sdk/client-textract');

const upload = new Uint8Array(readFileSync(uploadFile));
const written = [];
const s3 = mockClient(s3Sdk.S3Client);
s3.on(s3Sdk.GetObjectCommand).resolves({
  ContentLength: upload.byteLength,
  Body: { transformToByteArray: async () => upload },
});
s3.on(s3Sdk.PutObjectCommand).callsFake((input) => {
  written.push({ key: input.Key, body: String(input.Body) });
  return {};
});
const textract = mockClient(textractSdk.TextractClient);
textract.onAnyCommand().resolves({ JobId: 'textract-job-1' });

const stage = await import(pathToFileURL(bundleFile).href);
let result;
try {
  result = { output: await stage.handler(JSON.parse(eventJson)) };
} catch (error) {
  result = { error: { name: error.name, message: error.message } };
}
const textractCalls = textract.calls().map((call) => call.args[0].constructor.name);
process.stdout.write(`${JSON.stringify({ ...result, textractCalls, written })}\n`);
