// The AWS SDK commands a Lambda entry can send, found in its module graph: esbuild resolves the graph (the files the
// bundle would hold, dynamic imports included), and each project file's `new XCommand(` is mapped to the IAM action of
// the client package it was imported from. A file whose commands are sent through different functions of the code
// (GATED) counts a command only when the entry's tree-shaken bundle keeps the function it is sent through.
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

export interface Gate {
  /** The file holding the command. */
  readonly file: string;
  readonly action: string;
  /** The only function of the code that makes the file send the command (test/lib/awsCallsInCode.test.ts checks it). */
  readonly through: string;
}

/**
 * KmsConfigCipher seals with Encrypt and opens with Decrypt; the code calls a cipher's seal only from sealConfig and
 * its open only from openConfig (lambdas/runtime/config/sealing.ts). The api function seals, the task functions open.
 */
export const GATED: readonly Gate[] = [
  { file: 'lambdas/adapters/aws/KmsConfigCipher.ts', action: 'kms:Encrypt', through: 'sealConfig' },
  { file: 'lambdas/adapters/aws/KmsConfigCipher.ts', action: 'kms:Decrypt', through: 'openConfig' },
];

function bundle(entry: string) {
  return buildSync({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
}

/** The project files an entry's bundle would contain. */
export function moduleGraph(entry: string): string[] {
  return Object.keys(bundle(entry).metafile.inputs).filter((f) => f.startsWith('lambdas/'));
}

/** Whether esbuild's tree-shaken bundle keeps a declaration of the function (renamed `name2`… on a name clash). */
export function keepsFunction(code: string, name: string): boolean {
  return new RegExp(`\\bfunction\\s+${name}\\d*\\b`).test(code);
}

/** `service:Action` for every command an entry's module graph sends, gated commands only through a kept function. */
export function entryActions(entry: string): string[] {
  const r = bundle(entry);
  const files = Object.keys(r.metafile.inputs).filter((f) => f.startsWith('lambdas/'));
  const code = r.outputFiles.map((f) => f.text).join('\n');
  const unsent = new Set(GATED.filter((g) => files.includes(g.file) && !keepsFunction(code, g.through)).map((g) => `${g.file} ${g.action}`));
  return [...new Set(files.flatMap((f) => sdkActions([f]).filter((a) => !unsent.has(`${f} ${a}`))))].sort();
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
