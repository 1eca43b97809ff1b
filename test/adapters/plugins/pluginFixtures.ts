// Plugin packages written into a temporary plugin-path folder: good ones and broken ones, as users would drop them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A sink plugin object's source in plain JavaScript: a configDef as `{ keys }`, a task that does nothing. */
export function sinkPluginSource(className: string, extra = ''): string {
  return `{
    type: 'sink',
    className: ${JSON.stringify(className)},
    ${extra}
    configDef: { keys: [{ name: 'echo.prefix', type: 'STRING', importance: 'HIGH', documentation: 'Written before every value.' }] },
    createTask: () => ({ put: async () => undefined, close: async () => undefined }),
  }`;
}

export interface PluginDir {
  readonly dir: string;
  /** Writes `content` to `relativePath` under the folder; returns the absolute path. */
  write(relativePath: string, content: string): string;
  remove(): void;
}

export function pluginDir(prefix = 'sluice-plugins-'): PluginDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(relativePath, content) {
      const path = join(dir, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
