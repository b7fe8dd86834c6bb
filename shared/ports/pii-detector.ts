/** Amazon Comprehend PII entity types (DetectPiiEntities). */
export const PII_ENTITY_TYPES = [
  'NAME',
  'ADDRESS',
  'EMAIL',
  'PHONE',
  'SSN',
  'CREDIT_DEBIT_NUMBER',
  'CREDIT_DEBIT_CVV',
  'CREDIT_DEBIT_EXPIRY',
  'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
  'BANK_ACCOUNT_NUMBER',
  'BANK_ROUTING',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'DATE_TIME',
  'URL',
  'AGE',
  'DRIVER_ID',
  'PASSPORT_NUMBER',
  'USERNAME',
  'PASSWORD',
  'PIN',
  'SWIFT_CODE',
  'LICENSE_PLATE',
  'VEHICLE_IDENTIFICATION_NUMBER',
  'AWS_ACCESS_KEY',
  'AWS_SECRET_KEY',
] as const;
export type PiiEntityType = (typeof PII_ENTITY_TYPES)[number];

/** A PII span, offsets in UTF-16 code units into the analysed text (end exclusive). */
export interface PiiEntity {
  readonly type: PiiEntityType;
  readonly start: number;
  readonly end: number;
  /** Confidence in [0, 1]. */
  readonly score: number;
}

/** Port: finds PII spans (Comprehend DetectPiiEntities on AWS, recognizers locally). */
export interface PiiDetector {
  detect(text: string): Promise<PiiEntity[]>;
}
