import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import type { PiiRecognizer } from '../recognizer.js';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\\.?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[5-9]\\d\\d|2[01]\\d\\d)';
const TIME = '(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,6})?)?(?:\\s?(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm]))?';
const TIME_12H = '(?:1[0-2]|0?[1-9])\\s?(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm])(?![\\w])';

const PATTERNS: readonly { readonly regex: RegExp; readonly score: number; readonly check?: (m: RegExpMatchArray) => boolean }[] = [
  // ISO 8601 date, optionally with a time and zone: 2021-03-04, 1998-06-28 14:48:14, 2021-03-04T10:00:00Z
  {
    regex: new RegExp(
      `(?<![\\w-])${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?:[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\w-])`,
      'g',
    ),
    score: 0.95,
  },
  // Numeric dates: 12/27/1986, 27.12.1986, 12-1-77, 2021/3/4
  {
    regex: /(?<![\w./-])(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?![\w/-]|\.\d)/g,
    score: 0.85,
    check: (m) => isNumericDate(m[1] ?? '', m[3] ?? '', m[4] ?? '', m[2] ?? ''),
  },
  // March 3, 2021 · Mar 3rd 2021 · Monday, March 3, 2021 · March 3 · March 2021
  {
    regex: new RegExp(
      `(?<![\\w])(?:${WEEKDAY},?\\s)?${MONTH}\\s${DAY}(?:,?\\s${YEAR})?(?![\\w])|(?<![\\w])${MONTH}\\s${YEAR}(?![\\w])`,
      'g',
    ),
    score: 0.85,
  },
  // 3 March 2021 · 3rd of March, 2021 · Monday 3 March
  {
    regex: new RegExp(`(?<![\\w])(?:${WEEKDAY},?\\s)?${DAY}\\s(?:of\\s)?${MONTH}(?:,?\\s${YEAR})?(?![\\w])`, 'g'),
    score: 0.85,
  },
  // 10:30 AM, 14:48:14, 9 pm
  { regex: new RegExp(`(?<![\\w:.])(?:${TIME}|${TIME_12H})(?![\\w:]|\\.\\d)`, 'g'), score: 0.7 },
];

/** Calendar dates and clock times (numeric, ISO 8601, and written with month names). */
export class DateTimeRecognizer implements PiiRecognizer {
  readonly name = 'date-time';

  recognize({ text }: AnalysedText): PiiEntity[] {
    const spans: PiiEntity[] = [];
    for (const { regex, score, check } of PATTERNS) {
      for (const m of text.matchAll(regex)) {
        if (check && !check(m)) continue;
        spans.push({ type: 'DATE_TIME', start: m.index, end: m.index + m[0].length, score });
      }
    }
    return mergeAdjacent(text, spans);
  }
}

/** Joins a date and a time that follow each other ("12/27/1986 at 10:30 AM") into one span. */
function mergeAdjacent(text: string, spans: PiiEntity[]): PiiEntity[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiEntity[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && (span.start < last.end || /^(?:,?\s|\s+at\s+|T)$/.test(text.slice(last.end, span.start)))) {
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, span.end), score: Math.max(last.score, span.score) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** True when the three numbers read as a real date in day/month/year, month/day/year or year/month/day order. */
function isNumericDate(first: string, second: string, third: string, separator: string): boolean {
  const [a, b, c] = [Number(first), Number(second), Number(third)];
  if (first.length === 4) return third.length <= 2 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
  if (first.length > 2 || (third.length !== 2 && third.length !== 4)) return false;
  // Dotted or dashed triples with a two-digit year are too often versions or scores.
  if (third.length === 2 && separator !== '/') return false;
  const monthDay = a >= 1 && a <= 12 && b >= 1 && b <= 31;
  const dayMonth = a >= 1 && a <= 31 && b >= 1 && b <= 12;
  return monthDay || dayMonth;
}
