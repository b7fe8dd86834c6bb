import { EmbeddedPiiDetector } from '../../../shared/adapters/embedded/pii/embedded-pii-detector.js';
import { NameRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/name-recognizer.js';
import { AddressRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/address-recognizer.js';
import { redactText } from '../../../shared/redaction.js';
import { foundBy } from './found-by.js';

function spansOf(text: string, type: string): string[] {
  return new EmbeddedPiiDetector()
    .detectSync(text)
    .filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));
}

describe('names run together with other words', () => {
  it("finds a name cell joined to a table's header cell, without the header word", () => {
    const joined = 'Name | Phone | Email Priya Raman | (646) 555-0173 | Tomasz Kowalczyk | 312-555-0199';

    expect(spansOf(joined, 'NAME')).toEqual(['Priya Raman', 'Tomasz Kowalczyk']);
  });

  it('still reads a title-case phrase of ordinary words as no name', () => {
    expect(spansOf('Tickets for Tube Snake Boogie Live are on sale.', 'NAME')).toEqual([]);
  });
});

describe('names and addresses in a letter', () => {
  const letter = [
    'Margaret Okonkwo',
    '1755 Nelson Mandela Drive',
    'Apt. 12',
    'Springfield, IL 62704',
    '',
    'Dear Mr. Haraldsen,',
    '',
    'Thank you for your letter of March 3, 2021. Please send the forms to my sister Ingrid Lindqvist,',
    'who now lives in Tampere. You can reach me on (555) 123-4567.',
    '',
    'Sincerely,',
    'Margaret Okonkwo',
  ].join('\n');

  it('finds the sender, the addressee after an honorific, a relative and the signature', () => {
    expect(spansOf(letter, 'NAME')).toEqual(['Margaret Okonkwo', 'Haraldsen', 'Ingrid Lindqvist', 'Margaret Okonkwo']);
  });

  it('finds the street address across its lines, and a city in place context', () => {
    expect(spansOf(letter, 'ADDRESS')).toEqual(['1755 Nelson Mandela Drive\nApt. 12\nSpringfield, IL 62704', 'Tampere']);
  });

  it('still finds the date and the phone number', () => {
    expect(spansOf(letter, 'DATE_TIME')).toEqual(['March 3, 2021']);
    expect(spansOf(letter, 'PHONE')).toEqual(['(555) 123-4567']);
  });
});

describe('NameRecognizer', () => {
  const recognizer = new NameRecognizer();

  it('takes names after labels, honorifics and "my name is", without the honorific', () => {
    expect(foundBy(recognizer, 'Patient: Amy Kupcová. Seen by Dr. Nielsen.')).toEqual(['Amy Kupcová', 'Nielsen']);
    expect(foundBy(recognizer, 'My name is Patricia Jeknić but everyone calls me Lauren')).toEqual(['Patricia Jeknić', 'Lauren']);
  });

  it('does not take months, weekdays or capitalised common words for names', () => {
    expect(foundBy(recognizer, 'On Monday in March we met. Capitalized words like Wisdom and Discipline are not names.')).toEqual([]);
  });
});

describe('AddressRecognizer', () => {
  const recognizer = new AddressRecognizer();

  it('finds a continental street address with the number after the street', () => {
    expect(foundBy(recognizer, 'The bus station is on Ziegelgasse 26')).toEqual(['Ziegelgasse 26']);
  });

  it('finds a PO box and a "City, ST 12345" line, alone or together', () => {
    expect(foundBy(recognizer, 'Write to P.O. Box 223 today')).toEqual(['P.O. Box 223']);
    expect(foundBy(recognizer, 'It moved from Austin, TX 78701 last year')).toContain('Austin, TX 78701');
    const text = 'Mail to P.O. Box 223, Austin, TX 78701';
    expect(redactText(text, new EmbeddedPiiDetector().detectSync(text))).toBe('Mail to [ADDRESS], [ADDRESS]');
  });

  it('does not read counts or ordinary numbered phrases as addresses', () => {
    expect(foundBy(recognizer, 'He listed his top 20 songs and 13 million musical works in 2 months.')).toEqual([]);
  });
});

describe('EmbeddedPiiDetector', () => {
  it('returns non-overlapping spans sorted by start', async () => {
    // Prepare
    const text = 'Card 4111 1111 1111 1111, SSN 531-21-7351, mail ana@example.com, IP 10.0.0.1, call +44 20 7946 0958.';
    // Act
    const entities = await new EmbeddedPiiDetector().detect(text);
    // Assess
    expect(entities.map((e) => e.type)).toEqual(['CREDIT_DEBIT_NUMBER', 'SSN', 'EMAIL', 'IP_ADDRESS', 'PHONE']);
    entities.forEach((e, i) => {
      const next = entities[i + 1];
      if (next) expect(e.end).toBeLessThanOrEqual(next.start);
    });
  });

  it('returns nothing for empty or blank text', async () => {
    expect(await new EmbeddedPiiDetector().detect('')).toEqual([]);
    expect(await new EmbeddedPiiDetector().detect('  \n ')).toEqual([]);
  });
});
