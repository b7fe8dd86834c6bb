import { splitSentences } from '../../../shared/adapters/embedded/summariser/sentence-splitter.js';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('splits running text at full stops, question marks and exclamation marks', () => {
    expect(texts('The fee is due. Is it paid? Pay now! Thanks.')).toEqual(['The fee is due.', 'Is it paid?', 'Pay now!', 'Thanks.']);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    const text = 'Dr. Smith met J. R. Jones at 3.30 p.m. on Main St. in the U.S. today. The fee was $4.50 per page, e.g. for copies.';
    expect(texts(text)).toEqual([
      'Dr. Smith met J. R. Jones at 3.30 p.m. on Main St. in the U.S. today.',
      'The fee was $4.50 per page, e.g. for copies.',
    ]);
  });

  it('treats each line of a form or invoice as a unit', () => {
    const invoice = 'INVOICE 2041\nDate: 12 March 2021\nBill to: Acme Ltd\nWidgets x 4\nTotal due: 120.00 EUR';
    expect(texts(invoice)).toEqual(['INVOICE 2041', 'Date: 12 March 2021', 'Bill to: Acme Ltd', 'Widgets x 4', 'Total due: 120.00 EUR']);
  });

  it('joins a sentence wrapped over several lines and keeps offsets into the text', () => {
    // Prepare
    const text = 'This agreement starts on signing and\nruns for two years from that date. It ends early only\nby written notice.';
    // Act
    const sentences = splitSentences(text);
    // Assess
    expect(sentences.map((s) => s.text)).toEqual([
      'This agreement starts on signing and runs for two years from that date.',
      'It ends early only by written notice.',
    ]);
    expect(text.slice(sentences[1]?.start, sentences[1]?.end)).toBe('It ends early only\nby written notice.');
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});
