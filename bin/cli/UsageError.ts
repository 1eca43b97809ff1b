// A command line the CLI cannot run: printed with the usage, no stack, exit code 2.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
