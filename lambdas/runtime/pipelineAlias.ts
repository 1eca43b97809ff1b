// Which Lambda alias serves which pipeline (DESIGN.md): the event source mapping targets a per-pipeline alias and the
// task reads the alias from context.invokedFunctionArn. Alias names allow [A-Za-z0-9_-], 128 characters at most.
import { createHash } from 'node:crypto';

const PLAIN = /^[A-Za-z0-9_-]{1,100}$/;

/** `p-<name>` when the name is alias-safe; else `h-<sanitized>-<hash>`, which needs a stored lookup to reverse. */
export function aliasForPipeline(name: string): string {
  if (PLAIN.test(name)) return `p-${name}`;
  const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 12);
  const sanitized = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  return `h-${sanitized}-${hash}`;
}

/** The pipeline name a plain alias names, or undefined for a hashed alias (look it up in the store). */
export function pipelineOfPlainAlias(alias: string): string | undefined {
  return alias.startsWith('p-') && PLAIN.test(alias.slice(2)) ? alias.slice(2) : undefined;
}

/** The alias in a qualified function ARN (arn:aws:lambda:region:acct:function:fn:alias), if any. */
export function aliasOfFunctionArn(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length !== 8 || parts[5] !== 'function') return undefined;
  const qualifier = parts[7]!;
  return qualifier === '$LATEST' || /^\d+$/.test(qualifier) ? undefined : qualifier;
}
