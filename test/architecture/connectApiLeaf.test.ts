// lambdas/connect-api is the public connector API: a leaf that a plugin depends on alone. Every import of every file
// in it (static, type-only, re-export, dynamic, require, triple-slash reference) must resolve inside the folder or be
// a node: builtin. biome.json's noRestrictedImports says the same by patterns; this test checks resolved paths, so a
// specifier that climbs out and back (`../x/../../runtime/...`) cannot slip through.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LEAF = join(ROOT, 'lambdas', 'connect-api');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?ts|[cm]?js)$/.test(e.name) ? [path] : [];
  });
}

/** The imports of `text` (a file at `file`) that leave `leaf`: specifiers that are neither node: builtins nor paths inside it. */
function escapingImports(file: string, text: string, leaf: string = LEAF): string[] {
  const info = ts.preProcessFile(text, true, true);
  const specifiers = [...info.importedFiles, ...info.referencedFiles, ...info.typeReferenceDirectives, ...info.libReferenceDirectives].map((f) => f.fileName);
  return specifiers.filter((spec) => {
    if (spec.startsWith('node:')) return false;
    if (!spec.startsWith('./') && !spec.startsWith('../') && !spec.startsWith('/')) return true; // a package, or a builtin without node:
    const target = resolve(dirname(file), spec);
    const rel = relative(leaf, target);
    return rel === '' || rel.startsWith('..') || rel.startsWith(sep) || resolve(leaf, rel) !== target;
  });
}

describe('lambdas/connect-api', () => {
  const files = sourceFiles(LEAF);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.map((f) => relative(LEAF, f))).toContain('connector.ts');
  });

  it('imports nothing outside its folder but node: builtins', () => {
    const found = files.flatMap((f) => escapingImports(f, readFileSync(f, 'utf8')).map((spec) => `${relative(ROOT, f)} imports ${spec}`));
    expect(found).toEqual([]);
  });
});

describe('the import check', () => {
  const file = join(LEAF, 'config', 'Example.ts');
  it('flags what leaves the folder, in every import form', () => {
    const text = [
      // A triple-slash reference counts only at the top of a file.
      '/// <reference path="../../../lib/x.d.ts" />',
      "import { a } from '../../runtime/ports/Clock.js';",
      "import type { B } from '../errors.js/../../runtime/x.js';",
      "export * from '../data/../../api/routes.js';",
      "import kafka from 'kafkajs';",
      "import { S3 } from '@aws-sdk/client-s3';",
      "import fs from 'fs';",
      "const m = await import('pg');",
      "type T = typeof import('../../sink/index.js');",
      "const r = require('mysql2');",
      "import x from '/etc/passwd';",
    ].join('\n');
    expect(escapingImports(file, text).sort()).toEqual(
      [
      '../../runtime/ports/Clock.js',
      '../errors.js/../../runtime/x.js',
      '../data/../../api/routes.js',
      'kafkajs',
      '@aws-sdk/client-s3',
      'fs',
      'pg',
      '../../sink/index.js',
      'mysql2',
      '../../../lib/x.d.ts',
      '/etc/passwd',
      ].sort(),
    );
  });

  it('allows node: builtins and paths within the folder', () => {
    const text = ["import { readFileSync } from 'node:fs';", "import { Schema } from '../data/Schema.js';", "import { maskSecrets } from '../maskSecrets.js';", "export * from './validators.js';", "const c = await import('./ConfigDef.js');"].join('\n');
    expect(escapingImports(file, text)).toEqual([]);
  });
});
