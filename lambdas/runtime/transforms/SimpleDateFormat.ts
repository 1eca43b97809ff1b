// The commonly used subset of Java's SimpleDateFormat, always in UTC: y M d H h k K m s S a E D z Z X and
// 'quoted' text. Parsing is lenient like Java's: numbers take as many digits as they find (or the field width
// when the next field is numeric too), and text after the pattern is ignored.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SUPPORTED = 'yMLdHhkKmsSaEDzZXu';
const JAVA_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';
const DAY_MS = 86_400_000;

type Token = { readonly literal: string } | { readonly letter: string; readonly count: number };

function isField(t: Token | undefined): t is Extract<Token, { letter: string }> {
  return t !== undefined && 'letter' in t;
}

function isNumeric(t: Token | undefined): boolean {
  return isField(t) && !'aEzZX'.includes(t.letter) && !('ML'.includes(t.letter) && t.count >= 3);
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      let text = '';
      let j = i + 1;
      for (; j < pattern.length; j++) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") text += pattern[j++];
        else if (pattern[j] === "'") break;
        else text += pattern[j];
      }
      if (j >= pattern.length) throw new Error(`Unterminated quote in pattern: ${pattern}`);
      tokens.push({ literal: text });
      i = j + 1;
    } else if (/[a-zA-Z]/.test(c)) {
      if (!JAVA_LETTERS.includes(c)) throw new Error(`Illegal pattern character '${c}'`);
      if (!SUPPORTED.includes(c)) throw new Error(`Unsupported pattern character '${c}'`);
      let j = i;
      while (pattern[j] === c) j++;
      tokens.push({ letter: c, count: j - i });
      i = j;
    } else {
      tokens.push({ literal: c });
      i++;
    }
  }
  return tokens;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function formatField(letter: string, count: number, d: Date): string {
  switch (letter) {
    case 'y':
      return count === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[d.getUTCMonth()]!;
      return count === 3 ? MONTHS[d.getUTCMonth()]!.slice(0, 3) : pad(d.getUTCMonth() + 1, count);
    case 'd':
      return pad(d.getUTCDate(), count);
    case 'D':
      return pad(Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1, count);
    case 'H':
      return pad(d.getUTCHours(), count);
    case 'k':
      return pad(d.getUTCHours() || 24, count);
    case 'K':
      return pad(d.getUTCHours() % 12, count);
    case 'h':
      return pad(d.getUTCHours() % 12 || 12, count);
    case 'm':
      return pad(d.getUTCMinutes(), count);
    case 's':
      return pad(d.getUTCSeconds(), count);
    case 'S':
      return pad(d.getUTCMilliseconds(), count);
    case 'a':
      return d.getUTCHours() < 12 ? 'AM' : 'PM';
    case 'E':
      return count >= 4 ? DAYS[d.getUTCDay()]! : DAYS[d.getUTCDay()]!.slice(0, 3);
    case 'u':
      return pad(d.getUTCDay() || 7, count);
    case 'z':
      return count >= 4 ? 'Coordinated Universal Time' : 'UTC';
    case 'Z':
      return '+0000';
    default:
      return 'Z';
  }
}

export class SimpleDateFormat {
  private readonly tokens: readonly Token[];

  /** Throws Error for a pattern Java rejects (or this subset does not implement). */
  constructor(readonly pattern: string) {
    this.tokens = tokenize(pattern);
  }

  format(date: Date): string {
    return this.tokens.map((t) => (isField(t) ? formatField(t.letter, t.count, date) : t.literal)).join('');
  }

  /** Parses text as UTC; throws Error when it does not match. */
  parse(text: string): Date {
    return parseTokens(this.tokens, text, this.pattern);
  }
}

function parseTokens(tokens: readonly Token[], text: string, pattern: string): Date {
  const fail = (): never => {
    throw new Error(`Unparseable date: "${text}" does not match ${pattern}`);
  };
  const f = { year: 1970, month: 0, day: 1, dayOfYear: 0, hour: 0, minute: 0, second: 0, ms: 0, pm: false, h12: false, offsetMin: 0 };
  let pos = 0;
  const readNumber = (width: number | undefined): number => {
    const m = (width === undefined ? /^[+-]?\d+/ : new RegExp(`^\\d{1,${width}}`)).exec(text.slice(pos));
    if (!m) return fail();
    pos += m[0].length;
    return Number(m[0]);
  };
  const readWord = (words: readonly string[]): number => {
    const rest = text.slice(pos).toLowerCase();
    const index = words.findIndex((w) => rest.startsWith(w.toLowerCase()));
    const short = index < 0 ? words.findIndex((w) => rest.startsWith(w.slice(0, 3).toLowerCase())) : index;
    if (short < 0) return fail();
    pos += index < 0 ? 3 : words[index]!.length;
    return short;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isField(t)) {
      if (!text.startsWith(t.literal, pos)) fail();
      pos += t.literal.length;
      continue;
    }
    const width = isNumeric(tokens[i + 1]) ? t.count : undefined;
    switch (t.letter) {
      case 'y': {
        const start = pos;
        const y = readNumber(width);
        f.year = t.count <= 2 && pos - start === 2 ? twoDigitYear(y) : y;
        break;
      }
      case 'M':
      case 'L':
        f.month = t.count >= 3 ? readWord(MONTHS) : readNumber(width) - 1;
        break;
      case 'd':
        f.day = readNumber(width);
        break;
      case 'D':
        f.dayOfYear = readNumber(width);
        break;
      case 'H':
      case 'k':
        f.hour = readNumber(width) % 24;
        break;
      case 'h':
      case 'K':
        f.hour = readNumber(width) % 12;
        f.h12 = true;
        break;
      case 'm':
        f.minute = readNumber(width);
        break;
      case 's':
        f.second = readNumber(width);
        break;
      case 'S':
        f.ms = readNumber(width);
        break;
      case 'a':
        f.pm = readWord(['AM', 'PM']) === 1;
        break;
      case 'E':
        readWord(DAYS);
        break;
      case 'u':
        readNumber(width);
        break;
      default:
        f.offsetMin = readZone(text, pos, (n) => (pos += n)) ?? fail();
    }
  }
  const hour = f.h12 && f.pm ? f.hour + 12 : f.hour;
  const base = f.dayOfYear > 0 ? Date.UTC(f.year, 0, f.dayOfYear) : Date.UTC(f.year, f.month, f.day);
  const out = new Date(base + ((hour * 60 + f.minute - f.offsetMin) * 60 + f.second) * 1000 + f.ms);
  if (f.year >= 0 && f.year < 100) out.setUTCFullYear(out.getUTCFullYear() - 1900);
  return out;
}

/** Java's 80-20 rule for two-digit years: within 80 years before and 20 after now. */
function twoDigitYear(yy: number): number {
  const now = new Date().getUTCFullYear();
  const candidate = Math.floor((now - 80) / 100) * 100 + yy;
  return candidate < now - 80 ? candidate + 100 : candidate;
}

/** Reads Z, UTC, GMT, ±hh, ±hhmm or ±hh:mm; returns the offset in minutes, or undefined. */
function readZone(text: string, pos: number, advance: (n: number) => void): number | undefined {
  const m = /^(?:Z|UTC|GMT)?(?:([+-])(\d{2}):?(\d{2})?)?/.exec(text.slice(pos));
  if (!m || m[0] === '') return undefined;
  advance(m[0].length);
  if (m[1] === undefined) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}
