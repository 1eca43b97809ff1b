// Runs a benchmark under the V8 flags the task functions are deployed with (lib/TaskFunctions.ts taskNodeOptions),
// so the figures are those of the Lambda: the bench file re-executes itself once with them.
import { spawnSync } from 'node:child_process';
import { TASK_MEMORY_MB, taskNodeOptions } from '../lib/TaskFunctions.js';

/** The deployed V8 flags, without --enable-source-maps (bundles only; the benches run the sources through tsx). */
export const DEPLOYED_FLAGS = taskNodeOptions(TASK_MEMORY_MB)
  .split(' ')
  .filter((f) => f !== '--enable-source-maps');

/** True when this process already runs with the deployed flags. */
export function runsAsDeployed(): boolean {
  return DEPLOYED_FLAGS.every((f) => process.execArgv.includes(f));
}

/** Runs `file` again with the deployed flags (and `env`), output inherited; returns its exit status. */
export function runAsDeployed(file: string, env: Record<string, string> = {}): number {
  const r = spawnSync(process.execPath, [...process.execArgv, ...DEPLOYED_FLAGS, file], { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}
