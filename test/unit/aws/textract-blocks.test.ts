import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Block } from '@aws-sdk/client-textract';
import { PageTextCollector, pagesFromBlocks } from '../../../shared/adapters/aws/textract-blocks.js';

const RESPONSES = fileURLToPath(new URL('../../../../shared/eval/textract-responses/', import.meta.url));
const savedResponses = readdirSync(RESPONSES).filter((name) => name.endsWith('.json'));

function readResponse(name: string): { Blocks: Block[]; DocumentMetadata?: { Pages?: number } } {
  return JSON.parse(readFileSync(`${RESPONSES}${name}`, 'utf8')) as { Blocks: Block[]; DocumentMetadata?: { Pages?: number } };
}

/** LINE blocks of a response grouped by page, read straight from the JSON. */
function linesByPage(blocks: readonly Block[]): Map<number, Block[]> {
  const pages = new Map<number, Block[]>();
  for (const block of blocks.filter((b) => b.BlockType === 'LINE')) {
    const page = block.Page ?? 1;
    pages.set(page, [...(pages.get(page) ?? []), block]);
  }
  return pages;
}

function line(id: string, page: number, text: string, confidence: number): Block {
  return { BlockType: 'LINE', Id: id, Page: page, Text: text, Confidence: confidence };
}

describe('pagesFromBlocks on the real saved Textract responses', () => {
  it('finds saved DetectDocumentText and AnalyzeDocument responses to check against', () => {
    expect(savedResponses.length).toBeGreaterThanOrEqual(6);
  });

  it.each(savedResponses)('rebuilds every LINE of %s, in order, on its page', (name) => {
    // Prepare
    const response = readResponse(name);
    const expected = linesByPage(response.Blocks);

    // Act
    const pages = pagesFromBlocks(response.Blocks, response.DocumentMetadata?.Pages);

    // Assess
    expect(pages.map((page) => page.pageNumber)).toEqual([...expected.keys()]);
    for (const page of pages) {
      const lines = expected.get(page.pageNumber) ?? [];
      expect(page.text.split('\n')).toHaveLength(lines.length);
      expect(page.text.split('\n')).toEqual(lines.map((block) => block.Text));
      const meanConfidence = lines.reduce((sum, block) => sum + (block.Confidence ?? 0), 0) / lines.length / 100;
      expect(page.confidence).toBeCloseTo(meanConfidence, 10);
      expect(page.method).toBe('ocr');
    }
  });

  it('reads the Textractor test page as 24 lines starting with its title', () => {
    const response = readResponse('test_detect_document_text.json');

    const [page] = pagesFromBlocks(response.Blocks);

    expect(page?.text.split('\n')).toHaveLength(24);
    expect(page?.text.startsWith('Textractor Test\nDocument\nPage (1)')).toBe(true);
    expect(page?.confidence).toBeGreaterThan(0.95);
  });

  it('keeps the words of an AnalyzeDocument response once, ignoring table, form and layout blocks', () => {
    const response = readResponse('test_detect_no_duplicate_words_receipt.jpg.json');

    const [page] = pagesFromBlocks(response.Blocks);

    expect(page?.text.split('\n')).toHaveLength(44);
    expect(page?.text.match(/MEGA BIGBOX/g)).toHaveLength(1);
  });
});

describe('pagesFromBlocks on asynchronous results', () => {
  it('puts lines on the page their block names and lists pages in order', () => {
    const blocks: Block[] = [
      { BlockType: 'PAGE', Id: 'p1', Page: 1 },
      line('a', 1, 'First page', 90),
      { BlockType: 'PAGE', Id: 'p2', Page: 2 },
      line('b', 2, 'Second page, line one', 80),
      line('c', 2, 'Second page, line two', 100),
    ];

    const pages = pagesFromBlocks(blocks);

    expect(pages).toEqual([
      { pageNumber: 1, text: 'First page', method: 'ocr', confidence: 0.9 },
      { pageNumber: 2, text: 'Second page, line one\nSecond page, line two', method: 'ocr', confidence: 0.9 },
    ]);
  });

  it('returns a page without text as empty with confidence 0, including pages that sent no blocks', () => {
    const blocks: Block[] = [{ BlockType: 'PAGE', Id: 'p1', Page: 1 }, line('a', 3, 'Third', 99)];

    const pages = pagesFromBlocks(blocks, 3);

    expect(pages.map((page) => [page.pageNumber, page.text, page.confidence])).toEqual([
      [1, '', 0],
      [2, '', 0],
      [3, 'Third', 0.99],
    ]);
  });

  it('joins a page whose blocks arrive in two batches', () => {
    const collector = new PageTextCollector();

    collector.add([line('a', 1, 'one', 100)]);
    collector.add([line('b', 1, 'two', 100), line('c', 2, 'three', 100)]);

    expect(collector.result().map((page) => page.text)).toEqual(['one\ntwo', 'three']);
  });
});
