// Reading DATE / TIME / TIMESTAMP text from a result set the way kafka-connect-jdbc reads them with a db.timezone
// Calendar: zone-less timestamps are wall clock in db.timezone, zoned ones carry their offset; every digit of the
// fraction is kept (PostgreSQL and MySQL have microseconds, Oracle nanoseconds) for timestamp offsets.
import type { Zone } from '../dialects/temporal.js';
import { DataError } from '../../../connect-api/errors.js';

const DAY_MS = 86_400_000;
const TIMESTAMP = /^(-?\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?$/;
const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2,}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/** An instant with nanosecond precision: epoch milliseconds (floored) and the nanos of its second. */
export interface Instant {
  readonly ms: number;
  readonly nanos: number;
}

function utc(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  // Date.UTC reads years 0-99 as 1900-1999; only those need the slower path.
  if (year >= 100) return Date.UTC(year, month - 1, day, h, m, s);
  const d = new Date(Date.UTC(2000, month - 1, day, h, m, s));
  d.setUTCFullYear(year);
  return d.getTime();
}

function fractionNanos(text: string | undefined): number {
  return text === undefined ? 0 : Number(text.padEnd(9, '0'));
}

function offsetMinutesOf(text: string): number {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replaceAll(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/** The instant whose wall clock in `zone` is `wallMs` (read as if UTC); DST gaps resolve forward as Java does. */
export function wallClockToEpoch(wallMs: number, zone: Zone): number {
  const first = wallMs - zone.offsetMinutes(wallMs) * 60_000;
  return wallMs - zone.offsetMinutes(first) * 60_000;
}

export function parseTimestampText(text: string, zone: Zone): Instant {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) throw new DataError(`Cannot read the timestamp ${JSON.stringify(text)}`);
  const wall = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const nanos = fractionNanos(m[7]);
  const seconds = m[8] === undefined ? wallClockToEpoch(wall, zone) : wall - offsetMinutesOf(m[8]) * 60_000;
  return { ms: seconds + Math.floor(nanos / 1_000_000), nanos };
}

/** A Connect Date: midnight UTC of the calendar date. */
export function parseDateText(text: string): Date {
  const m = DATE.exec(text.trim()) ?? TIMESTAMP.exec(text.trim());
  if (!m) throw new DataError(`Cannot read the date ${JSON.stringify(text)}`);
  return new Date(utc(Number(m[1]), Number(m[2]), Number(m[3])));
}

/** A Connect Time: milliseconds since midnight on 1970-01-01 UTC, wrapped into one day. */
export function parseTimeText(text: string): Date {
  const m = TIME.exec(text.trim().replace(/[+-]\d{2}(:?\d{2})?$/, ''));
  if (!m) throw new DataError(`Cannot read the time ${JSON.stringify(text)}`);
  const ms = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000 + Math.floor(fractionNanos(m[4]) / 1_000_000);
  return new Date(((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

/** A Date value (from a driver that parsed it already) as an instant. */
export function instantOfDate(value: Date): Instant {
  const ms = value.getTime();
  return { ms, nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}
