// Builds the console's browser code (local/ui/app, Preact + TSX) into one script and one style sheet, in memory.
// esbuild is loaded only when the console is first opened, so the API alone never pays for it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface ConsoleAssets {
  readonly html: string;
  readonly js: Uint8Array;
  readonly css: Uint8Array;
}

const APP_DIR = fileURLToPath(new URL('./app/', import.meta.url));

export async function bundleConsole(): Promise<ConsoleAssets> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [`${APP_DIR}main.tsx`, `${APP_DIR}styles.css`],
    bundle: true,
    write: false,
    outdir: '/ui-out',
    entryNames: '[name]',
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    // The console's own tsconfig (DOM types, JSX); the project's root one is for Node.
    tsconfig: `${APP_DIR}tsconfig.json`,
  });
  const out = (name: string) => {
    const f = result.outputFiles.find((o) => o.path.endsWith(`/${name}`));
    if (!f) throw new Error(`esbuild produced no ${name}`);
    return f.contents;
  };
  return { html: await readFile(`${APP_DIR}index.html`, 'utf8'), js: out('main.js'), css: out('styles.css') };
}
