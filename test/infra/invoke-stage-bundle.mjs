/**
 * Runs a built stage bundle's handler once, in a fresh Node process, the way Lambda would, with the AWS calls answered
 * by a stand-in HTTP server on the loopback interface instead of AWS: S3 serves one upload and records what is written;
 * Textract reads one line of text from a document sent whole, and starts a job when asked; DynamoDB accepts every
 * write and finds no item (each call recorded). The bundle carries its own SDK clients, so they are pointed at the
 * stand-in by the SDK's own endpoint settings (AWS_ENDPOINT_URL_S3, _TEXTRACT, _DYNAMODB). Plain JavaScript, so that
 * nothing but Node and the bundle's own folder take part.
 *
 * A second stand-in answers OpenSearch (DOCPIPE_OPENSEARCH_ENDPOINT): its index exists once created, and it records
 * each request with its signature's headers.
 *
 * Usage: node invoke-stage-bundle.mjs <bundle index.mjs> <upload file> <event JSON> [objects JSON]
 * where objects maps S3 keys to the text S3 serves for them (the upload for any other key).
 * Prints one JSON line: { output | error, textractCalls, textractDocumentBytes, dynamoCalls, openSearchCalls, written }.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const [bundleFile, uploadFile, eventJson, objectsJson] = process.argv.slice(2);
const objects = new Map(Object.entries(JSON.parse(objectsJson ?? '{}')).map(([key, text]) => [key, Buffer.from(text, 'utf8')]));
const upload = new Uint8Array(readFileSync(uploadFile));
const written = [];
const textractCalls = [];
const textractDocumentBytes = [];
const dynamoCalls = [];
const openSearchCalls = [];

async function bodyOf(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** GET (whole or a byte range) and HEAD answer with the object given for the key, or the upload; PUT records the object. */
async function s3(request, response) {
  const key = decodeURIComponent(new URL(request.url, 'http://s3').pathname.split('/').slice(2).join('/'));
  if (request.method === 'PUT') {
    written.push({ key, body: (await bodyOf(request)).toString('utf8') });
    response.writeHead(200, { ETag: '"stand-in"' }).end();
    return;
  }
  const object = objects.get(key) ?? upload;
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
  const first = range ? Number(range[1]) : 0;
  const last = range && range[2] !== '' ? Math.min(Number(range[2]), object.byteLength - 1) : object.byteLength - 1;
  const body = object.subarray(first, last + 1);
  const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.byteLength), ETag: '"stand-in"' };
  if (range) headers['Content-Range'] = `bytes ${first}-${last}/${object.byteLength}`;
  response.writeHead(range ? 206 : 200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** What the stand-in Textract reads on a page. */
const TEXTRACT_LINE = 'Line read by the stand-in Textract';

/**
 * Textract's JSON protocol names the operation in X-Amz-Target. DetectDocumentText answers one page with one line (and
 * records how many bytes of document it was sent); any other operation, such as starting a job, gets a job id.
 */
async function textract(request, response) {
  const body = JSON.parse((await bodyOf(request)).toString('utf8') || '{}');
  const operation = String(request.headers['x-amz-target']).replace(/^Textract\./, '');
  textractCalls.push(operation);
  const answer =
    operation === 'DetectDocumentText'
      ? {
          DocumentMetadata: { Pages: 1 },
          Blocks: [{ BlockType: 'PAGE' }, { BlockType: 'LINE', Text: TEXTRACT_LINE, Confidence: 99 }],
        }
      : { JobId: 'textract-job-1' };
  if (body.Document?.Bytes !== undefined) textractDocumentBytes.push(Buffer.from(body.Document.Bytes, 'base64').byteLength);
  response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answer));
}

/** DynamoDB's JSON protocol: every write succeeds (conditions hold), every read finds nothing. */
async function dynamo(request, response) {
  const body = JSON.parse((await bodyOf(request)).toString('utf8') || '{}');
  const operation = String(request.headers['x-amz-target']).replace(/^DynamoDB_\d+\./, '');
  dynamoCalls.push({ operation, table: body.TableName, condition: body.ConditionExpression });
  const answer = operation === 'Query' || operation === 'Scan' ? { Items: [], Count: 0 } : {};
  response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0' }).end(JSON.stringify(answer));
}

function handlerFor(target) {
  if (target === undefined) return s3;
  return String(target).startsWith('DynamoDB_') ? dynamo : textract;
}

const server = createServer((request, response) => {
  const handle = handlerFor(request.headers['x-amz-target']);
  handle(request, response).catch((error) => response.writeHead(500).end(String(error)));
});
const indices = new Set();

/** OpenSearch: HEAD of an index is 404 until a PUT creates it; documents are accepted. */
async function openSearch(request, response) {
  const body = (await bodyOf(request)).toString('utf8');
  const path = new URL(request.url, 'http://opensearch').pathname;
  openSearchCalls.push({
    method: request.method,
    path,
    body,
    authorization: request.headers.authorization ?? '',
    contentSha256: request.headers['x-amz-content-sha256'] ?? '',
    securityToken: request.headers['x-amz-security-token'] ?? '',
  });
  const index = path.split('/')[1];
  if (request.method === 'HEAD') {
    response.writeHead(indices.has(index) ? 200 : 404).end();
    return;
  }
  if (request.method === 'PUT' && path.split('/').length === 2) indices.add(index);
  response.writeHead(request.method === 'PUT' ? 201 : 200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ acknowledged: true, result: 'created' }));
}

const searchServer = createServer((request, response) => {
  openSearch(request, response).catch((error) => response.writeHead(500).end(String(error)));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
await new Promise((resolve) => searchServer.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${server.address().port}`;
process.env.DOCPIPE_OPENSEARCH_ENDPOINT = `http://127.0.0.1:${searchServer.address().port}`;
process.env.AWS_ENDPOINT_URL_S3 = endpoint;
process.env.AWS_ENDPOINT_URL_TEXTRACT = endpoint;
process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;

const stage = await import(pathToFileURL(bundleFile).href);
let result;
try {
  result = { output: await stage.handler(JSON.parse(eventJson)) };
} catch (error) {
  result = { error: { name: error.name, message: error.message } };
}
server.close();
searchServer.close();
process.stdout.write(`\n${JSON.stringify({ ...result, textractCalls, textractDocumentBytes, dynamoCalls, openSearchCalls, written })}\n`);
process.exit(0);
