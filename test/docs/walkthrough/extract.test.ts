import { describe, expect, it } from 'vitest';
import { walkthroughSteps } from './extract.js';

const md = (...lines: string[]) => lines.join('\n');

describe('extracting the README walkthrough', () => {
  it('pairs each command block with the output block right after it, in the chosen sections only', () => {
    const steps = walkthroughSteps(
      md('## Other', '```sh', 'rm -rf /', '```', '## Try', 'Run:', '```sh', 'curl -s x', '```', '', '```json', '{"a":1}', '```', 'Then:', '```sh', 'echo hi', '```'),
      ['Try'],
    );
    expect(steps).toEqual([
      { line: 7, section: 'Try', command: 'curl -s x', mode: 'run', expected: { kind: 'json', text: '{"a":1}' } },
      { line: 15, section: 'Try', command: 'echo hi', mode: 'run' },
    ]);
  });

  it('reads the server and skip markers, and a skip must say why', () => {
    const steps = walkthroughSteps(md('## Try', '<!-- readme-test: skip: needs the network -->', '```sh', 'npm ci', '```', '<!-- readme-test: server -->', '```sh', 'npm start', '```'), ['Try']);
    expect(steps.map((s) => [s.mode, s.reason])).toEqual([
      ['skip', 'needs the network'],
      ['server', undefined],
    ]);
    expect(() => walkthroughSteps(md('## Try', '<!-- readme-test: skip -->', '```sh', 'npm ci', '```'), ['Try'])).toThrow(/README line 3: marker 'skip'/);
  });

  it('refuses an output block that follows no command, since nothing could check it', () => {
    expect(() => walkthroughSteps(md('## Try', '```sh', 'curl x', '```', 'prose', '```json', '{}', '```'), ['Try'])).toThrow(/README line 6: an output block that follows no command block/);
  });
});
