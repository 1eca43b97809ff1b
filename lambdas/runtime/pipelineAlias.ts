// Which Lambda alias serves which pipeline (DESIGN.md): the event source mapping targets a per-pipeline alias and the
// task reads the alias from context.invokedFunctionArn. The alias name itself comes from awsNames.ts.
import { aliasName } from './awsNames.js';

export { pipelineOfPlainAlias } from './awsNames.js';

/** `p-<name>` when the name is alias-safe and short enough; else `h-<prefix>-<hash>` (awsNames.aliasName). */
export function aliasForPipeline(name: string): string {
  return aliasName(name);
}

/** The alias in a qualified function ARN (arn:aws:lambda:region:acct:function:fn:alias), if any. */
export function aliasOfFunctionArn(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length !== 8 || parts[5] !== 'function') return undefined;
  const qualifier = parts[7]!;
  return qualifier === '$LATEST' || /^\d+$/.test(qualifier) ? undefined : qualifier;
}
