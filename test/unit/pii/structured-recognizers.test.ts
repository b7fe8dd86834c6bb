import { AnalysedText } from '../../../shared/adapters/embedded/pii/analysed-text.js';
import { AgeRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/age-recognizer.js';
import { CreditCardRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/credit-card-recognizer.js';
import { DateTimeRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/date-time-recognizer.js';
import { DriverIdRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/driver-id-recognizer.js';
import { EmailRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/email-recognizer.js';
import { IbanRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/iban-recognizer.js';
import { IpAddressRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/ip-address-recognizer.js';
import { PhoneRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/phone-recognizer.js';
import { SsnRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/ssn-recognizer.js';
import { UrlRecognizer } from '../../../shared/adapters/embedded/pii/recognizers/url-recognizer.js';
import { foundBy } from './found-by.js';

describe('EmailRecognizer', () => {
  const recognizer = new EmailRecognizer();

  it('finds addresses, including ones with dots, plus signs and non-ASCII letters', () => {
    expect(foundBy(recognizer, 'Write to jane.doe+bills@example.co.uk or ayşe@example.org.')).toEqual([
      'jane.doe+bills@example.co.uk',
      'ayşe@example.org',
    ]);
  });

  it('ignores an @ that is not an address', () => {
    expect(foundBy(recognizer, 'Meet @ noon, tag @team, price 3@5')).toEqual([]);
  });

  it('keeps an address wrapped after its @, or joined back with a space, whole', () => {
    expect(foundBy(recognizer, 'confirm to helen.marchetti@\nexample.org soon')).toEqual(['helen.marchetti@\nexample.org']);
    expect(foundBy(recognizer, 'confirm to helen.marchetti@ example.org soon')).toEqual(['helen.marchetti@ example.org']);
    expect(foundBy(recognizer, 'helen@\n\nexample.org')).toEqual([]);
  });
});

describe('UrlRecognizer', () => {
  const recognizer = new UrlRecognizer();

  it('finds URLs with a scheme, with www, and bare domains with a common top-level domain', () => {
    expect(foundBy(recognizer, 'See http://www.DialForum.co.uk/, www.example.org/a?b=1 and shop.example.com.')).toEqual([
      'http://www.DialForum.co.uk/',
      'www.example.org/a?b=1',
      'shop.example.com',
    ]);
  });

  it('does not take the domain of an e-mail address, version numbers or file names', () => {
    expect(foundBy(recognizer, 'Mail bob@example.com about v1.2.3 and report.pdf')).toEqual([]);
  });
});

describe('IpAddressRecognizer', () => {
  const recognizer = new IpAddressRecognizer();

  it('finds IPv4 addresses and full or compressed IPv6 addresses', () => {
    expect(foundBy(recognizer, 'from 58.74.121.78 and 2001:db8::8a2e:370:7334 or ::ffff:192.0.2.1')).toEqual([
      '58.74.121.78',
      '2001:db8::8a2e:370:7334',
      '::ffff:192.0.2.1',
    ]);
  });

  it('rejects an octet above 255, a five-part number and a clock time', () => {
    expect(foundBy(recognizer, 'bad 256.1.1.1, long 1.2.3.4.5, at 14:48:14')).toEqual([]);
  });
});

describe('PhoneRecognizer', () => {
  const recognizer = new PhoneRecognizer();

  it('finds US formats, international numbers and extensions', () => {
    const text =
      'Call (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567, +44 20 7946 0958 or 986.291.2294x751.';
    expect(foundBy(recognizer, text)).toEqual([
      '(555) 123-4567',
      '555-123-4567',
      '555.123.4567',
      '+1 555 123 4567',
      '+44 20 7946 0958',
      '986.291.2294x751',
    ]);
  });

  it('does not take dates, money, SSN-shaped numbers or card numbers for phone numbers', () => {
    const text = 'On 12/27/1986 and 2021-03-04 we paid $1,234.56; SSN 531-21-7351; card 4111111111111111.';
    expect(foundBy(recognizer, text)).toEqual([]);
  });

  it('raises the score when a context word such as "phone" or "call" is near', () => {
    // Prepare
    const scoreOf = (text: string): number => recognizer.recognize(new AnalysedText(text))[0]?.score ?? 0;
    // Act
    const withContext = scoreOf('Phone: 020 7946 0958');
    const withoutContext = scoreOf('Batch 020 7946 0958');
    // Assess
    expect(withoutContext).toBeGreaterThan(0);
    expect(withContext).toBeGreaterThan(withoutContext);
  });
});

describe('SsnRecognizer', () => {
  const recognizer = new SsnRecognizer();

  it('finds hyphenated SSNs, and nine digits only after the words SSN or social security', () => {
    expect(foundBy(recognizer, 'His SSN is 531-21-7351; social security number 594620140; order 594620140')).toEqual([
      '531-21-7351',
      '594620140',
    ]);
  });

  it('rejects numbers that break the issuing rules', () => {
    const text = 'SSN 999-12-3456, 000-12-3456, 666-12-3456, 123-00-4567, 123-45-0000';
    expect(foundBy(recognizer, text)).toEqual([]);
  });
});

describe('CreditCardRecognizer', () => {
  const recognizer = new CreditCardRecognizer();

  it('finds Luhn-valid card numbers, plain or grouped with spaces or dashes', () => {
    const text = 'cards 4111111111111111, 5500 0000 0000 0004 and 3400-000000-00009';
    expect(foundBy(recognizer, text)).toEqual(['4111111111111111', '5500 0000 0000 0004', '3400-000000-00009']);
  });

  it('does not match a Luhn-invalid number or one with an unknown issuer prefix', () => {
    expect(foundBy(recognizer, 'card 4111111111111112 and 1234567812345670')).toEqual([]);
  });
});

describe('IbanRecognizer', () => {
  const recognizer = new IbanRecognizer();

  it('finds IBANs written together or in groups of four, and stops before the next word', () => {
    const text = 'IBAN GB82WEST12345698765432 or DE89 3704 0044 0532 0130 00 is mine';
    expect(foundBy(recognizer, text)).toEqual(['GB82WEST12345698765432', 'DE89 3704 0044 0532 0130 00']);
  });

  it('does not match an IBAN with a wrong checksum or the wrong length for its country', () => {
    expect(foundBy(recognizer, 'IBAN GB83WEST12345698765432 and DE8937040044053201300')).toEqual([]);
  });
});

describe('DateTimeRecognizer', () => {
  const recognizer = new DateTimeRecognizer();

  it('finds numeric, ISO and written dates, and clock times', () => {
    const text = 'Born 12/27/1986, seen 1998-06-28 14:48:14, due March 3, 2021 or 3 March 2021, at 10:30 AM.';
    expect(foundBy(recognizer, text)).toEqual([
      '12/27/1986',
      '1998-06-28 14:48:14',
      'March 3, 2021',
      '3 March 2021',
      '10:30 AM',
    ]);
  });

  it('leaves bare years, decades and impossible dates alone', () => {
    expect(foundBy(recognizer, 'In 1950, during the 1990s, on 13/45/2020')).toEqual([]);
  });
});

describe('AgeRecognizer', () => {
  const recognizer = new AgeRecognizer();

  it('marks the number in "42 years old", "age 42" and "aged 42"', () => {
    expect(foundBy(recognizer, 'He is 42 years old; age 37; aged 58; a 7-year-old')).toEqual(['42', '37', '58', '7']);
  });

  it('does not take other numbers', () => {
    expect(foundBy(recognizer, 'for 42 years, 2 old cars')).toEqual([]);
  });
});

describe('DriverIdRecognizer', () => {
  const recognizer = new DriverIdRecognizer();

  it('takes the number that follows the words driver licence', () => {
    expect(foundBy(recognizer, "My driver's license number is 481195160")).toEqual(['481195160']);
    expect(foundBy(recognizer, 'Driving licence: MORGA753116SM9IJ')).toEqual(['MORGA753116SM9IJ']);
  });

  it('ignores the same number without that context', () => {
    expect(foundBy(recognizer, 'Order number is 481195160')).toEqual([]);
  });
});
