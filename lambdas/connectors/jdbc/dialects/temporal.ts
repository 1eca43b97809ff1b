// `db.timezone` without a date library: fixed offsets parsed here, IANA zones through Intl.
// Connect's Date/Time/Timestamp values become wall-clock text in the zone, the way JDBC binds with a Calendar.
import { ConfigError, DataError } from '../../../connect-api/errors.js';

const DAY_MS = 86_400_000;

/** A time zone: its offset from UTC, in minutes, at an instant. */
export interface Zone {
  readonly id: string;
  offsetMinutes(epochMs: number): number;
}

const FIXED = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** Resolves `db.timezone`: `UTC`, `Z`, `+05:30`, `UTC-3`, `GMT+1`, or an IANA id such as `Europe/Paris`. */
export function zoneOf(id: string): Zone {
  const trimmed = id.trim();
  if (['UTC', 'Z', 'GMT', 'UT', 'Etc/UTC'].includes(trimmed)) return { id: trimmed, offsetMinutes: () => 0 };
  const fixed = FIXED.exec(trimmed);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    if (Number(fixed[2]) > 18 || Number(fixed[3] ?? 0) > 59) throw invalidZone(id);
    const offset = fixed[1] === '-' ? -minutes : minutes;
    return { id: trimmed, offsetMinutes: () => offset };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: trimmed,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch (cause) {
    throw invalidZone(id, cause);
  }
  return { id: trimmed, offsetMinutes: (epochMs) => intlOffset(format, epochMs) };
}

function invalidZone(id: string, cause?: unknown): ConfigError {
  return new ConfigError(`Invalid value ${id} for configuration db.timezone: Invalid time zone identifier`, { key: 'db.timezone', cause });
}

function intlOffset(format: Intl.DateTimeFormat, epochMs: number): number {
  const at = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(at))) parts[p.type] = p.value;
  const year = parts['era'] === 'BC' || parts['era'] === 'B' ? 1 - Number(parts['year']) : Number(parts['year']);
  const wall = Date.UTC(year, Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  // Date.UTC maps years 0..99 to 1900..1999.
  const fixedWall = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  return Math.round((fixedWall - at) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** `pad(n)` of an integer 0–99 (or NaN) without padStart: formatting is per bound value, on every row written. */
const two = (n: number) => (n >= 0 && n < 10 ? `0${n}` : `${n}`);
/** `pad(n, 3)` of milliseconds 0–999 (or NaN). */
const three = (n: number) => (n >= 0 && n < 10 ? `00${n}` : n >= 10 && n < 100 ? `0${n}` : `${n}`);
/** `pad(year, 4)`: four-digit years as they are, others (before 1000, negative, NaN) as pad does. */
const year4 = (n: number) => (n >= 1000 && n <= 9999 ? `${n}` : pad(n, 4));
const FRACTION_ZEROS = { 3: '', 6: '000', 9: '000000' } as const;

/** `YYYY-MM-DD` of a Date whose UTC fields are the wall clock. */
function dateText(d: Date): string {
  return `${year4(d.getUTCFullYear())}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** `YYYY-MM-DD` of the instant as seen in the zone. */
export function formatDate(epochMs: number, zone: Zone): string {
  return dateText(new Date(epochMs + zone.offsetMinutes(epochMs) * 60_000));
}

/** `HH:MM:SS.mmm` of the instant as seen in the zone. */
export function formatTime(epochMs: number, zone: Zone): string {
  const local = (((epochMs + zone.offsetMinutes(epochMs) * 60_000) % DAY_MS) + DAY_MS) % DAY_MS;
  const d = new Date(local);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

export interface TimestampFormat {
  /** Digits after the second: 3 (ms), 6 (µs) or 9 (ns). */
  readonly fractionDigits: 3 | 6 | 9;
  /** Append `+HH:MM`, so timestamptz columns get the instant and timestamp columns the wall clock. */
  readonly withOffset?: boolean;
  /** Nanos of second; overrides the milliseconds of `epochMs`. */
  readonly nanos?: number;
}

/** `YYYY-MM-DD HH:MM:SS.fff[+HH:MM]`: the instant's wall clock in the zone. */
export function formatTimestamp(epochMs: number, zone: Zone, format: TimestampFormat): string {
  const offset = zone.offsetMinutes(epochMs);
  const local = epochMs + offset * 60_000;
  let text: string;
  if (Number.isInteger(local) && Math.abs(local) <= MAX_DATE_MS) {
    // The common case without a Date per value: the day's text (cached, rows of a batch share few days), then the
    // time of day by arithmetic.
    const day = Math.floor(local / DAY_MS);
    let ofDay = local - day * DAY_MS;
    const ms = ofDay % 1000;
    ofDay = (ofDay - ms) / 1000;
    const seconds = ofDay % 60;
    ofDay = (ofDay - seconds) / 60;
    const minutes = ofDay % 60;
    const hours = (ofDay - minutes) / 60;
    const fraction = format.nanos === undefined ? three(ms) + FRACTION_ZEROS[format.fractionDigits] : pad(format.nanos, 9).slice(0, format.fractionDigits);
    text = `${dayText(day)} ${two(hours)}:${two(minutes)}:${two(seconds)}.${fraction}`;
  } else {
    const d = new Date(local);
    const fraction = pad(format.nanos ?? d.getUTCMilliseconds() * 1_000_000, 9).slice(0, format.fractionDigits);
    text = `${dateText(d)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${fraction}`;
  }
  return format.withOffset ? text + offsetText(offset) : text;
}

let cachedOffset = Number.NaN;
let cachedOffsetText = '';

/** `+HH:MM` of an offset in minutes, the last one remembered. */
function offsetText(offset: number): string {
  if (offset !== cachedOffset) {
    const abs = Math.abs(offset);
    cachedOffsetText = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    cachedOffset = offset;
  }
  return cachedOffsetText;
}

/** The largest time value a Date holds (ECMAScript TimeClip). */
const MAX_DATE_MS = 8.64e15;
let cachedDay = Number.NaN;
let cachedDayText = '';

/** `YYYY-MM-DD` of a day number (days since the epoch), the last one remembered. */
function dayText(day: number): string {
  if (day !== cachedDay) {
    cachedDayText = dateText(new Date(day * DAY_MS));
    cachedDay = day;
  }
  return cachedDayText;
}

/** Epoch milliseconds of a Connect Date (JS Date or days since the epoch), Time (Date or ms of day) or Timestamp (Date, ms). */
export function epochMillis(logical: 'Date' | 'Time' | 'Timestamp', value: unknown): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new DataError(`Invalid ${logical} value: an invalid Date`);
    return ms;
  }
  if (typeof value === 'bigint') return epochMillis(logical, Number(value));
  if (typeof value === 'number' && Number.isInteger(value)) return logical === 'Date' ? value * DAY_MS : value;
  throw new DataError(`Invalid ${logical} value: expected a Date or an integer, got ${typeof value}`);
}
