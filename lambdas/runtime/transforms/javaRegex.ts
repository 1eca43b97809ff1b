// Java regular expressions on JavaScript's engine: whole-string matching (Matcher.matches) and Java's
// replacement syntax ($1, ${name}, \$). Translates the Java-only constructs users commonly write:
// leading inline flags (?i) (?s) (?m) and the \A, \z, \Z anchors.
import type { Validator } from '../../connect-api/config/validators.js';
import { ConfigError } from '../../connect-api/errors.js';

/** Compiles a Java regex to a JS RegExp that must match the whole input; throws SyntaxError when invalid. */
export function fullMatchRegex(pattern: string): RegExp {
  let body = pattern;
  let flags = '';
  const inline = /^\(\?([imsx]+)\)/.exec(body);
  if (inline) {
    flags = [...new Set(inline[1]!.replace('x', ''))].join('');
    body = body.slice(inline[0].length);
  }
  body = body.replace(/\\\\|\\A|\\[zZ]/g, (m) => (m === '\\\\' ? m : m === '\\A' ? '^' : '$'));
  return new RegExp(`^(?:${body})$`, flags);
}

/** Expands a Java replacement string for one match (Matcher.appendReplacement rules). */
export function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '\\') {
      if (i + 1 >= replacement.length) throw new Error('character to be escaped is missing');
      out += replacement[++i];
    } else if (c === '$') {
      if (replacement[i + 1] === '{') {
        const end = replacement.indexOf('}', i);
        const name = replacement.slice(i + 2, end);
        const groups = match.groups ?? {};
        if (end < 0 || !(name in groups)) throw new Error(`No group with name {${name}}`);
        out += groups[name] ?? '';
        i = end;
      } else {
        let j = i + 1;
        if (!/\d/.test(replacement[j] ?? '')) throw new Error('Illegal group reference');
        let group = Number(replacement[j++]);
        // Java takes further digits while the group number stays valid.
        while (j < replacement.length && /\d/.test(replacement[j]!) && group * 10 + Number(replacement[j]) < match.length) {
          group = group * 10 + Number(replacement[j++]);
        }
        if (group >= match.length) throw new Error(`No group ${group}`);
        out += match[group] ?? '';
        i = j - 1;
      }
    } else out += c;
  }
  return out;
}

/** Kafka's RegexValidator: the pattern must compile. */
export const javaRegexValidator: Validator = {
  description: 'valid regex',
  ensureValid(name, value) {
    if (typeof value !== 'string') return;
    try {
      fullMatchRegex(value);
    } catch (e) {
      throw new ConfigError(`Invalid value ${value} for configuration ${name}: Invalid regex: ${(e as Error).message}`, { key: name, cause: e });
    }
  },
};
