import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import type { PiiRecognizer } from '../recognizer.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\d)`, 'g');
const IPV6_CANDIDATE = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4})(?![\w:])/gi;

/** IPv4 addresses (each octet 0–255) and IPv6 addresses (full, compressed, or with an IPv4 tail). */
export class IpAddressRecognizer implements PiiRecognizer {
  readonly name = 'ip-address';

  recognize({ text }: AnalysedText): PiiEntity[] {
    const found: PiiEntity[] = [];
    for (const m of text.matchAll(IPV6_CANDIDATE)) {
      if (isIpv6(m[0])) found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.9 });
    }
    for (const m of text.matchAll(IPV4)) {
      const start = m.index;
      const end = start + m[0].length;
      // The IPv4 tail of an IPv6 address ("::ffff:192.0.2.1") is already inside it.
      if (found.some((f) => f.start <= start && end <= f.end)) continue;
      found.push({ type: 'IP_ADDRESS', start, end, score: 0.9 });
    }
    return found;
  }
}

/** True when the string is a valid IPv6 address. */
export function isIpv6(candidate: string): boolean {
  let address = candidate;
  let groupsFromTail = 0;
  const ipv4Tail = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (ipv4Tail?.[1]) {
    if (!new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(ipv4Tail[1])) return false;
    address = address.slice(0, ipv4Tail.index + 1) + '0';
    groupsFromTail = 1;
  }
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (part: string | undefined): string[] => (part ? part.split(':') : []);
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  const groups = [...head, ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = groups.length + groupsFromTail;
  if (halves.length === 2) return count <= 7;
  return count === 8;
}
