// Structured logging; console in Lambda (CloudWatch Logs) and standalone mode.
import { maskSecrets } from '../../connect-api/maskSecrets.js';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger writing one masked line per call (no password reaches a log line); `write` gets the level and the line. */
export function lineLogger(write: (level: 'info' | 'warn' | 'error', line: string) => void): Logger {
  const line = (m: string, f?: Record<string, unknown>) => maskSecrets(f ? `${m} ${JSON.stringify(f, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}` : m);
  return {
    info: (m, f) => write('info', line(m, f)),
    warn: (m, f) => write('warn', line(m, f)),
    error: (m, f) => write('error', line(m, f)),
  };
}

export const consoleLogger: Logger = lineLogger((level, text) => (level === 'info' ? console.log(text) : level === 'warn' ? console.warn(text) : console.error(text)));
