// The one masking function for text that leaves Sluice: REST responses and error messages, log lines, status traces
// and dead-letter headers. It hides passwords inside URLs, password-like key=value pairs (in Kafka's rendered config
// maps, URL query strings and JSON) and, when given, the literal secret values a request carried.

export const HIDDEN = '[hidden]';

/** Config keys whose values are secrets even when no ConfigDef declares them (sslpassword, basic.auth.user.info...). */
const SECRET_KEY = String.raw`[\w.-]*(?:password|passwd|pwd|secret|basic\.auth\.user\.info|sasl\.jaas\.config)`;
const SECRET_KEY_NAME = new RegExp(`^${SECRET_KEY}$`, 'i');

/** scheme://user:<password>@host: greedy up to the last '@' before the host's path, query or a blank. */
const URL_USERINFO = /(\/\/[^\s/:@?#"]*:)([^\s/?#"]*)(@)/g;
/** Oracle's jdbc:oracle:thin:user/<password>@host form. */
const ORACLE_CREDENTIALS = /(jdbc:oracle:[a-z]+:[^\s/@:"]+\/)([^\s@"]*)(@)/gi;
/**
 * ?password=x, &sslpassword=x, ;password=x inside a URL. A value stops at '}' (the end of a rendered map), except a
 * whole ${...} token (a password stored sealed in place), which is hidden with its closing brace.
 */
const URL_PARAM = new RegExp(String.raw`([?&;]${SECRET_KEY}=)(\$\{[^}\s]*\}|[^&;\s"#}]*)`, 'gi');
/** connection.password=x in a rendered map ({a=b, connection.password=x}) or a JAAS line (password="x"). */
const PAIR = new RegExp(String.raw`((?:^|[\s{,(])${SECRET_KEY}\s*=\s*)([^,}\n]*)`, 'gi');
/** "connection.password": "x" in JSON text (a secret reference ${...} is not a secret and stays). */
const JSON_PAIR = new RegExp(String.raw`("${SECRET_KEY}"\s*:\s*")((?:[^"\\]|\\.)*)(")`, 'gi');

/** Secrets shorter than this are not replaced as literals: they would blank out ordinary words. */
const MIN_LITERAL = 4;

/** True for a key whose value is a secret by its name alone. */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY_NAME.test(key);
}

/** Hides every password in `text`; `known` are literal secret values to hide wherever they appear. */
export function maskSecrets(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of [...new Set(known)].filter((s) => s.length >= MIN_LITERAL).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(HIDDEN);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join(HIDDEN);
  }
  return out
    .replace(URL_USERINFO, `$1${HIDDEN}$3`)
    .replace(ORACLE_CREDENTIALS, `$1${HIDDEN}$3`)
    .replace(URL_PARAM, `$1${HIDDEN}`)
    .replace(PAIR, (_m, head: string, value: string) => (value.trim() === '' || value.startsWith('${') ? `${head}${value}` : `${head}${HIDDEN}`))
    .replace(JSON_PAIR, (_m, head: string, value: string, tail: string) => (value.startsWith('${') || value === '' ? `${head}${value}${tail}` : `${head}${HIDDEN}${tail}`));
}

/** The secret values a config map carries: password-type values and passwords inside URLs (raw and decoded). */
export function secretValues(config: Readonly<Record<string, unknown>>, isPassword: (key: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(config)) {
    if (typeof v !== 'string' || v === '' || v.startsWith('${')) continue;
    if (isPassword(k) || isSecretKeyName(k)) out.push(v);
    for (const m of v.matchAll(URL_USERINFO)) out.push(m[2]!);
    for (const m of v.matchAll(ORACLE_CREDENTIALS)) out.push(m[2]!);
    for (const m of v.matchAll(URL_PARAM)) out.push(m[2]!);
  }
  return out.flatMap((s) => [s, decoded(s)]).filter((s) => s !== '' && s !== HIDDEN);
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
