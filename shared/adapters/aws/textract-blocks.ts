import type { Block } from '@aws-sdk/client-textract';
import type { ExtractedPage } from '../../ports/text-extractor.js';

interface PageLines {
  readonly texts: string[];
  confidenceSum: number;
}

/**
 * Rebuilds page texts from Textract blocks, one batch at a time (an asynchronous job's results come in pages of
 * up to 1,000 blocks), keeping only what the page texts need: the LINE blocks' text and confidence.
 *
 * Lines are kept in the order Textract returns them. That order is Textract's reading order: in the saved real
 * responses (`../shared/eval/textract-responses/`) it is top to bottom and, within a row, left to right, except
 * where Textract reads a column block to its end before the next column (an invoice's "From:" address beside its
 * "Invoice Number"); re-sorting by BoundingBox.Top would interleave those columns line by line.
 *
 * Synchronous responses (DetectDocumentText, AnalyzeDocument) carry no `Page` on their blocks: they are page 1.
 */
export class PageTextCollector {
  private readonly pages = new Map<number, PageLines>();

  add(blocks: readonly Block[]): void {
    for (const block of blocks) {
      if (block.BlockType !== 'PAGE' && block.BlockType !== 'LINE') continue;
      const lines = this.page(block.Page ?? 1);
      if (block.BlockType === 'LINE') {
        lines.texts.push(block.Text ?? '');
        lines.confidenceSum += block.Confidence ?? 0;
      }
    }
  }

  /**
   * The pages seen so far, in page order. With `pageCount` (DocumentMetadata.Pages), pages that returned no
   * blocks at all are included too, as empty pages.
   */
  result(pageCount?: number): ExtractedPage[] {
    for (let pageNumber = 1; pageNumber <= (pageCount ?? 0); pageNumber += 1) this.page(pageNumber);
    return [...this.pages.entries()]
      .sort(([a], [b]) => a - b)
      .map(([pageNumber, lines]) => ({
        pageNumber,
        text: lines.texts.join('\n'),
        method: 'ocr' as const,
        confidence: lines.texts.length === 0 ? 0 : clamp01(lines.confidenceSum / lines.texts.length / 100),
      }));
  }

  private page(pageNumber: number): PageLines {
    let lines = this.pages.get(pageNumber);
    if (lines === undefined) {
      lines = { texts: [], confidenceSum: 0 };
      this.pages.set(pageNumber, lines);
    }
    return lines;
  }
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * Page texts from Textract blocks: each page's LINE texts in Textract's reading order, joined with newlines;
 * confidence = mean LINE confidence / 100 (0 for a page without lines); method 'ocr'.
 */
export function pagesFromBlocks(blocks: readonly Block[], pageCount?: number): ExtractedPage[] {
  const collector = new PageTextCollector();
  collector.add(blocks);
  return collector.result(pageCount);
}
