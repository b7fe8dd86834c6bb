import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import { passesIbanMod97 } from '../checksums/iban-mod97.js';
import type { PiiRecognizer } from '../recognizer.js';
import { IBAN_LENGTHS, IBAN_MAX_LENGTH, IBAN_MIN_LENGTH } from '../lexicons/iban-lengths.js';

/** Country code, check digits, then the account part, either run together or in groups of four. */
const CANDIDATE = /(?<![\w])[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,3})?)(?![\w])/g;

/** International bank account numbers, checked by length per country and the ISO 7064 mod-97 checksum. */
export class IbanRecognizer implements PiiRecognizer {
  readonly name = 'iban';

  recognize({ text }: AnalysedText): PiiEntity[] {
    const found: PiiEntity[] = [];
    for (const m of text.matchAll(CANDIDATE)) {
      const end = longestValidEnd(m[0]);
      if (end > 0) found.push({ type: 'INTERNATIONAL_BANK_ACCOUNT_NUMBER', start: m.index, end: m.index + end, score: 1 });
    }
    return found;
  }
}

/**
 * Length of the longest prefix of the candidate (ending at a group boundary) that is a valid IBAN, or 0. A trailing
 * word caught by the grouping ("... 3000 is mine") is dropped this way.
 */
function longestValidEnd(candidate: string): number {
  const groupEnds = [...candidate.matchAll(/\S+/g)].map((g) => g.index + g[0].length);
  for (let i = groupEnds.length - 1; i >= 0; i--) {
    const end = groupEnds[i] ?? 0;
    if (isValidIban(candidate.slice(0, end))) return end;
  }
  return 0;
}

/** True when the text (spaces allowed) is a valid IBAN. */
export function isValidIban(raw: string): boolean {
  const iban = raw.replace(/ /g, '').toUpperCase();
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined ? iban.length !== expected : iban.length < IBAN_MIN_LENGTH || iban.length > IBAN_MAX_LENGTH) {
    return false;
  }
  return passesIbanMod97(iban);
}
