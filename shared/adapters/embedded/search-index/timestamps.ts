import { ContractViolationError } from '../../../errors.js';

/** ISO-8601 date, or date and time with an optional zone. */
const ISO_8601 = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/u;
const HAS_TIME_WITHOUT_ZONE = /T[\d:.]+$/u;
const CALENDAR_PERIOD = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/u;

const DATE_TIME_PARTS = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?/u;

/** True when every calendar and clock field is in range (JavaScript would roll 30 February over to March). */
function hasValidFields(value: string): boolean {
  const parts = DATE_TIME_PARTS.exec(value);
  if (parts === null) return false;
  const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0] = parts.slice(1).map((part) =>
    part === undefined ? undefined : Number(part),
  );
  if (year === undefined || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

function parseIso(value: string, field: string): Date {
  // A time without a zone is taken as UTC, so results do not depend on the machine's time zone.
  const zoned = HAS_TIME_WITHOUT_ZONE.test(value) ? `${value}Z` : value;
  const date = ISO_8601.test(value) && hasValidFields(value) ? new Date(zoned) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new ContractViolationError(`${field} must be an ISO-8601 date or time, got ${JSON.stringify(value)}.`);
  }
  return date;
}

/**
 * Stored form of processedAt: UTC with milliseconds (`toISOString()`), so that text comparison in SQL orders and
 * bounds times correctly whatever zone the writer used.
 */
export function normaliseTimestamp(value: string, field: string): string {
  return parseIso(value, field).toISOString();
}

/** Inclusive lower bound: the start of the given date or time. */
export function lowerBound(value: string): string {
  return normaliseTimestamp(value, 'Search "from"');
}

/**
 * Inclusive upper bound. A bare calendar period (`2024`, `2024-03`, `2024-03-31`) covers the whole period, so
 * `to: '2024-03-31'` includes documents processed during that day.
 */
export function upperBound(value: string): string {
  const period = CALENDAR_PERIOD.exec(value);
  if (period === null) return normaliseTimestamp(value, 'Search "to"');
  const start = parseIso(value, 'Search "to"');
  const end = new Date(start.getTime());
  if (period[3] !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (period[2] !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return new Date(end.getTime() - 1).toISOString();
}
