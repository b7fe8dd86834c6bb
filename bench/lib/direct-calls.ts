/**
 * The same adapter calls the pipeline's stages make for a document, made directly in-process with no state machine,
 * no S3 and no DynamoDB: extract every page, then classify, redact page by page and summarise (scrubbing the summary
 * and key points) at the same time, then index. The baseline of the orchestration overhead.
 */
import { joinPages } from '../../shared/contracts/document-text.js';
import type { StageDeps } from '../../shared/runtime/stage-deps.js';
import { redactText } from '../../shared/redaction.js';
import type { ExtractedPage } from '../../shared/ports/text-extractor.js';
import { sniffMediaType } from '../../shared/media/sniff.js';
import type { BenchDocument } from './bench-documents.js';

export async function processDirectly(document: BenchDocument, deps: StageDeps): Promise<void> {
  const sniffed = sniffMediaType(document.bytes.subarray(0, 4096));
  if (!sniffed.ok) throw new Error(`${document.key}: ${sniffed.reason}`);
  const extractor = await deps.textExtractor();
  const pages: ExtractedPage[] = [];
  for await (const page of extractor.extractPages({ bytes: document.bytes, mediaType: sniffed.mediaType, maxPages: deps.config.maxPages })) {
    pages.push(page);
  }
  const text = joinPages(pages, deps.config.maxAnalysisChars);
  const [classifier, detector, summariser, searchIndex] = await Promise.all([
    deps.classifier(),
    deps.piiDetector(),
    deps.summariser(),
    deps.searchIndex(),
  ]);
  const [classification, redactedPages, summary] = await Promise.all([
    classifier.classify(text),
    (async () => {
      const redacted: string[] = [];
      for (const page of pages) redacted.push(redactText(page.text, await detector.detect(page.text)));
      return redacted;
    })(),
    (async () => {
      const result = await summariser.summarise(text);
      const scrub = async (value: string): Promise<string> => redactText(value, await detector.detect(value));
      const keyPoints: string[] = [];
      for (const point of result.keyPoints) keyPoints.push(await scrub(point));
      return { summary: await scrub(result.summary), keyPoints };
    })(),
  ]);
  await searchIndex.upsert({
    // Its own search document per upload key, as the pipeline has one per document.
    documentId: `direct-${document.key}`,
    key: `direct/${document.key}`,
    documentType: classification.label,
    piiTypes: [],
    pageCount: pages.length,
    processedAt: new Date().toISOString(),
    redactedText: redactedPages.join('\n\f\n'),
    summary: summary.summary,
    keyPoints: summary.keyPoints,
  });
}

/** Runs processDirectly over the documents with `concurrency` in flight, as the runtime's queue does. */
export async function processAllDirectly(documents: readonly BenchDocument[], deps: StageDeps, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < documents.length; index = next++) {
      const document = documents[index];
      if (document) await processDirectly(document, deps);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, documents.length) }, worker));
}
