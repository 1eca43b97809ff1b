// One set of esbuild options for every Lambda: the stack's NodejsFunctions and bench/bundleSize.bench.ts use it.
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/** The project is ESM; kafkajs, pg and mysql2 are CJS and call require(), which ESM bundles must define. */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * Left out of bundles: the AWS SDK v3 (in the Node.js 22 runtime) and optional native add-ons that drivers load only
 * when asked (pg-native for pg's native mode). oracledb stays in: its default Thin mode is pure JavaScript.
 */
export const EXTERNAL_MODULES: readonly string[] = ['@aws-sdk/*', 'pg-native'];

/** The repository root: entry paths are relative to it, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function projectPath(path: string): string {
  return isAbsolute(path) ? path : join(PROJECT_ROOT, path);
}

export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = Architecture.ARM_64;
/** The longest a Kafka ESM's function may run (aws-notes §1.2): 14 minutes. */
export const KAFKA_ESM_MAX_TIMEOUT = Duration.minutes(14);

export function lambdaBundling(): BundlingOptions {
  return {
    forceDockerBundling: false,
    format: OutputFormat.ESM,
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    externalModules: [...EXTERNAL_MODULES],
    banner: ESM_REQUIRE_BANNER,
  };
}
