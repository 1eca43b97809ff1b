// An AWS target the CLI cannot use: no region or credentials, no such stack, no API URL output, a request it cannot
// sign. The CLI prints its message and exits 3.
export class TargetError extends Error {
  override readonly name = 'TargetError';
}
