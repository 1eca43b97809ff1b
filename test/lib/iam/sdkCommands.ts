// The AWS SDK commands a Lambda entry can send, found in its module graph: esbuild resolves the graph (the files the
// bundle would hold, dynamic imports included), and each project file's `new XCommand(` is mapped to the IAM action of
// the client package it was imported from.
import { readFileSync } from 'node:fs';
import { buildSync } from 'esbuild';

/** @aws-sdk package → IAM service prefix. */
const SERVICE: Record<string, string> = {
  'client-lambda': 'lambda',
  'client-scheduler': 'scheduler',
  'client-kafka': 'kafka',
  'client-cloudwatch': 'cloudwatch',
  'client-secrets-manager': 'secretsmanager',
  'client-dynamodb': 'dynamodb',
  'client-kms': 'kms',
  'client-glue': 'glue',
  'lib-dynamodb': 'dynamodb',
};

/** lib-dynamodb's document commands send these DynamoDB operations. */
const DOCUMENT: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  Query: 'Query',
  Scan: 'Scan',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};

function bundle(entry: string) {
  return buildSync({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
}

/** The project files an entry's bundle would contain. */
export function moduleGraph(entry: string): string[] {
  return Object.keys(bundle(entry).metafile.inputs).filter((f) => f.startsWith('lambdas/'));
}

/** `service:Action` for every command an entry's module graph sends. */
export function entryActions(entry: string): string[] {
  return sdkActions(moduleGraph(entry));
}

/** `service:Action` for every command constructed in the files. */
export function sdkActions(files: readonly string[]): string[] {
  const out = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const origin = new Map<string, string>();
    for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@aws-sdk\/([^']+)'/g)) {
      for (const name of (m[1] ?? '').split(',').map((s) => s.trim().replace(/^type\s+/, ''))) if (name) origin.set(name, m[2] ?? '');
    }
    for (const m of text.matchAll(/new\s+(\w+)Command\s*\(/g)) {
      const name = m[1] ?? '';
      const pkg = origin.get(`${name}Command`);
      if (pkg === undefined) throw new Error(`${file}: ${name}Command is not imported from an @aws-sdk package`);
      const service = SERVICE[pkg];
      if (!service) throw new Error(`${file}: no IAM service known for @aws-sdk/${pkg}`);
      const action = pkg === 'lib-dynamodb' ? DOCUMENT[name] : name;
      if (!action) throw new Error(`${file}: no DynamoDB operation known for ${name}Command`);
      out.add(`${service}:${action}`);
    }
  }
  return [...out].sort();
}
