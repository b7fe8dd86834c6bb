import type { PiiDetector, PiiEntity } from '../../../ports/pii-detector.js';
import { AnalysedText } from './analysed-text.js';
import type { PiiRecognizer } from './recognizer.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { AddressRecognizer } from './recognizers/address-recognizer.js';
import { AgeRecognizer } from './recognizers/age-recognizer.js';
import { CreditCardRecognizer } from './recognizers/credit-card-recognizer.js';
import { DateTimeRecognizer } from './recognizers/date-time-recognizer.js';
import { DriverIdRecognizer } from './recognizers/driver-id-recognizer.js';
import { EmailRecognizer } from './recognizers/email-recognizer.js';
import { IbanRecognizer } from './recognizers/iban-recognizer.js';
import { IpAddressRecognizer } from './recognizers/ip-address-recognizer.js';
import { NameRecognizer } from './recognizers/name-recognizer.js';
import { PhoneRecognizer } from './recognizers/phone-recognizer.js';
import { SsnRecognizer } from './recognizers/ssn-recognizer.js';
import { UrlRecognizer } from './recognizers/url-recognizer.js';

export interface EmbeddedPiiDetectorOptions {
  /** Spans scoring below this are dropped. @default 0.3 */
  readonly minScore?: number;
  /** The recognizers to run. @default all built-in recognizers */
  readonly recognizers?: readonly PiiRecognizer[];
}

/** The built-in recognizers: patterns with checksums and context, then names and addresses. */
export function defaultRecognizers(): PiiRecognizer[] {
  return [
    new EmailRecognizer(),
    new UrlRecognizer(),
    new IpAddressRecognizer(),
    new PhoneRecognizer(),
    new SsnRecognizer(),
    new CreditCardRecognizer(),
    new IbanRecognizer(),
    new DateTimeRecognizer(),
    new AgeRecognizer(),
    new DriverIdRecognizer(),
    new NameRecognizer(),
    new AddressRecognizer(),
  ];
}

/** Finds PII offline: runs every recognizer, then keeps non-overlapping spans (higher score, then longer, wins). */
export class EmbeddedPiiDetector implements PiiDetector {
  private readonly recognizers: readonly PiiRecognizer[];
  private readonly minScore: number;

  constructor(options: EmbeddedPiiDetectorOptions = {}) {
    this.recognizers = options.recognizers ?? defaultRecognizers();
    this.minScore = options.minScore ?? 0.3;
  }

  async detect(text: string): Promise<PiiEntity[]> {
    return this.detectSync(text);
  }

  /** The same as `detect`, without the promise (the work is synchronous). */
  detectSync(text: string): PiiEntity[] {
    if (text.trim() === '') return [];
    const input = new AnalysedText(text);
    const candidates = this.recognizers
      .flatMap((recognizer) => recognizer.recognize(input))
      .filter((candidate) => candidate.score >= this.minScore);
    return resolveOverlaps(candidates);
  }
}
