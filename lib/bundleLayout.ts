// What a split bundle (lib/bundling.ts) makes Node load, read from esbuild's metafile: the entry and the chunks it
// statically imports load at cold start; a driver's chunk loads on the first `await import(<driver>)`.
import type { Metafile } from 'esbuild';
import { CHUNK_DIR } from './bundling.js';

/** The database drivers the SQL adapters import lazily, one per dialect. */
export const DRIVERS: ReadonlyArray<{ readonly dialect: string; readonly packageName: string }> = [
  { dialect: 'PostgreSQL', packageName: 'pg' },
  { dialect: 'MySQL', packageName: 'mysql2' },
  { dialect: 'Oracle', packageName: 'oracledb' },
];

/** The npm package an input file belongs to (the innermost node_modules), or 'project'. */
export function packageOf(inputPath: string): string {
  const matches = [...inputPath.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  return matches.at(-1)?.[1] ?? 'project';
}

export class BundleLayout {
  /** The entry's output file (a key of metafile.outputs). */
  readonly entry: string;
  /** JavaScript output files (source maps left out). */
  readonly files: readonly string[];

  constructor(private readonly metafile: Metafile) {
    this.files = Object.keys(metafile.outputs).filter((f) => !f.endsWith('.map'));
    // Chunks that dynamic imports load are entry points too; the bundle's own entry is the one nothing imports, outside
    // chunks/. (esbuild still emits the chunk of a dynamic import whose caller it dropped as dead code, e.g. the AWS
    // SDK's browser-only `import("bowser")`: such a chunk is imported by nothing, and never loaded.)
    const imported = new Set(Object.values(metafile.outputs).flatMap((o) => o.imports.map((i) => i.path)));
    const entries = this.files.filter((f) => metafile.outputs[f]?.entryPoint !== undefined && !imported.has(f) && !f.includes(`/${CHUNK_DIR}/`));
    if (entries.length !== 1) throw new Error(`Sluice: expected one entry point in the bundle, found ${entries.length}`);
    this.entry = entries[0] as string;
  }

  bytes(files: Iterable<string>): number {
    let n = 0;
    for (const f of files) n += this.output(f).bytes;
    return n;
  }

  /** Every JavaScript output file, source maps left out. */
  totalBytes(): number {
    return this.bytes(this.files);
  }

  /** The files loaded at cold start: the entry and, transitively, what it imports with `import` statements. */
  startup(): readonly string[] {
    return this.staticClosure([this.entry]);
  }

  /** The files holding code of `packageName` (node_modules/<packageName>/, nested dependencies included). */
  filesWith(packageName: string): readonly string[] {
    const needle = `node_modules/${packageName}/`;
    return this.files.filter((f) => Object.keys(this.output(f).inputs).some((i) => i.includes(needle)));
  }

  /**
   * The files loaded for a pipeline that uses `packageName`: the startup files plus every chunk the loaded files
   * reach by dynamic import on the way to the package (the union when several imports lead to it), transitively: a
   * connector's task chunk, imported when a pipeline starts, imports its driver's chunk on first connect.
   */
  loadedWith(packageName: string): readonly string[] {
    const holders = new Set(this.filesWith(packageName));
    const loaded = new Set(this.startup());
    for (let grew = true; grew; ) {
      grew = false;
      for (const target of this.dynamicTargets([...loaded])) {
        if (loaded.has(target) || !this.reachable(target).some((f) => holders.has(f))) continue;
        for (const f of this.staticClosure([target])) loaded.add(f);
        grew = true;
      }
    }
    return [...loaded];
  }

  /** The files loaded only for `packageName`: loadedWith less startup. */
  chunksOf(packageName: string): readonly string[] {
    const startup = new Set(this.startup());
    return this.loadedWith(packageName).filter((f) => !startup.has(f));
  }

  /** Bytes in `file` per npm package, largest first. */
  packagesIn(file: string): ReadonlyArray<readonly [string, number]> {
    const byPackage = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(this.output(file).inputs)) {
      const name = packageOf(input);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
    return [...byPackage].sort((a, b) => b[1] - a[1]);
  }

  private output(file: string): Metafile['outputs'][string] {
    const output = this.metafile.outputs[file];
    if (!output) throw new Error(`Sluice: ${file} is not an output of the bundle`);
    return output;
  }

  private imports(file: string, kind: 'import-statement' | 'dynamic-import'): string[] {
    return this.output(file)
      .imports.filter((i) => i.kind === kind && i.external !== true && i.path in this.metafile.outputs)
      .map((i) => i.path);
  }

  private staticClosure(start: readonly string[]): string[] {
    const seen = new Set<string>();
    const queue = [...start];
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
      if (seen.has(f)) continue;
      seen.add(f);
      queue.push(...this.imports(f, 'import-statement'));
    }
    return [...seen];
  }

  /** Every file `start` can load, through static and dynamic imports. */
  private reachable(start: string): string[] {
    const seen = new Set<string>();
    const queue = [start];
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
      if (seen.has(f)) continue;
      seen.add(f);
      queue.push(...this.imports(f, 'import-statement'), ...this.imports(f, 'dynamic-import'));
    }
    return [...seen];
  }

  private dynamicTargets(files: readonly string[]): string[] {
    return [...new Set(files.flatMap((f) => this.imports(f, 'dynamic-import')))];
  }
}
