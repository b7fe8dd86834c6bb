import { bytesAt } from './byte-patterns.js';
import { SUPPORTED_FORMATS_SENTENCE, type SniffResult } from './sniff-result.js';
import { identifyMarkup } from './markup-detection.js';
import { decodeUtf8Head, UTF8_BOM } from './utf8.js';

/** Above this share of control characters, valid UTF-8 is still treated as binary data rather than text. */
const MAX_CONTROL_CHARACTER_SHARE = 0.05;
/** A byte-order-less UTF-16 head has at least this share of zero bytes in the high-byte positions. */
const UTF16_ZERO_HIGH_BYTE_SHARE = 0.8;
/** Text in a legacy 8-bit encoding is mostly printable ASCII with some bytes above 0x7F. */
const MIN_PRINTABLE_ASCII_SHARE_FOR_LEGACY_TEXT = 0.7;

const BINARY_DATA: SniffResult = {
  ok: false,
  detected: 'binary data',
  reason: `The file holds binary data, not a supported document. ${SUPPORTED_FORMATS_SENTENCE}`,
};

function unsupportedText(detected: string, explanation: string): SniffResult {
  return { ok: false, detected, reason: `${explanation} ${SUPPORTED_FORMATS_SENTENCE}` };
}

/** Control characters other than tab, line feed, vertical tab, form feed, carriage return and escape. */
function isControlCharacter(codePoint: number): boolean {
  if (codePoint < 0x20) return ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(codePoint);
  return codePoint === 0x7f || (codePoint >= 0x80 && codePoint <= 0x9f);
}

function controlCharacterShare(text: string): number {
  let characters = 0;
  let controls = 0;
  for (const char of text) {
    characters += 1;
    if (isControlCharacter(char.codePointAt(0) ?? 0)) controls += 1;
  }
  return characters === 0 ? 0 : controls / characters;
}

function isPrintableAsciiOrWhitespace(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** ASCII-range text stored as UTF-16 without a byte-order mark: every other byte is zero. */
function looksLikeUtf16WithoutBom(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  for (const highByteParity of [0, 1]) {
    let pairs = 0;
    let zeroHigh = 0;
    let printableLow = 0;
    for (let index = 0; index + 1 < head.length; index += 2) {
      const high = head[index + highByteParity] ?? 0;
      const low = head[index + 1 - highByteParity] ?? 0;
      pairs += 1;
      if (high === 0) zeroHigh += 1;
      if (isPrintableAsciiOrWhitespace(low)) printableLow += 1;
    }
    if (zeroHigh / pairs >= UTF16_ZERO_HIGH_BYTE_SHARE && printableLow / pairs >= UTF16_ZERO_HIGH_BYTE_SHARE) {
      return true;
    }
  }
  return false;
}

/** Latin-1 / Windows-1252 text: no control bytes, mostly printable ASCII, the rest above 0x7F. */
function looksLikeLegacyEightBitText(head: Uint8Array): boolean {
  let printableAscii = 0;
  for (const byte of head) {
    if (isPrintableAsciiOrWhitespace(byte)) printableAscii += 1;
    else if (byte < 0x80) return false;
  }
  return printableAscii / head.length >= MIN_PRINTABLE_ASCII_SHARE_FOR_LEGACY_TEXT;
}

/** Classifies a head that matched no binary signature: UTF-8 text, text in an unsupported encoding, or binary. */
export function classifyTextOrBinary(head: Uint8Array): SniffResult {
  if (head.length === 0) return { ok: false, detected: 'empty file', reason: 'The file is empty (0 bytes).' };
  if (bytesAt(head, 0, [0xff, 0xfe, 0x00, 0x00]) || bytesAt(head, 0, [0x00, 0x00, 0xfe, 0xff])) {
    return unsupportedText('UTF-32 text', 'This is UTF-32 text, which is not supported: save it as UTF-8.');
  }
  if (bytesAt(head, 0, [0xff, 0xfe]) || bytesAt(head, 0, [0xfe, 0xff])) {
    return unsupportedText('UTF-16 text', 'This is UTF-16 text, which is not supported: save it as UTF-8.');
  }
  const body = bytesAt(head, 0, UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head;
  if (body.length === 0) {
    return { ok: false, detected: 'empty text file', reason: 'The file holds no text, only a UTF-8 byte-order mark.' };
  }
  if (body.every((byte) => byte === 0)) {
    return {
      ok: false,
      detected: 'zero bytes',
      reason: 'The file begins with nothing but zero bytes: it was probably not completely written or copied. Upload the original again.',
    };
  }
  if (body.includes(0)) {
    if (looksLikeUtf16WithoutBom(body)) {
      return unsupportedText(
        'UTF-16 text (no byte-order mark)',
        'This looks like UTF-16 text, which is not supported: save it as UTF-8.',
      );
    }
    return BINARY_DATA;
  }
  const text = decodeUtf8Head(body);
  if (text === undefined) {
    if (looksLikeLegacyEightBitText(body)) {
      return unsupportedText(
        'text in a legacy 8-bit encoding (not UTF-8)',
        'This looks like text in an older encoding such as Latin-1 or Windows-1252, not UTF-8: save it as UTF-8.',
      );
    }
    return BINARY_DATA;
  }
  if (controlCharacterShare(text) > MAX_CONTROL_CHARACTER_SHARE) return BINARY_DATA;
  return identifyMarkup(text) ?? { ok: true, mediaType: 'text/plain' };
}
