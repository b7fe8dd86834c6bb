import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Documents with PII in places a redactor can stumble on (a name as the title, the first sentence, a table, values
 * split across lines, a PDF heading), and the values that must never come out of the pipeline. Used by the PII leak
 * test and the reliability report.
 */
/** A document with PII in a place a redactor can stumble on, and the values that must never come out. */
export interface LeakCase {
  readonly key: string;
  readonly body: () => Promise<Uint8Array | string>;
  readonly pii: readonly string[];
}

export const PII_LEAK_CASES: readonly LeakCase[] = [
  {
    key: 'pii/name-as-title.txt',
    body: async () =>
      'Margaret Okonkwo\n\nPersonnel file\n\nMargaret Okonkwo joined the logistics team in March. ' +
      'Reach her at margaret.okonkwo@harbourline.example.com or on (415) 555-0142 for the rota.',
    pii: ['Margaret Okonkwo', 'margaret.okonkwo@harbourline.example.com', '(415) 555-0142'],
  },
  {
    key: 'pii/first-sentence.txt',
    body: async () =>
      'Social security number 523-45-6789 belongs to the applicant described in this letter. ' +
      'The applicant, Daniel Whitcombe, asked that the decision be posted to 88 Linden Avenue, Portland, OR 97205. ' +
      'The committee meets again next week.',
    pii: ['523-45-6789', 'Daniel Whitcombe', '88 Linden Avenue, Portland, OR 97205'],
  },
  {
    key: 'pii/contact-table.txt',
    body: async () =>
      'Emergency contacts for the night shift\n\n' +
      'Name             | Phone          | Email\n' +
      'Priya Raman      | (646) 555-0173 | priya.raman@northgate.example.net\n' +
      'Tomasz Kowalczyk | 312-555-0199   | t.kowalczyk@northgate.example.net\n\n' +
      'Call the first contact before the second.',
    pii: ['Priya Raman', '(646) 555-0173', 'priya.raman@northgate.example.net', 'Tomasz Kowalczyk', '312-555-0199', 't.kowalczyk@northgate.example.net'],
  },
  {
    key: 'pii/split-lines.txt',
    body: async () =>
      'Refund request\n\nThe customer, Helen\nMarchetti, paid with card 4111 1111 1111 1111 and asked for the refund\n' +
      'to be confirmed by email to helen.marchetti@\nexample.org within five days.',
    pii: ['Helen Marchetti', '4111 1111 1111 1111', 'helen.marchetti@example.org'],
  },
  {
    key: 'pii/heading-and-table.pdf',
    body: async () => {
      const pdf = await PDFDocument.create();
      const font = await pdf.embedFont(StandardFonts.Helvetica);
      const page = pdf.addPage([612, 792]);
      page.drawText('Patient: Rosalind Achterberg', { x: 50, y: 730, size: 20, font });
      const lines = [
        'Admission summary for the cardiology ward.',
        'Date of birth   Phone            Email',
        '1961-04-17      (503) 555-0128   r.achterberg@clinicmail.example.com',
        'Rosalind Achterberg was admitted for observation and discharged after two days.',
      ];
      lines.forEach((line, i) => page.drawText(line, { x: 50, y: 690 - i * 18, size: 11, font }));
      return pdf.save();
    },
    pii: ['Rosalind Achterberg', '(503) 555-0128', 'r.achterberg@clinicmail.example.com'],
  },
];

export const ALL_PII = PII_LEAK_CASES.flatMap((c) => c.pii);
/** Lower case with runs of white space as one space, so a value split across lines is still found. */
export function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ');
}

export function leaksIn(text: string, values: readonly string[] = ALL_PII): string[] {
  const haystack = normalised(text);
  return values.filter((value) => haystack.includes(normalised(value)));
}
