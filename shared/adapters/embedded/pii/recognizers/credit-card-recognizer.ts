import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import { passesLuhn } from '../checksums/luhn.js';
import { contextBefore } from '../context.js';
import type { PiiRecognizer } from '../recognizer.js';

const CANDIDATE = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/g;
const CARD_CONTEXT = /\b(?:card|credit|debit|visa|mastercard|amex|american express|discover|cc|pan)\b/i;

/** Issuer identification number prefixes of the major card schemes. */
const IIN_PREFIX =
  /^(?:4|5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)|3[47]|3(?:0[0-5]|[68])|6(?:011|5|4[4-9]|2)|35(?:2[89]|[3-8]\d)|5[06-9]|6[0-9])/;

/** Payment card numbers: 13–19 digits, optionally grouped with spaces or dashes, Luhn-valid, known issuer prefix. */
export class CreditCardRecognizer implements PiiRecognizer {
  readonly name = 'credit-card';

  recognize({ text }: AnalysedText): PiiEntity[] {
    const found: PiiEntity[] = [];
    for (const m of text.matchAll(CANDIDATE)) {
      const raw = m[0];
      if (/ /.test(raw) && /-/.test(raw)) continue;
      const digits = raw.replace(/\D/g, '');
      if (digits.length < 13 || digits.length > 19 || !IIN_PREFIX.test(digits) || !passesLuhn(digits)) continue;
      const score = contextBefore(text, m.index, CARD_CONTEXT, 50) ? 1 : 0.9;
      found.push({ type: 'CREDIT_DEBIT_NUMBER', start: m.index, end: m.index + raw.length, score });
    }
    return found;
  }
}
