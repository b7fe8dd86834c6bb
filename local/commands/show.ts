import { createDocumentClient } from '../../shared/aws/clients.js';
import { RecordStore } from '../../shared/records/records.js';
import { printJson, table } from '../format.js';
import { dataPaths, ensureDataDirs, LOCAL_NAMES } from '../paths.js';
import { readAdvertisedRuntime } from '../runtime.js';
import { ensureTable, startRecordsOnly, useLocalEndpoints } from '../services.js';

/** Prints a document's record: classification, PII counts by type, summary and key points. */
export async function showCommand(documentId: string, options: { dataDir: string; json: boolean }): Promise<number> {
  const paths = dataPaths(options.dataDir);
  ensureDataDirs(paths);
  const advertised = readAdvertisedRuntime(paths);
  // A running `docpipe up` holds the table's files: read through its DynamoDB, else start one just for this.
  const own = advertised ? undefined : await startRecordsOnly(paths);
  useLocalEndpoints(own ?? advertised ?? {});
  try {
    await ensureTable(LOCAL_NAMES.table);
    const records = new RecordStore(createDocumentClient(), LOCAL_NAMES.table);
    const document = await records.getDocument(documentId);
    if (!document) {
      process.stderr.write(`No document ${documentId}. List documents with: docpipe search --json\n`);
      return 1;
    }
    const uploads = await records.uploadsOf(document.bucket, document.key);
    if (options.json) {
      printJson({ document, uploads });
      return 0;
    }
    const lines = [
      `document   ${document.documentId}`,
      `key        ${document.key}`,
      `status     ${document.status}${document.reason ? ` (${document.reason})` : ''}`,
      `media      ${document.mediaType}, ${document.size} bytes${document.pageCount ? `, ${document.pageCount} page(s)` : ''}${document.note ? ` — ${document.note}` : ''}`,
    ];
    if (document.documentType) {
      const top = Object.entries(document.classificationScores ?? {})
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([label, score]) => `${label} ${score.toFixed(2)}`)
        .join(', ');
      lines.push(`type       ${document.documentType} (${top})`);
    }
    if (document.piiCounts) {
      const counts = Object.entries(document.piiCounts);
      lines.push('', counts.length === 0 ? 'PII        none found' : table(['PII type', 'count'], counts.map(([type, n]) => [type, String(n)])));
    }
    if (document.summary !== undefined) lines.push('', 'summary', `  ${document.summary}`);
    if (document.keyPoints && document.keyPoints.length > 0) lines.push('', 'key points', ...document.keyPoints.map((p) => `  - ${p}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await own?.close();
  }
}
