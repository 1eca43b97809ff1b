// Runs a README command block with bash, stopping at the first failing command (set -e, pipefail), as a reader who
// pastes it would notice; and starts a server block in its own process group, so all of it can be stopped.
import { type ChildProcess, spawn } from 'node:child_process';
import { waitFor } from '../../helpers/waitFor.js';

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ShellOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export function runBlock(command: string, options: ShellOptions, timeoutMs = 60_000): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', command], { ...options, timeout: timeoutMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Server {
  readonly output: () => Ran;
  stop(): Promise<void>;
}

export function startServer(command: string, options: ShellOptions): Server {
  const child: ChildProcess = spawn('bash', ['-c', command], { ...options, detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  /** Signals every process of the group; false when none is left. */
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-child.pid!, signal);
      return true;
    } catch {
      return false;
    }
  };
  return {
    output: () => ({ code: child.exitCode, stdout, stderr }),
    async stop() {
      // Ctrl-C, as in a terminal (to the whole foreground group); SIGKILL what is left after 30 s.
      signalGroup('SIGINT');
      try {
        await waitFor(async () => !signalGroup(0), 30_000, 'the server to stop on SIGINT');
      } finally {
        signalGroup('SIGKILL');
      }
    },
  };
}
