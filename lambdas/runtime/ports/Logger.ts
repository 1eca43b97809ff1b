// Structured logging; console in Lambda (CloudWatch Logs) and standalone mode.
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (m, f) => console.log(f ? `${m} ${JSON.stringify(f)}` : m),
  warn: (m, f) => console.warn(f ? `${m} ${JSON.stringify(f)}` : m),
  error: (m, f) => console.error(f ? `${m} ${JSON.stringify(f)}` : m),
};
