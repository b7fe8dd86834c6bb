import { PII_ENTITY_TYPES, type PiiEntityType } from '../../../ports/pii-detector.js';

/**
 * One bit per PII type, bit n for PII_ENTITY_TYPES[n] (summed, not OR-ed, so it holds up to 53 types exactly).
 * Stored in the index, so that list may only ever grow at its end (or the schema version must change).
 */
export function piiMask(piiTypes: Iterable<PiiEntityType>): number {
  let mask = 0;
  for (const piiType of new Set(piiTypes)) {
    const bit = PII_ENTITY_TYPES.indexOf(piiType);
    if (bit >= 0) mask += 2 ** bit;
  }
  return mask;
}
